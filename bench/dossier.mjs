// How soon the dossier page (entrypoints/dossier) is drawn and answers, in the page's own clock:
// with the bundled pack alone, and with a 2,000-entity pack (bench/big-pack.mjs) imported beside it.
// Run alone, after a build:   node bench/dossier.mjs [--runs=N] [--write]
// (GLOSS_EXTENSION_PATH picks another build than .output/chrome-mv3.) Not part of bench/run.mjs.
//
// Each round loads the dossier once in each browser, the order alternating, and reads:
// - ready: from navigation start to the mark the page sets once render() has returned (the table,
//   timeline and their listeners are in place: performance.mark('gloss-dossier-ready'));
// - filter: after that, one letter typed into the filter, until the next frame after the table
//   has been drawn again (the page answering input).
// The first load of each browser (nothing compiled or cached yet) is reported apart. The bundled
// pack's load is the baseline of the big pack's, in the same rounds; the targets are the issue's
// (interactive within 200 ms with the bundled pack, within 1 s with 2,000 entities).
// --write puts the section between its markers in BENCHMARKS.md and the raw runs in
// bench/dossier-results.json.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../scripts/chromium.mjs';
import { bigPackFile } from './big-pack.mjs';

const ROOT = path.resolve(new URL('..', import.meta.url).pathname);
const EXTENSION = path.resolve(process.env.GLOSS_EXTENSION_PATH ?? path.join(ROOT, '.output/chrome-mv3'));
const arg = (name, fallback) => {
  const found = process.argv.find((a) => a.startsWith(`--${name}=`));
  return found ? Number(found.split('=')[1]) : fallback;
};
const RUNS = arg('runs', 15);
const WRITE = process.argv.includes('--write');
const START = '<!-- dossier:start -->';
const END = '<!-- dossier:end -->';

const log = (...parts) => process.stderr.write(`${parts.join(' ')}\n`);

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p) => {
    const i = (sorted.length - 1) * p;
    const lo = Math.floor(i);
    return sorted[lo] + (sorted[Math.ceil(i)] - sorted[lo]) * (i - lo);
  };
  return { median: at(0.5), min: sorted[0], max: sorted.at(-1), p90: at(0.9), n: sorted.length };
}
const ms = (v) => `${v.toFixed(0)} ms`;
const spread = (s) => `${ms(s.median)} [${ms(s.min)}–${ms(s.max)}]`;

async function launch(label) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-dossier-bench-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [...CHROMIUM_ARGS, ...extensionArgs(EXTENSION)],
  });
  const isOurs = (w) => w.url().startsWith('chrome-extension://');
  const worker =
    context.serviceWorkers().find(isOurs) ?? (await context.waitForEvent('serviceworker', { predicate: isOurs }));
  const page = await context.newPage();
  return {
    label,
    context,
    worker,
    page,
    url: `chrome-extension://${new URL(worker.url()).host}/dossier.html`,
    close: async () => {
      await context.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** One load of the dossier: ready and filter times in the page's clock, and what it drew. */
async function measure(browser, round) {
  const { page } = browser;
  await page.goto(`${browser.url}?round=${round}`);
  await page.waitForSelector('html[data-ready]', { timeout: 30_000 });
  return page.evaluate(async () => {
    const ready = performance.getEntriesByName('gloss-dossier-ready')[0]?.startTime ?? Number.NaN;
    const knowledge = performance.getEntriesByName('gloss-dossier-knowledge')[0]?.startTime ?? Number.NaN;
    const drawn = {
      rows: document.querySelectorAll('tbody tr').length,
      columns: document.querySelectorAll('thead th[data-column]').length,
      events: document.querySelectorAll('.dossier-event').length,
    };
    const input = document.querySelector('[data-testid="matrix-filter"]');
    const began = performance.now();
    input.value = 'a';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Preact draws on a microtask after the event; the frame after it shows the result.
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
    const filter = performance.now() - began;
    return { ready, knowledge, filter, ...drawn };
  });
}

const browsers = [await launch('bundled pack'), await launch('bundled + 2,000-entity pack')];
try {
  const packText = bigPackFile();
  const imported = await browsers[1].worker.evaluate((text) => globalThis.glossBackground.importPack(text), packText);
  if (!imported.ok) throw new Error(`The big pack was refused: ${JSON.stringify(imported.problems?.slice(0, 2))}`);
  log(`big pack: ${imported.summary.entities} entities, ${(packText.length / 1e6).toFixed(2)} MB`);

  const first = [];
  for (const browser of browsers) first.push(await measure(browser, 'first'));
  const runs = browsers.map(() => []);
  for (let round = 0; round < RUNS; round++) {
    const order = round % 2 === 0 ? [0, 1] : [1, 0];
    for (const i of order) runs[i].push(await measure(browsers[i], round));
    log(
      `round ${round + 1}/${RUNS}: ${order.map((i) => `${browsers[i].label} ${ms(runs[i].at(-1).ready)}`).join(', ')}`,
    );
  }

  const targets = [200, 1000];
  const summary = browsers.map((browser, i) => ({
    label: browser.label,
    ready: stats(runs[i].map((r) => r.ready)),
    knowledge: stats(runs[i].map((r) => r.knowledge)),
    filter: stats(runs[i].map((r) => r.filter)),
    first: first[i],
    drawn: runs[i][0],
    target: targets[i],
  }));
  const ratio = summary[1].ready.median / summary[0].ready.median;
  const cpu = os.cpus();
  const machine = `${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${cpu.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB, Chromium headless (${CHROMIUM_PATH})`;
  const date = new Date().toISOString().slice(0, 10);
  const lines = [
    START,
    '## The dossier page',
    '',
    `\`node bench/dossier.mjs\` (run alone, after a build; not part of \`npm run bench\`), ${date}, ${machine}, shared with other work. ${RUNS} rounds, each loading the dossier once in each browser, the order alternating; medians [min–max]. Times are in the page's own clock: *ready* from navigation start until render() has returned (table, timeline and listeners in place), *filter* from a letter typed into the filter until the frame after the table is drawn again.`,
    '',
    '| Packs | Drawn | Packs read | Ready | Filter, one letter | First load (cold), ready | Target (ready) |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...summary.map(
      (s) =>
        `| ${s.label} | ${s.drawn.rows} rows × ${s.drawn.columns} columns, ${s.drawn.events} events | ${spread(s.knowledge)} | ${spread(s.ready)} | ${spread(s.filter)} | ${ms(s.first.ready)} | ${s.ready.median <= s.target ? 'met' : 'missed'}: ≤ ${s.target} ms |`,
    ),
    '',
    `With the 2,000-entity pack the page is ready in ${ratio.toFixed(2)}× the time it takes with the bundled pack alone (same rounds). *Packs read* is when the packs have come from storage (the mark \`gloss-dossier-knowledge\`): the rest of *ready* is the page's own work. The table draws ${summary[1].drawn.rows} rows at first and more on "Show more", so a large pack costs what its data costs to read and index, not a table of every row.`,
    END,
  ];
  const section = lines.join('\n');
  process.stdout.write(`${section}\n`);
  if (WRITE) {
    const file = path.join(ROOT, 'BENCHMARKS.md');
    const text = await readFile(file, 'utf8');
    const at = text.indexOf(START);
    const next =
      at >= 0
        ? text.slice(0, at) + section + text.slice(text.indexOf(END) + END.length)
        : `${text.trimEnd()}\n\n${section}\n`;
    await writeFile(file, next);
    await writeFile(
      path.join(ROOT, 'bench/dossier-results.json'),
      `${JSON.stringify({ date, machine, runs: RUNS, first, rounds: runs, labels: browsers.map((b) => b.label) }, null, 2)}\n`,
    );
    log('Wrote the dossier section of BENCHMARKS.md and bench/dossier-results.json.');
  }
} finally {
  for (const browser of browsers) await browser.close();
}
