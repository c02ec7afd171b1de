// The words of "A page left alone" in BENCHMARKS.md and on the console, from the raw runs
// bench/left-alone.mjs returns (kept in bench/results.json as `leftAlone`).
import { int, ms, spread, stats } from './format.mjs';

/** How the runs ended: the time until fully highlighted, or how far the first run that did not got. */
function outcome(la) {
  const stopped = la.runs.find((r) => !r.full);
  if (stopped) {
    return `not fully highlighted after ${la.capMs / 1000} s (${int(stopped.marks)} of ${int(la.expected)} marks)`;
  }
  return `fully highlighted ${spread(stats(la.runs.map((r) => r.endMs)))} after DOMContentLoaded (${int(la.expected)} marks)`;
}

const count = (v) => String(Math.round(v));
const tasks = (n) => `${n} task${n === 1 ? '' : 's'}`;

export function leftAloneConsole(la) {
  if (!la?.runs?.length) return [];
  const over50 = stats(la.runs.map((r) => r.tasksOver50));
  return [
    `A page left alone: ${int(la.words)} words, ${outcome(la)}; ${spread(over50, count)} tasks over 50 ms meanwhile`,
  ];
}

export function leftAloneMarkdown(la) {
  if (!la?.runs?.length) return [];
  const runs = la.runs;
  const lines = ['## A page left alone', ''];
  lines.push(
    `The built extension on the ${int(la.words)}-word page that nobody scrolls: the time from DOMContentLoaded (the page's own clock) until the last mark was added, once all ${int(la.expected)} mentions the matcher counts (as in the Gloss table above) are marks and none was added for ${la.quietMs / 1000} s, and the page's \`longtask\` entries (tasks over 50 ms) in that window, or up to the cap for a run that did not get there. Measured on ${la.date.slice(0, 10)} by \`node bench/run.mjs --section=left-alone\` ([bench/left-alone.mjs](bench/left-alone.mjs)) on \`${la.extensionPath}\`; a run not fully highlighted within its cap is the result, and no more runs follow.`,
  );
  lines.push('');
  lines.push('| runs | outcome | first mark | tasks > 50 ms | longest task |');
  lines.push('| ---: | --- | --- | --- | --- |');
  lines.push(
    `| ${runs.length} | ${outcome(la)} | ${spread(stats(runs.map((r) => r.firstMs)))} | ${spread(stats(runs.map((r) => r.tasksOver50)), count)} | ${spread(stats(runs.map((r) => r.longestTaskMs)))} |`,
  );
  lines.push('');
  if (la.pageOwn) {
    lines.push(
      `For comparison, the page's own: loaded without the extension in the same run, it has ${tasks(la.pageOwn.tasksOver50)} over 50 ms in the ${la.pageOwn.windowMs / 1000} s after DOMContentLoaded (the longest ${ms(la.pageOwn.longestTaskMs)}).`,
    );
    lines.push('');
  }
  if (la.failures?.length) lines.push(...la.failures.map((f) => `- **Failed**: ${f}`), '');
  return lines;
}
