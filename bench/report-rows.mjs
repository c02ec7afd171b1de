// The annotator section's raw runs summed up for the report: one row of medians and spreads per
// page (Gloss and the baselines), the feed's latencies, and the cells that say how a run ended.
import { int, ms, pct, ratio, spread, stats } from './format.mjs';

/** One row per page: Gloss's medians and spreads, and each baseline's. */
export function summaryRows(results) {
  return results.pages.map((entry) => {
    const slot = entry.methods.gloss ?? { runs: [], over: 0, capMs: 0 };
    const g = slot.runs;
    const pick = (f) => stats(g.map(f));
    const base = (name) => {
      const b = entry.methods[name] ?? { runs: [], over: 0, capMs: 0, attempted: 0, planned: 0 };
      return {
        s: stats(b.runs.map((r) => r.ms)),
        // Until on screen: the call and the rendering of the frame after it.
        screen: stats(b.runs.map((r) => r.renderedMs)),
        render: stats(b.runs.map((r) => r.renderMs)),
        task: stats(b.runs.map((r) => r.longestTaskMs)),
        frame: stats(b.runs.map((r) => r.longestFrameMs)),
        failed: b.failed ?? null,
        over: b.over > 0,
        capMs: b.capMs,
        attempted: b.attempted,
        count: b.runs[0]?.count ?? null,
      };
    };
    const heap = (h) => h.js + h.embedder;
    const partial = g.find((r) => !r.run.finished) ?? null;
    return {
      entry,
      finished: g.length > 0 && !partial,
      partial,
      capMs: slot.capMs,
      // Every mention found; where some were left for later, the heap was measured after all were written.
      marks: g[0]?.run.found.total ?? 0,
      written: pick((r) => r.run.marks.total),
      reveal: g.some((r) => r.reveal) ? pick((r) => r.reveal?.ms ?? null) : null,
      scroll: g.some((r) => r.scroll)
        ? {
            framesOver50: pick((r) => r.scroll?.framesOver50 ?? null),
            longestFrame: pick((r) => r.scroll?.longestFrameMs ?? null),
            tasksOver50: pick((r) => r.scroll?.tasksOver50 ?? null),
            inView: g.reduce((n, r) => n + (r.scroll?.inView ?? 0), 0),
            inViewUnwritten: g.reduce((n, r) => n + (r.scroll?.inViewUnwritten ?? 0), 0),
          }
        : null,
      heapAtIdleDelta: g.some((r) => r.heapAtIdle)
        ? pick((r) => (r.heapAtIdle ? heap(r.heapAtIdle) - heap(r.heapBefore) : null))
        : null,
      markElements: g[0]?.run.markElements ?? 0,
      expected: entry.expected?.total ?? null,
      first: pick((r) => r.run.firstHighlightMs),
      total: partial ? null : pick((r) => r.run.totalMs),
      screen: partial ? null : pick((r) => r.run.renderedMs),
      startCall: pick((r) => r.run.startCallMs),
      longest: pick((r) => r.run.longestTaskMs),
      over50: pick((r) => r.run.tasksOver50),
      longestFrame: pick((r) => r.run.longestFrameMs),
      framesOver50: pick((r) => r.run.framesOver50),
      renderEdit: stats(entry.renderEdit ?? []),
      frameGap: pick((r) => r.run.maxFrameGapMs),
      clear: pick((r) => r.clear.clearMs),
      heapBefore: pick((r) => heap(r.heapBefore)),
      heapDelta: pick((r) => heap(r.heapAfter) - heap(r.heapBefore)),
      heapJsDelta: pick((r) => r.heapAfter.js - r.heapBefore.js),
      heapDomDelta: pick((r) => r.heapAfter.embedder - r.heapBefore.embedder),
      heapClearedDelta: pick((r) => heap(r.heapCleared) - heap(r.heapBefore)),
      b: { b0: base('b0'), b1: base('b1'), b2: base('b2'), b3: base('b3') },
      runs: g.length,
      traced: entry.traced ?? null,
    };
  });
}

/** Gloss's total: the median, or how far it got when it was stopped at its cap. */
export const glossTotal = (r) => {
  if (r.partial) {
    return `over ${r.capMs / 1000} s (stopped with ${int(r.partial.run.marks.total)} of ${int(r.expected ?? 0)} marks, ${pct(r.partial.run.marks.total, r.expected ?? 0)})`;
  }
  return spread(r.total);
};
/** Gloss until its last mark is on screen (a stopped run: more than its cap). */
export const glossScreen = (r) => (r.partial ? `over ${r.capMs / 1000} s` : spread(r.screen));
/** A baseline that threw: the time until then, and where mark.js was in its keywords. */
export const failedText = (f) => {
  const where = f.keywords ? ` at keyword ${f.keywordsDone} of ${f.keywords}` : '';
  const estimate =
    f.keywords && f.keywordsDone > 0
      ? `; ≈ ${ms((f.ms * f.keywords) / f.keywordsDone)} for all keywords at that pace`
      : '';
  // The error may quote a pattern: a bare | would end the table cell it is shown in.
  return `threw after ${ms(f.ms)}${where} (${f.error.replaceAll('|', '\\|')})${estimate}`;
};
export const baseCell = (b) => {
  if (b.failed) return `${b.s ? `${spread(b.s)}; then ` : ''}${failedText(b.failed)}`;
  if (b.over) {
    const cap = `over ${b.capMs / 1000} s`;
    return b.s ? `${spread(b.s)}; a run went ${cap}` : `${cap} (stopped; ${b.attempted} run)`;
  }
  return `${spread(b.s)}${b.s && b.s.n < 5 ? ` (${b.s.n} run${b.s.n > 1 ? 's' : ''})` : ''}`;
};
/** A baseline until on screen; its call cell says why a run that threw or went over its cap has none. */
export const baseScreenCell = (b) => {
  if (b.screen) return spread(b.screen);
  return b.over ? `over ${b.capMs / 1000} s` : '–';
};
export const baseMedian = (b) => (b.over || b.failed ? null : (b.s?.median ?? null));
export const baseScreenMedian = (b) => (b.over || b.failed ? null : (b.screen?.median ?? null));
/** A lower bound on a baseline that did not finish: its cap, or the time until it threw. */
export const baseBound = (b) => (b.over ? b.capMs : b.failed?.ms > 0 ? b.failed.ms : null);
/**
 * Gloss time / baseline time, as a number or a bound when one of them hit its cap: Gloss's total
 * against the call, or (onScreen) both until on screen. A cap, or the time until a baseline threw,
 * bounds its time until on screen as well.
 */
export const versus = (r, b, glossOverBase, onScreen = false) => {
  const g = (onScreen ? r.screen : r.total)?.median ?? null;
  const gCap = r.partial ? r.capMs : null;
  const x = onScreen ? baseScreenMedian(b) : baseMedian(b);
  const xCap = baseBound(b);
  const f = (gv, bv) => (glossOverBase ? gv / bv : bv / gv);
  if (g !== null && x !== null) return `${ratio(f(g, x))}×`;
  if (g !== null && xCap !== null) return `${glossOverBase ? '<' : '>'} ${ratio(f(g, xCap))}×`;
  if (gCap !== null && x !== null) return `${glossOverBase ? '>' : '<'} ${ratio(f(gCap, x))}×`;
  return '–';
};

/** The feed's runs: p50, p95 and max computed per run, then their spread over the runs. */
export function feedSummary(results) {
  const feedRuns = results.feed?.runs ?? [];
  return {
    feedRuns,
    allLatencies: feedRuns.flatMap((r) => r.latenciesMs),
    feedP50: stats(feedRuns.map((r) => stats(r.latenciesMs)?.median)),
    feedP95: stats(feedRuns.map((r) => stats(r.latenciesMs)?.p95)),
    feedMax: stats(feedRuns.map((r) => stats(r.latenciesMs)?.max)),
    feedLongest: stats(feedRuns.map((r) => r.longestTaskMs)),
    feedOver50: stats(feedRuns.map((r) => r.tasksOver50)),
    feedInitial: stats(feedRuns.map((r) => r.initialMs)),
  };
}
