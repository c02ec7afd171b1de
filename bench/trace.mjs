// Where the main thread's time goes while Gloss annotates: one more Gloss run with Chromium
// tracing on, and the trace cut into script, style, layout and paint inside the annotation window.

const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline'];

/** The name of a top-level task of the main thread, in older and newer Chromium traces. */
const TASK_EVENTS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Main-thread time of the page's renderer in a trace, by what it was spent on. */
function breakdown(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents ?? [];
  const mains = new Set();
  for (const e of events) {
    if (e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain') mains.add(`${e.pid}:${e.tid}`);
  }
  const tasksByThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (TASK_EVENTS.has(e.name) && e.ph === 'X' && mains.has(key))
      tasksByThread.set(key, (tasksByThread.get(key) ?? 0) + 1);
  }
  const main = [...tasksByThread].sort((a, b) => b[1] - a[1])[0]?.[0];
  // The annotation window, marked by console.timeStamp in page.ts.
  const stamp = (name) => events.find((e) => e.name === 'TimeStamp' && e.args?.data?.message === name)?.ts;
  const from = stamp('gloss-bench:start') ?? -Infinity;
  const to = stamp('gloss-bench:end') ?? Infinity;
  // Events of one kind can nest (Paint in Paint, a task in a task): each group's time is the
  // union of its intervals, clipped to the window.
  const groups = {
    task: TASK_EVENTS,
    style: new Set(['UpdateLayoutTree']),
    layout: new Set(['Layout']),
    paint: new Set(['PrePaint', 'Paint', 'Layerize', 'Commit']),
    rendering: new Set(['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit']),
  };
  const intervals = Object.fromEntries(Object.keys(groups).map((g) => [g, []]));
  let frames = 0;
  let longest = 0;
  let over50 = 0;
  for (const e of events) {
    if (`${e.pid}:${e.tid}` !== main || e.ph !== 'X' || !e.dur) continue;
    if (e.ts + e.dur <= from || e.ts >= to) continue;
    // Only the part inside the window counts (the first task begins before start()).
    const span = [Math.max(e.ts, from), Math.min(e.ts + e.dur, to)];
    for (const [group, names] of Object.entries(groups)) if (names.has(e.name)) intervals[group].push(span);
    if (e.name === 'PrePaint') frames++;
    if (TASK_EVENTS.has(e.name)) {
      longest = Math.max(longest, e.dur / 1000);
      if (e.dur > 50_000) over50++;
    }
  }
  const union = (list) => {
    let total = 0;
    let end = -Infinity;
    for (const [a, b] of list.sort((x, y) => x[0] - y[0])) {
      if (b <= end) continue;
      total += b - Math.max(a, end);
      end = b;
    }
    return total / 1000;
  };
  const busy = union(intervals.task);
  const rendering = union(intervals.rendering);
  return {
    windowMs: Number.isFinite(to - from) ? (to - from) / 1000 : null,
    busy,
    style: union(intervals.style),
    layout: union(intervals.layout),
    paint: union(intervals.paint),
    rendering,
    other: Math.max(0, busy - rendering),
    tasks: intervals.task.length,
    frames,
    longest,
    over50,
  };
}

export async function tracedGlossRun(browser, page, capMs) {
  await page.evaluate(() => window.GlossBench.prepare());
  await browser.startTracing(page, { categories: TRACE_CATEGORIES });
  const run = await page.evaluate((cap) => window.GlossBench.runGloss({ capMs: cap }), capMs);
  const trace = breakdown(await browser.stopTracing());
  return { run, trace };
}
