// BENCHMARKS.md and the console summary, in words, from the bench's raw results (what the
// sections return, or bench/results.json again with --report).
import { failures } from './checks.mjs';
import { everywhereConsole, everywhereMarkdown } from './everywhere-report.mjs';
import { int, mb, ms, pct, signedMb, spread, stats } from './format.mjs';
import { leftAloneConsole, leftAloneMarkdown } from './left-alone-report.mjs';
import { SKIM } from './options.mjs';
import { baseCell, baseScreenCell, feedSummary, glossScreen, glossTotal, summaryRows, versus } from './report-rows.mjs';
import { CLOSING_THE_GAPS, targetLines } from './report-targets.mjs';

export function summarize(results) {
  const rows = summaryRows(results);
  const { feedRuns, allLatencies, feedP50, feedP95, feedMax, feedLongest, feedOver50, feedInitial } =
    feedSummary(results);

  // Console table (also the quick mode's output).
  const consoleLines = [
    `Gloss${results.quick ? ' (quick mode)' : ''}, medians`,
    'page       words    marks  matcher    first      total     screen  longest  >50ms    clear       B0       B1        B2        B3  B3 screen',
  ];
  for (const r of rows) {
    const b = (x) => (x.failed ? 'threw' : x.over ? `>${x.capMs / 1000}s` : ms(x.s?.median));
    consoleLines.push(
      [
        r.entry.label.padEnd(5),
        int(r.entry.words).padStart(10),
        int(r.marks).padStart(8),
        int(r.expected ?? 0).padStart(8),
        ms(r.first?.median).padStart(8),
        (r.partial ? `>${r.capMs / 1000}s` : ms(r.total?.median)).padStart(10),
        (r.partial ? `>${r.capMs / 1000}s` : ms(r.screen?.median)).padStart(10),
        ms(r.longest?.median).padStart(8),
        String(r.over50?.median ?? '–').padStart(6),
        ms(r.clear?.median).padStart(8),
        b(r.b.b0).padStart(8),
        b(r.b.b1).padStart(8),
        b(r.b.b2).padStart(9),
        b(r.b.b3).padStart(9),
        (r.b.b3.failed || r.b.b3.over ? b(r.b.b3) : ms(r.b.b3.screen?.median)).padStart(10),
      ].join(' '),
    );
  }
  if (feedRuns.length > 0) {
    consoleLines.push(
      `feed: latency p50 ${ms(feedP50?.median)}, p95 ${ms(feedP95?.median)}, max ${ms(feedMax?.max)}; ${int(feedRuns[0].marks.total)} marks (matcher ${int(feedRuns[0].expected.total)}); longest task ${ms(feedLongest?.median)}`,
    );
  }

  const targets = targetLines(rows, feedRuns, feedP95);

  // Markdown.
  const md = [];
  const m = results.machine;
  const plan = (label, method) => results.pages.find((p) => p.label === label)?.methods[method];
  md.push('# Benchmarks');
  md.push('');
  md.push(
    `Written by \`npm run bench\` ([bench/run.mjs](bench/run.mjs)) on ${results.date.slice(0, 10)} (${results.date}); the whole run took ${Math.round(results.seconds / 60)} min (${Math.round(results.seconds)} s). Raw numbers of every run: [bench/results.json](bench/results.json).`,
  );
  md.push('');
  md.push(
    `**Machine**: ${m.cores} CPU cores, ${m.cpuModel}, ${(m.memory / 2 ** 30).toFixed(0)} GB RAM, ${m.platform}. Load average ${m.loadAverage.map((x) => x.toFixed(2)).join(' / ')} when the run started: other processes shared the ${m.cores} cores, so single runs vary; compare medians within this file. Chromium ${m.chromium} (headless, /usr/bin/chromium), playwright-core ${m.playwright}, Node ${m.node}.`,
  );
  md.push('');
  md.push('## What is measured');
  md.push('');
  const capText = (method) =>
    rows.map((r) => `${plan(r.entry.label, method)?.capMs / 1000} s on ${r.entry.label}`).join(', ');
  const runText = (method) =>
    rows
      .map((r) => {
        const p = plan(r.entry.label, method);
        if (!p) return `– on ${r.entry.label}`;
        const last = p.attempted > 1 ? 'the last one' : 'it';
        if (p.failed) return `${p.attempted} on ${r.entry.label} (${last} threw)`;
        if (p.over > 0) return `${p.attempted} on ${r.entry.label} (${last} stopped at its cap)`;
        return `${p.planned}${p.warmup ? ' + warm-up' : ''} on ${r.entry.label}`;
      })
      .join(', ');
  md.push(
    [
      `- **Pages** ([bench/fixtures.mjs](bench/fixtures.mjs), seeded PRNG: the same bytes on every run for a given knowledge pack): news-like articles of ${rows.map((r) => `${int(r.entry.words)} (${(r.entry.bytes / 1e6).toFixed(2)} MB)`).join(', ')} words with headings, paragraphs, lists, tables, quotes, figures and links, as one flat article (the way long articles and books are usually served); mentions of the pack's entities in all their forms (names, acronyms, titles, capitals, a few translations); names split by inline elements (\`<b>Antony</b> Blinken\`, \`Bl<span>inken</span>\`); trap words (\`us\`, \`USB\`, \`focus\`, \`power\`, \`price\`, \`Chinese\`, \`trumpet\`); excluded zones holding entity names (code, pre, kbd, form fields, buttons, hidden, aria-hidden, contenteditable, the page's own \`<mark>\`). A reference alias ("Power") only follows its full name in the same paragraph, so the expected marks do not depend on reading order. Viewport 1280×720; a fresh browser context and page for every run.`,
      `- **Gloss**: the real \`Annotator\`, \`Matcher\` and pack, bundled from the current source by esbuild ([bench/page.ts](bench/page.ts)) and injected with the content script's CSS, run as the content script runs it: \`new Annotator(document.body, { matcher }).start()\`.`,
      '  - *first highlight*: from the call to `start()` to the first animation frame in which a block that was in the viewport holds a `mark.gloss-mark` (a `requestAnimationFrame` loop checks those blocks, so this is what the reader sees, at frame resolution);',
      '  - *total*: until the promise of `start()` and then `idle()` resolve; *until on screen*: until the end of the rendering (style, layout, paint, on the main thread) of the first frame after that, so until the last mark is on screen, measured as for the baselines below; *`start()` call*: how long the call itself blocked; *longest task*, *tasks > 50 ms*: `PerformanceObserver` `longtask` entries overlapping that window (rendering included); *largest frame gap*: the longest time between two animation frames in it;',
      "  - *heap*: `HeapProfiler.collectGarbage` then `Runtime.getHeapUsage` (JS heap + Blink's garbage-collected heap, where DOM nodes live) before `start()`, after it finished (where runs were left for later, after all were written), and after `clear()`;",
      "  - *clear*: the time of `clear()`; the page's HTML must then be byte-identical to before (hash of `body.innerHTML`);",
      "  - *mentions found*: `Annotator.mentions()`, what the popup and the badge show. *written when done*: mentions that are marks in the page when `idle()` resolved (`countMentions`: a name split over elements counts once); fewer than found only on a page where every render is a long task, where runs beyond three screens of the viewport are written when they come near; *rest written*: then `revealAll()`, writing all of those at once (what a jump to any of them triggers), until it resolved. *matcher*: the matcher's own count, `Matcher.find` over the runs of text as the README defines them (joined across inline elements, split at blocks and excluded elements), in document order, written in bench/page.ts independently of the annotator's code. Mentions found, and the marks once all are written, must equal it, per entity, on every run.",
      `  - Gloss yields to the page, so it is stopped by a cap inside the page (${capText('gloss')}); a stopped run is reported with how many marks it had made, and Gloss is not run again on that page.`,
      `- **Baselines**, each one synchronous call on the same page, so each is a single long task: **B0** a TreeWalker that reads every text node (the floor); **B1** B0 plus \`Matcher.find\` on every text node, the DOM untouched; **B2** naive mark.js, \`mark(allAliases)\` with the array of every alias string the matcher uses and \`accuracy: 'exactly'\`, \`separateWordSearch: false\`, \`diacritics: false\`, \`caseSensitive: true\`; **B3** mark.js \`markRegExp\` with one combined pattern of every alias (longest first, Unicode word boundaries) over the whole body, excluded zones skipped. Each call runs in a task of its own that starts right after a frame was rendered (what a baseline prepares, such as B3's pattern, is built before and not timed), and is timed twice: *call*, the time of the call itself; *until on screen*, from the start of the call to the end of the rendering of the first frame after it (a \`requestAnimationFrame\` callback runs before that frame's style, layout and paint, and a task posted from it runs after them), since a page that receives thousands of marks at once pays for them in that render (B0 and B1 write nothing, so theirs is mostly the wait for the next frame). Caps, on the call and its render together: B2 ${capText('b2')}; B3 ${capText('b3')}; B0 and B1 60 s. A run over its cap is stopped by closing its page and reported as "over N s"; a run that throws is reported with the time until it threw; either way that baseline is not run again on that page.`,
      `- **Feed**: a ${int(results.feed?.baseWords ?? 0)}-word article (annotated first) to which the page appends ${results.feed?.bursts} bursts of ${results.feed?.perBurst} paragraphs, one burst every ${results.feed?.intervalMs} ms, scrolling to the bottom like a reader of an infinite feed; *latency* is from a paragraph's insertion to the first animation frame that shows a mark in it (every appended paragraph has a mention).`,
      `- **Runs**, interleaved method by method so that a busy moment of the machine hits all alike; a warm-up run first (discarded) wherever more than one run is planned; a run stopped at its cap (even the warm-up) is the result and ends that method on that page. Gloss: ${runText('gloss')}; B0: ${runText('b0')}; B1: ${runText('b1')}; B2: ${runText('b2')}; B3: ${runText('b3')}; feed: ${feedRuns.length} + warm-up. Cells show the median [min–max] over the runs.`,
    ].join('\n'),
  );
  md.push('');
  md.push('## Gloss');
  md.push('');
  md.push(
    '| page | words | mentions found (matcher) | written when done | rest written | first highlight | total | until on screen | `start()` call | longest task | tasks > 50 ms | longest frame | frames > 50 ms | largest frame gap | clear |',
  );
  md.push('| --- | ---: | ---: | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  const count = (v) => String(Math.round(v));
  for (const r of rows) {
    md.push(
      `| ${r.entry.label} | ${int(r.entry.words)} | ${int(r.marks)} (${int(r.expected ?? 0)}) | ${r.written ? int(r.written.median) : '–'} | ${r.reveal ? spread(r.reveal) : '–'} | ${spread(r.first)} | ${glossTotal(r)} | ${glossScreen(r)} | ${spread(r.startCall)} | ${spread(r.longest)} | ${spread(r.over50, count)} | ${spread(r.longestFrame)} | ${spread(r.framesOver50, count)} | ${spread(r.frameGap)} | ${spread(r.clear)}${r.partial ? ' (of the marks made)' : ''} |`,
    );
  }
  md.push('');
  const edited = rows.filter((r) => r.renderEdit);
  if (edited.length > 0) {
    md.push(
      `What one frame with any write costs the page, whoever writes: after the page itself changes one character of its text far below the viewport, Chromium renders (style, layout, paint) for ${edited.map((r) => `${spread(r.renderEdit)} on ${r.entry.label}`).join(', ')} (${edited[0].renderEdit.n} edits per page, on a fresh page, without Gloss). Gloss learns this cost from its first writes and sizes its slices to it.`,
    );
    md.push('');
  }
  md.push(
    `Marks: ${rows.map((r) => `${int(r.expected ?? 0)} mentions on ${r.entry.label} (one per ${r.expected ? Math.round(r.entry.words / r.expected) : '–'} words)`).join(', ')}; a name split over elements is one mention in several \`<mark>\` elements (${rows.map((r) => `${int(r.markElements)} on ${r.entry.label}${r.partial ? ' before the cap' : ''}`).join(', ')}).`,
  );
  md.push('');
  md.push('Memory, JS heap + DOM heap after a forced garbage collection:');
  md.push('');
  md.push(
    '| page | before | Δ after annotating | of which JS | of which DOM | Δ per mark | Δ after clear | (Δ − Δ after clear) per mark |',
  );
  md.push('| --- | ---: | --- | --- | --- | ---: | --- | ---: |');
  for (const r of rows) {
    const per = r.heapDelta && r.marks > 0 ? `${int(Math.round(r.heapDelta.median / r.marks))} B` : '–';
    const net =
      r.heapDelta && r.heapClearedDelta && r.marks > 0
        ? `${int(Math.round((r.heapDelta.median - r.heapClearedDelta.median) / r.marks))} B`
        : '–';
    md.push(
      `| ${r.entry.label}${r.partial ? ' (marks made before the cap)' : ''} | ${r.heapBefore ? mb(r.heapBefore.median) : '–'} | ${spread(r.heapDelta, signedMb)} | ${spread(r.heapJsDelta, signedMb)} | ${spread(r.heapDomDelta, signedMb)} | ${per} | ${spread(r.heapClearedDelta, signedMb)} | ${net} |`,
    );
  }
  md.push('');
  for (const r of rows.filter((row) => row.scroll)) {
    const sc = r.scroll;
    md.push(
      `Skimming ${r.entry.label} after the run, one screen down every ${SKIM.stepMs} ms for ${SKIM.screens} screens, while the sections coming near are written: ${spread(sc.framesOver50, (v) => String(Math.round(v)))} frames over 50 ms, the longest ${spread(sc.longestFrame)} (${spread(sc.tasksOver50, (v) => String(Math.round(v)))} tasks over 50 ms); of the ${int(sc.inView)} mentions in view when each pause ended (all runs together), ${int(sc.inViewUnwritten)} were not written yet (${pct(sc.inViewUnwritten, sc.inView)}).`,
    );
    md.push('');
  }
  const lazy = rows.filter((r) => r.heapAtIdleDelta);
  if (lazy.length > 0) {
    md.push(
      `Where runs were left for later, the rows above are measured once every mark was written; when the run ended, with only those near the viewport written, the heap had grown by ${lazy.map((r) => `${spread(r.heapAtIdleDelta, signedMb)} on ${r.entry.label}`).join(', ')}.`,
    );
    md.push('');
  }
  const traced = rows.filter((r) => r.traced);
  if (traced.length > 0) {
    md.push(
      "Where the main thread's time goes while Gloss annotates (one more run per page with Chromium tracing on, which slows it somewhat; not part of the timings above):",
    );
    md.push('');
    md.push(
      '| page | window | main thread busy | script, GC and other | style | layout | pre-paint, paint, commit | tasks | rendering updates | rendering per update | longest task |',
    );
    md.push('| --- | --- | --- | --- | --- | --- | --- | ---: | ---: | --- | --- |');
    for (const r of traced) {
      const t = r.traced;
      const render = t.rendering ?? t.style + t.layout + t.paint;
      md.push(
        `| ${r.entry.label} | ${ms(t.windowMs)}${t.finished ? '' : ` (stopped at ${t.capMs / 1000} s)`} | ${ms(t.busy)} | ${ms(t.other)} (${pct(t.other, t.busy)}) | ${ms(t.style)} | ${ms(t.layout)} (${pct(t.layout, t.busy)}) | ${ms(t.paint)} (${pct(t.paint, t.busy)}) | ${int(t.tasks ?? 0)} | ${int(t.frames)} | ${ms(t.frames > 0 ? render / t.frames : null)} | ${ms(t.longest)} |`,
      );
    }
    md.push('');
  }
  const probe = results.matcher ?? [];
  if (probe.length > 0) {
    const c = stats(probe.map((r) => r.constructMs));
    const f = stats(probe.map((r) => r.firstFindMs));
    const n = stats(probe.map((r) => r.nextFindMs));
    md.push(
      `The matcher's fixed cost, on an empty page (${probe.length} runs): \`new Matcher(aliases)\` ${spread(c)}; the first \`find()\` ${spread(f)}, when the one pattern of every alias is built and compiled (V8 compiles a regular expression on its first use); then ${spread(n)} for the same sentence. Gloss pays the first-use cost inside its first slice, and so does B1.`,
    );
    md.push('');
  }
  md.push('## Baselines');
  md.push('');
  md.push(
    'Same pages, time of the one call, and until what it wrote is on screen (the call and the render of the next frame); for Gloss, its total and until its last mark is on screen:',
  );
  md.push('');
  md.push(
    '| page | B0 read text: call | until on screen | B1 + match: call | until on screen | B2 naive mark.js: call | until on screen | B3 mark.js, one RegExp: call | until on screen | Gloss total | until on screen |',
  );
  md.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const r of rows) {
    const both = (b) => `${baseCell(b)} | ${baseScreenCell(b)}`;
    md.push(
      `| ${r.entry.label} | ${both(r.b.b0)} | ${both(r.b.b1)} | ${both(r.b.b2)} | ${both(r.b.b3)} | ${glossTotal(r)} | ${glossScreen(r)} |`,
    );
  }
  md.push('');
  const b3Frames = rows.filter((r) => r.b.b3.frame && r.b.b3.render);
  if (b3Frames.length > 0) {
    md.push(
      `B3's one call and the render after it, as the page lives through them: the render of the next frame alone ${b3Frames.map((r) => `${spread(r.b.b3.render)} on ${r.entry.label}`).join(', ')}; the longest task (\`longtask\`: the call or the render, each a task of its own) ${b3Frames.map((r) => `${spread(r.b.b3.task)} on ${r.entry.label}`).join(', ')}; the longest frame (\`long-animation-frame\`, the call and that render together) ${b3Frames.map((r) => `${spread(r.b.b3.frame)} on ${r.entry.label}`).join(', ')}.`,
    );
    md.push('');
  }
  md.push(
    `What the baselines found: ${rows.map((r) => `${r.entry.label}: B1 ${r.b.b1.count === null ? '–' : int(r.b.b1.count)} matches, B2 ${r.b.b2.count === null ? '–' : int(r.b.b2.count)} marks, B3 ${r.b.b3.count === null ? '–' : int(r.b.b3.count)} marks`).join('; ')}; Gloss ${rows.map((r) => `${int(r.expected ?? 0)} on ${r.entry.label}`).join(', ')}. Per text node, B1 and B3 miss the names split over elements; B2's whitespace-bounded \`exactly\` misses possessives and names before punctuation.`,
  );
  md.push('');
  md.push(
    "Ratios of the medians: against B0 and B1, which write nothing, Gloss's total against their call; against B2 and B3, which write marks, both until on screen (a cap, or the time until a run threw, bounds that baseline's time):",
  );
  md.push('');
  md.push('| page | Gloss / B0 | Gloss / B1 | B2 / Gloss | Gloss / B3 |');
  md.push('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows) {
    md.push(
      `| ${r.entry.label} | ${versus(r, r.b.b0, true)} | ${versus(r, r.b.b1, true)} | ${versus(r, r.b.b2, false, true)} | ${versus(r, r.b.b3, true, true)} |`,
    );
  }
  md.push('');
  if (feedRuns.length > 0) {
    md.push('## Dynamic page (infinite feed)');
    md.push('');
    md.push(
      '| runs | paragraphs | latency p50 | latency p95 | latency max | longest task | tasks > 50 ms | initial article | marks (matcher) |',
    );
    md.push('| ---: | ---: | --- | --- | --- | --- | --- | --- | ---: |');
    md.push(
      `| ${feedRuns.length} | ${results.feed.bursts * results.feed.perBurst} per run | ${spread(feedP50)} | ${spread(feedP95)} | ${spread(feedMax)} | ${spread(feedLongest)} | ${spread(feedOver50, (v) => String(Math.round(v)))} | ${spread(feedInitial)} | ${int(feedRuns[0].marks.total)} (${int(feedRuns[0].expected.total)}) |`,
    );
    md.push('');
    const pooled = stats(allLatencies);
    md.push(
      `p50, p95 and max are computed per run; the cells show their median [min–max] over the runs. All ${int(allLatencies.length)} latencies pooled: p50 ${ms(pooled?.median)}, p95 ${ms(pooled?.p95)}. Long tasks here include the page's own work (inserting the burst, scrolling).`,
    );
    md.push('');
  }
  md.push('## Targets');
  md.push('');
  md.push('Verdicts use the medians; the worst run is given where it matters.');
  md.push('');
  md.push(...targets);
  md.push('');
  md.push(...CLOSING_THE_GAPS);
  md.push('');
  md.push('## Consistency');
  md.push('');
  const annotatorFailures = results.failures ?? failures;
  if (annotatorFailures.length === 0) {
    md.push(
      "- On every run: marks equal, per entity, across runs and to the matcher's own count (for a run stopped at its cap, only that nothing was wrong); no mark inside an excluded zone; `clear()` left no mark and the page's HTML byte-identical; no exception from Gloss. Every appended feed paragraph got its mark.",
    );
  } else {
    md.push(...annotatorFailures.map((f) => `- **Failed**: ${f}`));
  }
  md.push('');
  md.push(...everywhereMarkdown(results.everywhere));
  md.push(...leftAloneMarkdown(results.leftAlone));
  md.push('## Reproduce');
  md.push('');
  md.push(
    '`npm run bench` (needs `/usr/bin/chromium`; about the time above). `npm run bench:quick` runs the 10k page and a short feed twice each and only checks consistency (exit code 1 if anything disagrees), for CI, and the quick version of "The cost of being everywhere" (2 rounds; checks that nothing is marked on the entity-free pages, that the 10k and 100k pages get their highlights, that the big pack imports). `node bench/run.mjs --sizes=10k,100k --methods=gloss,b0 --runs=3 --no-write` for a partial run; `node bench/run.mjs --section=everywhere` reruns only that section (about 6 min), keeping the rest of bench/results.json, against `GLOSS_EXTENSION_PATH` or `.output/chrome-mv3`; `--section=left-alone` the same for "A page left alone" (up to its cap per run, `--cap=S`).',
  );
  md.push('');
  consoleLines.push(...everywhereConsole(results.everywhere));
  consoleLines.push(...leftAloneConsole(results.leftAlone));
  return { markdown: md.join('\n'), console: consoleLines.join('\n') };
}
