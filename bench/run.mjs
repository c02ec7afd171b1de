#!/usr/bin/env node
// `npm run bench`: measures Gloss's annotator (bundled from the current source, as the content
// script bundles it) in Debian's Chromium on generated pages of about 10k, 100k and 1M words and
// on a page that appends paragraphs in bursts, next to four baselines on the same pages; writes
// BENCHMARKS.md and bench/results.json.
//
// `npm run bench:quick` (--quick): the 10k page and a short feed, two runs each; checks that the
// marks are the same across runs and equal to the matcher's own count, that nothing was marked
// in excluded zones, that clear() restores the page and that Gloss threw nothing. Exits 1 on any
// inconsistency. No timing is asserted and nothing is written.
//
// Options: --sizes=10k,100k (subset of pages), --methods=gloss,b0 (subset of methods), --runs=N
// (measured runs of every method), --no-write; --report writes BENCHMARKS.md again from
// bench/results.json without measuring. --section=annotator, --section=everywhere or
// --section=left-alone runs one section only (the others' stored results are kept): "annotator" is
// the annotator against its baselines (bundled from source), "everywhere" the built extension's
// cost on pages with nothing to mark and its first highlight (bench/everywhere.mjs), "left-alone"
// how long the built extension takes to end the 1M page fully highlighted with nobody scrolling
// (bench/left-alone.mjs; full bench only; --cap=S caps each of its runs, 180 s by default).
// GLOSS_EXTENSION_PATH picks the build, .output/chrome-mv3 by default.
//
// The parts: bench/options.mjs (the command line and the plan of runs), bench/fixtures.mjs (the
// pages), bench/page.ts (what runs in the page: Gloss, the baselines, the matcher's own count),
// bench/annotator-section.mjs with bench/runner.mjs and bench/trace.mjs (the runs),
// bench/checks.mjs (consistency), bench/report.mjs with report-rows and report-targets (the words).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runAnnotatorSection } from './annotator-section.mjs';
import { fail, failures } from './checks.mjs';
import { runEverywhere } from './everywhere.mjs';
import { log } from './format.mjs';
import { runLeftAlone } from './left-alone.mjs';
import { EXTENSION_PATH, flag, LEFT_ALONE, QUICK, ROOT, SECTIONS, WRITE } from './options.mjs';
import { summarize } from './report.mjs';

/** Runs the sections asked for; a section not run keeps its results from bench/results.json. */
async function main() {
  const saved = existsSync(`${ROOT}bench/results.json`)
    ? JSON.parse(readFileSync(`${ROOT}bench/results.json`, 'utf8'))
    : null;
  let results;
  if (SECTIONS.includes('annotator')) {
    results = await runAnnotatorSection();
  } else {
    if (!saved && WRITE) throw new Error('No bench/results.json to keep the annotator section from: run it first.');
    results = { ...saved, everywhere: saved?.everywhere ?? null };
  }
  const annotatorFailures = [...failures];
  const builtExtension = () => {
    if (!existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
      throw new Error(`No built extension at ${EXTENSION_PATH}: build it (npx wxt build) or set GLOSS_EXTENSION_PATH.`);
    }
    return EXTENSION_PATH;
  };
  if (SECTIONS.includes('everywhere')) {
    const before = failures.length;
    results.everywhere = await runEverywhere({ quick: QUICK, extensionPath: builtExtension(), log, fail });
    results.everywhere.failures = failures.slice(before);
  } else if (saved?.everywhere && !QUICK) {
    results.everywhere = saved.everywhere;
  }
  if (SECTIONS.includes('left-alone')) {
    const before = failures.length;
    results.leftAlone = await runLeftAlone({ ...LEFT_ALONE, extensionPath: builtExtension(), log, fail });
    results.leftAlone.failures = failures.slice(before);
  } else if (saved?.leftAlone && !QUICK) {
    results.leftAlone = saved.leftAlone;
  } else {
    delete results.leftAlone;
  }
  // The annotator section's own consistency list; the other section keeps its list with it.
  results.failures = SECTIONS.includes('annotator') ? annotatorFailures : (saved?.failures ?? []);
  report(results);
}

/** Prints the summary and, unless told not to, writes BENCHMARKS.md and bench/results.json. */
function report(results) {
  if (WRITE) {
    writeFileSync(`${ROOT}bench/results.json`, `${JSON.stringify(slim(results), null, 2)}\n`);
  }
  const summary = summarize(results);
  process.stdout.write(`\n${summary.console}\n`);
  if (WRITE) {
    writeFileSync(`${ROOT}BENCHMARKS.md`, summary.markdown);
    log(`Wrote BENCHMARKS.md and bench/results.json (${results.seconds.toFixed(0)} s in all).`);
  }
  if (failures.length > 0) {
    process.stdout.write(
      `\n${failures.length} consistency check(s) failed:\n${failures.map((f) => `- ${f}`).join('\n')}\n`,
    );
    process.exitCode = 1;
  } else {
    process.stdout.write(`\nConsistency: all checks passed (${results.seconds.toFixed(0)} s).\n`);
  }
}

/** The raw results without the per-entity maps (kept small enough to read). */
function slim(results) {
  return JSON.parse(JSON.stringify(results, (key, value) => (key === 'byEntity' ? undefined : value)));
}

// --report: write BENCHMARKS.md again from bench/results.json (after changing the report only).
if (flag('report')) {
  const saved = JSON.parse(readFileSync(`${ROOT}bench/results.json`, 'utf8'));
  failures.push(...(saved.failures ?? []));
  report(saved);
} else {
  await main();
}
