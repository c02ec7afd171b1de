// The words of "The cost of being everywhere" in BENCHMARKS.md and on the console, from the raw
// runs bench/everywhere.mjs returns (kept in bench/results.json as `everywhere`).
import { ENTITY_FREE, FRAMES, HIGHLIGHT_PAGES } from './everywhere.mjs';

// Why the missed targets are missed and what would close them, written from the CDP metrics of
// the run below (script vs compile vs other time per renderer) and the prefilter's hits. Keep it
// true when the content script changes.
const WHY = [
  "- **What runs where, in the build measured.** Every frame runs only the probe (`probe.js`, 15 kB, a plain script: one `storage.local` read, a word test of the frame's text, a MutationObserver for text added later; frames other than the top one wait for their own load event first). The highlighter (`content.js`, 118 kB: annotator, matcher, card loader) is run by the background only in frames whose text may hold a name, and reads the names it matches from storage; the in-page card's code (49 kB, Preact) only where a card opens. On these entity-free pages no frame loads the highlighter: Gloss's own script time is the *of the extra: script* column, under a millisecond on (a). Before this design every frame parsed a 390 kB script with the pack in it and built a matcher (+137 ms and +3.7 MB on (a), about 40 ms and 1.6 MB a frame, in the issue's measure).",
  '- **Entity-free page (target 10 ms, 0.5 MB).** The empty content script, measured in the same rounds, is the floor: what Chromium charges for any content script in a frame (its isolated world: a V8 context with the extension bindings). Gloss\'s extra over no extension is close to it in time and about 0.3 MB above it in heap: the probe\'s code and its key words, the `chrome.storage` binding its one read instantiates, and the MutationObserver. Single runs on this shared 2-core machine spread widely (see the ranges), so a median within a few ms of the target reads as "at the target", not "met". What would lower it further: nothing that runs in the frame is left to remove but the storage read (the key words of imported packs and the settings that change the test); passing those to the frame without `chrome.storage` (a dynamically registered content script carrying them) would save its binding.',
  "- **Per extra frame (target 2 ms, 0.2 MB).** The floor is about 0.16 MB and ~0 ms a frame here. Gloss adds about 0.06 MB and a few ms a frame above it: the same storage read and word test in each frame, after that frame's load. The heap target sits just above the floor, so it cannot be met by any design that runs a script in every frame; not running in small frames at all (asking the top frame or the background to probe a frame only when it is large enough to hold an article) would meet it, at the price of frames the top frame cannot see into (cross-origin ones).",
  "- **Load event (target +5%).** The article loads from 127.0.0.1 in about 25 ms, so 5% is about 1 ms, less than the floor itself delays it (the empty content script: see its row). With frames, each frame's load event now comes before Gloss looks at it; what remains is the isolated world made in each frame at `document_end`, which the page's load event waits for. `document_idle` for frames would move that after their load; Chrome decides when idle is, so the top frame keeps `document_end` for the reader's first highlight.",
  "- **First highlight on 10k (target 100 ms).** The path from DOMContentLoaded: the probe reads storage and finds a name in the first kilobyte of text; it asks the background, which runs the highlighter in the frame (`scripting.executeScript`); the highlighter reads settings, packs and the bundled names (in parallel), builds its matcher and compiles the Latin names' pattern (in tasks of their own, the longest about 60 ms, the one task over 50 ms counted), and writes what is in view. In this benchmark four browsers take turns on two shared cores and each one's service worker has often gone idle between its pages; a single browser on the same machine (the same tab reloaded, service worker awake or stopped) showed the first highlight 70–120 ms after DOMContentLoaded (median about 110 ms, 4 runs each, not in the table). What would close the rest: a matcher built first from the aliases whose key words the viewport's text holds (tens of aliases, compiled in a millisecond), the full one after the first write; and loading the highlighter with `import()` from the probe instead of through the service worker (WXT does not build content scripts as ES modules yet).",
  '- **The 10,000-alias pack.** Its names are tested with Bloom filters of each name\'s two key words (the longest two words), which a text passes only with both near each other; with its longest word alone, two common words of the article ("regional", "Tomas") made the top frame read the 1.5 MB index and build a 10,000-alias matcher for nothing (+375 ms, +16.5 MB in an earlier run of this section). Now an entity-free page costs with the big pack about what it costs with the bundled one, and frames pay nothing for the pack\'s size (+0.22 MB a frame, the 1 MB target met). On pages with its names, the whole index is read and its matcher built: the 100k page ends highlighted within 2× of the bundled pack\'s time.',
];

function stats(values) {
  const sorted = values.filter((v) => v !== null && v !== undefined && !Number.isNaN(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const q = (p) => {
    const i = (sorted.length - 1) * p;
    const lo = Math.floor(i);
    const hi = Math.ceil(i);
    return sorted[lo] + (sorted[hi] - sorted[lo]) * (i - lo);
  };
  return { median: q(0.5), min: sorted[0], max: sorted.at(-1), n: sorted.length };
}

const ms = (v) =>
  v === null || v === undefined
    ? '–'
    : `${v >= 1000 ? (v / 1000).toFixed(2) : v.toFixed(v < 10 ? 1 : 0)} ${v >= 1000 ? 's' : 'ms'}`;
const signedMs = (v) => (v === null || v === undefined ? '–' : `${v >= 0 ? '+' : '−'}${ms(Math.abs(v))}`);
const mb = (b) => `${(b / 1048576).toFixed(2)} MB`;
const signedMb = (b) => (b === null || b === undefined ? '–' : `${b >= 0 ? '+' : '−'}${mb(Math.abs(b))}`);
const pct = (v) => (v === null || v === undefined ? '–' : `${v >= 0 ? '+' : '−'}${Math.abs(v * 100).toFixed(1)}%`);
const cell = (s, f) => (s ? (s.n > 1 ? `${f(s.median)} [${f(s.min)}–${f(s.max)}]` : f(s.median)) : '–');

/** Medians and spreads of one browser on one page, and its extras over the page without Gloss. */
function summarizeLoads(ev) {
  const of = (v, p) => ev.load[v][p];
  const m = (v, p, f) => stats(of(v, p).map(f));
  const time = (r) => r.taskMs;
  const heap = (r) => r.heap;
  const load = (r) => r.loadMs;
  // Extras pair the runs of one round: the same moment of the machine for both browsers.
  const paired = (v, p, f) => stats(of(v, p).map((r, i) => (of('plain', p)[i] ? f(r) - f(of('plain', p)[i]) : null)));
  const rows = {};
  for (const v of Object.keys(ev.load)) {
    rows[v] = {};
    for (const p of ENTITY_FREE) {
      if (of(v, p).length === 0) continue;
      rows[v][p] = {
        time: m(v, p, time),
        heap: m(v, p, heap),
        load: m(v, p, load),
        script: m(v, p, (r) => r.main.ScriptDuration + (r.frameProcess?.ScriptDuration ?? 0)),
        compile: m(v, p, (r) => r.main.V8CompileDuration + (r.frameProcess?.V8CompileDuration ?? 0)),
        layout: m(
          v,
          p,
          (r) =>
            r.main.LayoutDuration +
            r.main.RecalcStyleDuration +
            (r.frameProcess ? r.frameProcess.LayoutDuration + r.frameProcess.RecalcStyleDuration : 0),
        ),
        framesTime: m(v, p, (r) => r.frameProcess?.TaskDuration ?? null),
        extraTime: v === 'plain' ? null : paired(v, p, time),
        extraHeap: v === 'plain' ? null : paired(v, p, heap),
        extraLoad: v === 'plain' ? null : paired(v, p, load),
        extraLoadPct:
          v === 'plain'
            ? null
            : stats(of(v, p).map((r, i) => (of('plain', p)[i] ? r.loadMs / of('plain', p)[i].loadMs - 1 : null))),
        extraScript:
          v === 'plain' ? null : paired(v, p, (r) => r.main.ScriptDuration + (r.frameProcess?.ScriptDuration ?? 0)),
        extraCompile:
          v === 'plain'
            ? null
            : paired(v, p, (r) => r.main.V8CompileDuration + (r.frameProcess?.V8CompileDuration ?? 0)),
      };
    }
  }
  // Per extra frame: the extra of the page with 20 frames less the extra of the page without, / 20.
  const perFrame = (v, p, f) => {
    const withFrames = of(v, p);
    const without = of(v, 'a');
    return stats(
      withFrames.map((r, i) =>
        of('plain', p)[i] && without[i] && of('plain', 'a')[i]
          ? (f(r) - f(of('plain', p)[i]) - (f(without[i]) - f(of('plain', 'a')[i]))) / FRAMES
          : null,
      ),
    );
  };
  for (const v of Object.keys(rows)) {
    if (v === 'plain') continue;
    for (const p of ['b', 'c']) {
      if (!rows[v][p]) continue;
      rows[v][p].perFrameTime = perFrame(v, p, time);
      rows[v][p].perFrameHeap = perFrame(v, p, heap);
    }
  }
  return rows;
}

function summarizeHighlights(ev) {
  const rows = {};
  for (const v of Object.keys(ev.highlight)) {
    rows[v] = {};
    for (const p of HIGHLIGHT_PAGES) {
      const runs = ev.highlight[v][p];
      if (runs.length === 0) continue;
      rows[v][p] = {
        first: stats(runs.map((r) => (r.first === null ? null : r.first - r.dcl))),
        done: stats(runs.map((r) => (r.last === null ? null : r.last - r.dcl))),
        long: stats(runs.map((r) => r.longBeforeFirst)),
        longest: stats(runs.map((r) => r.longestBeforeFirst)),
        marks: runs[0].marks,
      };
    }
  }
  return rows;
}

const LABEL = { a: '(a) no frames', b: `(b) ${FRAMES} same-origin frames`, c: `(c) ${FRAMES} cross-origin frames` };
const BROWSER = {
  plain: 'without Gloss',
  floor: 'an empty content script (floor)',
  gloss: 'Gloss (bundled pack)',
  big: 'Gloss + 10,000-alias pack',
};

/** The targets, each met or not, with the value that decides. */
function targets(loads, highlights) {
  const out = [];
  const verdict = (met, text) => out.push(`- **${met ? 'Met' : 'Not met'}**: ${text}`);
  const median = (s) => s?.median ?? null;
  for (const v of ['gloss', 'big']) {
    const a = loads[v]?.a;
    if (!a) continue;
    const who = v === 'gloss' ? '' : ' with the 10,000-alias pack';
    verdict(
      median(a.extraTime) <= 10,
      `an entity-free page costs at most 10 ms of extra main-thread time${who}: ${signedMs(median(a.extraTime))} (${cell(a.extraTime, signedMs)}).`,
    );
    verdict(
      median(a.extraHeap) <= 0.5 * 1048576,
      `and at most 0.5 MB of heap${who}: ${signedMb(median(a.extraHeap))}.`,
    );
    verdict(
      median(a.extraLoadPct) <= 0.05,
      `the load event delayed by at most 5%${who}, no frames: ${pct(median(a.extraLoadPct))} (${signedMs(median(a.extraLoad))}).`,
    );
    for (const p of ['b', 'c']) {
      const r = loads[v]?.[p];
      if (!r?.perFrameTime) continue;
      verdict(
        median(r.perFrameTime) <= 2,
        `each further entity-free frame at most 2 ms${who}, ${LABEL[p]}: ${signedMs(median(r.perFrameTime))} per frame.`,
      );
      verdict(
        median(r.perFrameHeap) <= 0.2 * 1048576,
        `and at most 0.2 MB per frame${who}, ${LABEL[p]}: ${signedMb(median(r.perFrameHeap))} per frame.`,
      );
      if (v === 'big')
        verdict(
          median(r.perFrameHeap) <= 1048576,
          `content-script memory per frame with the 10,000-alias pack at most 1 MB, ${LABEL[p]}: ${signedMb(median(r.perFrameHeap))}.`,
        );
      verdict(
        median(r.extraLoadPct) <= 0.05,
        `the load event delayed by at most 5%${who}, ${LABEL[p]}: ${pct(median(r.extraLoadPct))} (${signedMs(median(r.extraLoad))}).`,
      );
    }
  }
  const h10 = highlights.gloss?.['10k'];
  if (h10)
    verdict(
      median(h10.first) <= 100,
      `first highlight within 100 ms of DOMContentLoaded on 10k: ${ms(median(h10.first))} (${cell(h10.first, ms)}), ${cell(h10.long, (x) => String(Math.round(x)))} tasks over 50 ms before it.`,
    );
  const g = highlights.gloss?.['100k'];
  const b = highlights.big?.['100k'];
  if (g && b) {
    const x = median(b.done) / median(g.done);
    verdict(
      x <= 2,
      `highlighting the 100k page with the 10,000-alias pack within 2× of the bundled pack's time: ${ms(median(b.done))} vs ${ms(median(g.done))}, ${x.toFixed(2)}×.`,
    );
  }
  return out;
}

export function everywhereMarkdown(ev) {
  if (!ev) return [];
  const loads = summarizeLoads(ev);
  const highlights = summarizeHighlights(ev);
  const m = ev.machine;
  const md = [];
  md.push('## The cost of being everywhere');
  md.push('');
  md.push(
    `Measured on ${ev.date.slice(0, 10)} (${ev.date}) in ${Math.round(ev.seconds)} s by \`node bench/run.mjs --section=everywhere\` ([bench/everywhere.mjs](bench/everywhere.mjs)), on the built extension (\`${ev.extensionPath}\`), ${m.cores} CPU cores (${m.cpuModel}), load average ${m.loadAverage.map((x) => x.toFixed(2)).join(' / ')} when it started: a machine shared with other work, so single runs vary; Chromium ${m.chromium}, Node ${m.node}.${ev.quick ? ' **Quick mode: 2 runs, not for reading.**' : ''}`,
  );
  md.push('');
  md.push(
    [
      `- **Four browsers side by side**, each a fresh profile of the same Chromium: without any extension; with an extension whose only content script is empty, in every frame at \`document_end\` (the floor: what the browser charges for any content script, its isolated world in each frame); with Gloss as installed (the bundled pack); and with Gloss plus a generated pack of ${ev.bigPack?.entities?.toLocaleString('en-US')} entities and ${ev.bigPack?.aliases?.toLocaleString('en-US')} aliases (${((ev.bigPack?.bytes ?? 0) / 1e6).toFixed(1)} MB; [bench/big-pack.mjs](bench/big-pack.mjs), seeded: people with titles and surnames, organizations with acronyms, places, initiatives, in Latin with accents, Cyrillic, Greek, Arabic and Chinese; every quote verbatim in its document), imported through the options page's import (\`glossBackground.importPack\` in the service worker): ${ev.bigPack?.ok ? `accepted in ${ms(ev.bigPack.ms)}` : '**refused**'}. Every round loads every page in every browser, one after another, so a busy moment hits all alike; ${ev.plan.warmup ? 'a warm-up round first (discarded), then ' : ''}${ev.plan.runs} rounds. Cells: median [min–max]; extras pair the runs of one round (with − without).`,
      `- **Entity-free pages** ([bench/entity-free.mjs](bench/entity-free.mjs)): a ${ev.article.words.toLocaleString('en-US')}-word local news article that names nothing of the bundled pack (checked: no mark in any frame, on every run, in every browser), (a) alone, (b) with ${FRAMES} ad frames of 180×120 px from the same origin ("Advertisement", an image placeholder, a line of copy), (c) the same frames from another site (localhost against 127.0.0.1, a second server), which Chromium puts in a renderer of their own.`,
      `- **Main thread**: CDP \`Performance.getMetrics\` \`TaskDuration\`, the time of all tasks on the renderer's main thread, enabled on a same-origin blank page before the article is loaded and read ${ev.plan.settleMs} ms after its load event. For (c), the frames' renderer is attached to before its frames start (auto-attach, waiting for the debugger) and its \`TaskDuration\` added; every frame's agent counts the whole thread, and all ${FRAMES} frames share one renderer, so the largest of their counts is that renderer's time (not the sum). The extension's service worker is not counted. **Heap**: \`JSHeapUsedSize\` after \`HeapProfiler.collectGarbage\`, of the page's renderer (all same-origin frames and the content scripts' isolated worlds share its heap) plus, for (c), the frames' renderer. **Load**: the top document's \`loadEventStart\` (navigation timing). **Per extra frame**: ((b) extra − (a) extra) / ${FRAMES}, and the same for (c).`,
      `- **First highlight**: the bench's 10k and 100k pages ([bench/fixtures.mjs](bench/fixtures.mjs)), loaded from 127.0.0.1 with the real extension; a script first in the page's head records \`performance.now()\` at DOMContentLoaded and, from then on, a MutationObserver in the page's main world records when a \`mark.gloss-mark\` is first added and when one was last added; \`PerformanceObserver\` \`longtask\` counts tasks over 50 ms between DOMContentLoaded and the first mark. **Marks stop changing**: the time of the last addition of a mark, from DOMContentLoaded, once no mark was added for ${ev.plan.quietMs / 1000} s. The 100k page has ${ev.plan.bigPackMentions} sentences naming entities of the big pack spread through it (the same page in both browsers), so that pack has names to find there.`,
    ].join('\n'),
  );
  md.push('');
  md.push('### Entity-free pages');
  md.push('');
  md.push(
    '| page | browser | main thread | extra | heap | extra | load event | extra | of the extra: script | compile |',
  );
  md.push('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const p of ENTITY_FREE) {
    for (const v of Object.keys(loads)) {
      const r = loads[v][p];
      if (!r) continue;
      md.push(
        `| ${LABEL[p]} | ${BROWSER[v]} | ${cell(r.time, ms)} | ${cell(r.extraTime, signedMs)} | ${cell(r.heap, mb)} | ${cell(r.extraHeap, signedMb)} | ${cell(r.load, ms)} | ${r.extraLoadPct ? `${pct(r.extraLoadPct.median)} (${signedMs(r.extraLoad?.median)})` : '–'} | ${cell(r.extraScript, signedMs)} | ${cell(r.extraCompile, signedMs)} |`,
      );
    }
  }
  md.push('');
  const perFrameRows = [];
  for (const v of ['floor', 'gloss', 'big']) {
    for (const p of ['b', 'c']) {
      const r = loads[v]?.[p];
      if (r?.perFrameTime)
        perFrameRows.push(
          `| ${BROWSER[v]} | ${LABEL[p]} | ${cell(r.perFrameTime, signedMs)} | ${cell(r.perFrameHeap, signedMb)} |`,
        );
    }
  }
  if (perFrameRows.length > 0) {
    md.push('Per extra frame, ((with frames − without) − (no frames: with − without)) / 20:');
    md.push('');
    md.push('| browser | frames | main thread per frame | heap per frame |');
    md.push('| --- | --- | --- | --- |');
    md.push(...perFrameRows);
    md.push('');
  }
  const c = loads.gloss?.c;
  if (c?.framesTime) {
    md.push(
      `Of (c)'s main-thread time, the cross-origin frames' renderer: ${cell(loads.plain.c.framesTime, ms)} without Gloss, ${cell(c.framesTime, ms)} with${loads.big?.c ? `, ${cell(loads.big.c.framesTime, ms)} with the big pack` : ''}.`,
    );
    md.push('');
  }
  md.push('### First highlight, and the 10,000-alias pack on pages with names');
  md.push('');
  md.push(
    '| page | browser | first highlight after DOMContentLoaded | tasks > 50 ms before it | longest of them | marks stop changing | marks |',
  );
  md.push('| --- | --- | --- | --- | --- | --- | ---: |');
  for (const p of HIGHLIGHT_PAGES) {
    for (const v of Object.keys(highlights)) {
      const r = highlights[v][p];
      if (!r) continue;
      md.push(
        `| ${p} (${ev.pages[p].toLocaleString('en-US')} words) | ${BROWSER[v]} | ${cell(r.first, ms)} | ${cell(r.long, (x) => String(Math.round(x)))} | ${cell(r.longest, ms)} | ${cell(r.done, ms)} | ${r.marks.toLocaleString('en-US')} |`,
      );
    }
  }
  md.push('');
  md.push('### Targets of this section');
  md.push('');
  md.push(...targets(loads, highlights));
  md.push('');
  md.push('### Why, and what would close the gaps');
  md.push('');
  md.push(...WHY);
  md.push('');
  md.push(
    (ev.failures ?? []).length === 0
      ? '**Consistency**: on every run, no mark on the entity-free pages in any frame of any browser; every frame loaded, the cross-origin ones out of process; the big pack accepted; the 10k and 100k pages highlighted, with the same marks on every run, and more with the big pack (its names on the 100k page).'
      : `**Consistency failed**: ${(ev.failures ?? []).join('; ')}`,
  );
  md.push('');
  return md;
}

export function everywhereConsole(ev) {
  if (!ev) return [];
  const loads = summarizeLoads(ev);
  const highlights = summarizeHighlights(ev);
  const lines = [`The cost of being everywhere${ev.quick ? ' (quick mode)' : ''}, medians (extra over no extension)`];
  for (const p of ENTITY_FREE) {
    for (const v of ['gloss', 'big']) {
      const r = loads[v]?.[p];
      if (!r) continue;
      lines.push(
        `  ${LABEL[p].padEnd(28)} ${BROWSER[v].padEnd(26)} main ${signedMs(r.extraTime?.median).padStart(9)}  heap ${signedMb(r.extraHeap?.median).padStart(9)}  load ${pct(r.extraLoadPct?.median).padStart(7)}${r.perFrameTime ? `  per frame ${signedMs(r.perFrameTime.median)}, ${signedMb(r.perFrameHeap?.median)}` : ''}`,
      );
    }
  }
  for (const p of HIGHLIGHT_PAGES) {
    for (const v of Object.keys(highlights)) {
      const r = highlights[v][p];
      if (r)
        lines.push(
          `  ${p.padEnd(5)} ${BROWSER[v].padEnd(26)} first ${ms(r.first?.median)}, marks stop ${ms(r.done?.median)}, ${r.marks} marks`,
        );
    }
  }
  return lines;
}
