// The words of "The cost of being everywhere" in BENCHMARKS.md and on the console, from the raw
// runs bench/everywhere.mjs returns (kept in bench/results.json as `everywhere`).
import { ENTITY_FREE, FRAMES, HIGHLIGHT_PAGES } from './everywhere.mjs';

// Why the missed targets are missed and what would close them, written from the CDP metrics of
// the run below (script vs compile vs other time per renderer) and the prefilter's hits. Keep it
// true when the content script changes.
const WHY = [
  "- **Entity-free page, bundled pack (+22 ms, +0.72 MB, load +4 ms).** Not the matching: none of the article's words is a key word of the bundled pack (checked with `lib/matcher/prefilter.ts` against data/knowledge.json), so no alias index is read and no matcher built. The CDP breakdown puts only about 3 ms of the extra in script and none in compilation (V8's code cache); the rest is main-thread work that is neither script nor layout: creating the extension's isolated world in the frame with its `chrome.*` bindings, injecting the 114 kB content script, and the replies to its storage reads (settings, match sources) and listener registrations. The 0.72 MB is that world: its context, the bindings and the script's module graph. What would close it: a first stage of a few kB that only tests the page's text against the prefilter's words and brings the rest (annotator, messages, settings schemas) with `scripting.executeScript` or `import()` only when a text may hold a name; settings and sources read in one `storage.local.get`; no interval and no listeners in a frame with nothing to mark. The world itself costs something whatever the script does, which only not injecting avoids (next point).",
  "- **Per frame (+6.6 ms and +0.31 MB same-origin, +17 ms and +0.32 MB cross-origin) and the load event with frames (+39%, +27%).** Each frame gets the same fixed cost again: `allFrames: true` gives every frame its own isolated world and its own copy of the script, at `document_end`, before that frame's load event, and the top page's load event waits for every frame's. What would close it: not injecting into frames at all by default, and letting the top frame (or the background, through `scripting.executeScript` with `frameIds`) inject into a frame only when it is large enough to hold an article; or `document_idle` in frames, which moves the cost after their load (it would then still count in main-thread time and heap).",
  '- **Load event, no frames (+17%).** The page loads from 127.0.0.1 in about 28 ms, so 5% is 1.4 ms; the +4 ms is the injection above, which runs before the load event. It falls with the fixed cost.',
  "- **First highlight on 10k (154 ms).** Between DOMContentLoaded and the first mark the content script reads settings and sources from storage, then (a text may hold a name) the bundled alias index from storage, builds the matcher and compiles its pattern of every Latin alias, then writes its first slice. The matcher alone is over the budget: the annotator section's probe above puts `new Matcher(aliases)` at about 50 ms and the first `find()` (compiling the pattern) at about 70 ms on this machine. What would close it: a matcher of only the aliases whose key words the viewport's text holds (the prefilter already knows them), compiled in a few ms, with the full matcher built in idle time after the first slice; and the storage reads started at `document_start`, so they are done by DOMContentLoaded.",
  '- **The 10,000-alias pack on entity-free pages (+375 ms, +16.5 MB).** The article holds two words that are key words of the big pack: "regional" (the key word of French names such as "Conseil … régional") and "Tomas" (a first name). One hit is enough for the top frame to read the whole imported index from storage (1.5 MB of JSON) and build a matcher of all its 10,000 aliases, which then matches nothing. A pack this size will always share a few words with any page, so the fix is in what a hit costs: build, for a text that passes the prefilter, a matcher of only the aliases whose key word it holds (two dozen aliases here, not 10,000), and key each alias on its rarest word rather than its longest. The memory per frame with the big pack (+0.31 MB) is the same as with the bundled one: frames without a hit pay nothing for the pack\'s size, so the 1 MB target is met.',
  "- **Per frame with the big pack (+43 ms, against +6.6 ms with the bundled pack, the same heap).** Not isolated by this benchmark: the extra script time per frame is only about 2 ms more than with the bundled pack, so most of it is other main-thread work; the likely cause is the frames' work queueing behind the top frame's read and parse of the 1.5 MB index and its matcher build on the same thread (the frames load while that runs), which a trace of one run would confirm. The fix of the previous point removes that work.",
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
const BROWSER = { plain: 'without Gloss', gloss: 'Gloss (bundled pack)', big: 'Gloss + 10,000-alias pack' };

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
      `- **Three browsers side by side**, each a fresh profile of the same Chromium: without the extension, with Gloss as installed (the bundled pack), and with Gloss plus a generated pack of ${ev.bigPack?.entities?.toLocaleString('en-US')} entities and ${ev.bigPack?.aliases?.toLocaleString('en-US')} aliases (${((ev.bigPack?.bytes ?? 0) / 1e6).toFixed(1)} MB; [bench/big-pack.mjs](bench/big-pack.mjs), seeded: people with titles and surnames, organizations with acronyms, places, initiatives, in Latin with accents, Cyrillic, Greek, Arabic and Chinese; every quote verbatim in its document), imported through the options page's import (\`glossBackground.importPack\` in the service worker): ${ev.bigPack?.ok ? `accepted in ${ms(ev.bigPack.ms)}` : '**refused**'}. Every round loads every page in every browser, one after another, so a busy moment hits all alike; ${ev.plan.warmup ? 'a warm-up round first (discarded), then ' : ''}${ev.plan.runs} rounds. Cells: median [min–max]; extras pair the runs of one round (with − without).`,
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
  for (const v of ['gloss', 'big']) {
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
