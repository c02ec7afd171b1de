// The bench's consistency checks: the same marks on every run, equal to the matcher's count;
// nothing in excluded zones; clear() restores the page; no exception. Every failed check is kept
// in `failures` (the report lists them, and the run exits 1).
import { log } from './format.mjs';

export const failures = [];
export const fail = (message) => {
  failures.push(message);
  log(`  ✗ ${message}`);
};

export function sameCounts(a, b) {
  const keys = new Set([...Object.keys(a.byEntity), ...Object.keys(b.byEntity)]);
  return a.total === b.total && [...keys].every((k) => (a.byEntity[k] ?? 0) === (b.byEntity[k] ?? 0));
}

function diffCounts(a, b) {
  const keys = new Set([...Object.keys(a.byEntity), ...Object.keys(b.byEntity)]);
  return [...keys]
    .filter((k) => (a.byEntity[k] ?? 0) !== (b.byEntity[k] ?? 0))
    .slice(0, 5)
    .map((k) => `${k} ${a.byEntity[k] ?? 0}≠${b.byEntity[k] ?? 0}`)
    .join(', ');
}

export function checkGloss(label, i, r, expected, first) {
  const where = `${label} run ${i}`;
  const errors = [...r.run.errors, ...(r.reveal?.errors ?? []), ...r.clear.errors, ...r.pageErrors];
  if (errors.length > 0) fail(`${where}: Gloss threw: ${errors[0].split('\n')[0]}`);
  if (r.run.finished && !sameCounts(r.run.found, expected)) {
    fail(
      `${where}: ${r.run.found.total} mentions found, the matcher counts ${expected.total} (${diffCounts(r.run.found, expected)})`,
    );
  }
  // Every mention ends up a mark: at once, or once those left for later are written.
  const written = r.reveal?.marks ?? r.run.marks;
  if (r.run.finished && !sameCounts(written, expected)) {
    fail(
      `${where}: ${written.total} marks${r.reveal ? ' once all were written' : ''}, the matcher counts ${expected.total} (${diffCounts(written, expected)})`,
    );
  }
  const overWritten = Object.keys(r.run.marks.byEntity).filter(
    (id) => r.run.marks.byEntity[id] > (r.run.found.byEntity[id] ?? 0),
  );
  if (overWritten.length > 0) fail(`${where}: more marks than mentions found for ${overWritten.join(', ')}`);
  if (r.run.finished && first && !sameCounts(r.run.found, first)) fail(`${where}: mentions differ from the first run`);
  if (r.run.marksInExcluded > 0) fail(`${where}: ${r.run.marksInExcluded} marks inside excluded zones`);
  if (r.clear.remaining > 0) fail(`${where}: ${r.clear.remaining} marks left after clear()`);
  if (!r.clear.restored) fail(`${where}: the page's HTML differs after clear()`);
  if (r.run.finished && r.run.firstHighlightMs === null) fail(`${where}: no highlight ever appeared in the viewport`);
  if (r.run.finished && !(r.run.renderedMs >= r.run.totalMs)) {
    fail(`${where}: time until on screen ${r.run.renderedMs} is missing or shorter than the total ${r.run.totalMs}`);
  }
}

/** A baseline that finished its call: the frame after it was rendered, no sooner than the call ended. */
export function checkBaseline(tag, r) {
  if (!(r.renderedMs >= r.ms))
    fail(`${tag}: time until on screen ${r.renderedMs} is missing or shorter than the call ${r.ms}`);
}

export function checkFeed(i, r, first) {
  const where = `feed run ${i}`;
  const errors = [...r.errors, ...r.pageErrors];
  if (errors.length > 0) fail(`${where}: Gloss threw: ${errors[0].split('\n')[0]}`);
  if (!sameCounts(r.marks, r.expected)) {
    fail(
      `${where}: ${r.marks.total} marks, the matcher counts ${r.expected.total} (${diffCounts(r.marks, r.expected)})`,
    );
  }
  if (first && !sameCounts(r.marks, first)) fail(`${where}: marks differ from the first run`);
  if (r.missed > 0) fail(`${where}: ${r.missed} appended paragraphs never got a mark`);
  if (r.marksInExcluded > 0) fail(`${where}: ${r.marksInExcluded} marks inside excluded zones`);
}
