// What `node bench/run.mjs` was asked to do (its command line) and the plan of runs that follows
// from it: pages, runs and caps per method, the feed, the viewport.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
export const flag = (name) => args.includes(`--${name}`);
const option = (name) => args.find((a) => a.startsWith(`--${name}=`))?.split('=')[1];

export const QUICK = flag('quick');
// "left-alone" (the 1M page left alone until fully highlighted) is in the full bench only.
export const SECTIONS =
  option('section')?.split(',') ?? (QUICK ? ['annotator', 'everywhere'] : ['annotator', 'everywhere', 'left-alone']);
export const EXTENSION_PATH = path.resolve(process.env.GLOSS_EXTENSION_PATH ?? `${ROOT}.output/chrome-mv3`);
export const WRITE = !QUICK && !flag('no-write');

// Measured runs per page and method, and the time cap of one run in seconds. Every method with
// more than one run gets a warm-up run first (discarded). Naive mark.js (B2) takes seconds per
// 10k words, so it runs once on the larger pages: with a cap long enough to measure it on 100k,
// and the usual 20 s cap on 1M.
const ALL_PAGES = [
  {
    label: '10k',
    words: 10_000,
    runs: { gloss: 5, b0: 5, b1: 5, b2: 5, b3: 5 },
    caps: { gloss: 180, b0: 60, b1: 60, b2: 20, b3: 20 },
  },
  {
    label: '100k',
    words: 100_000,
    runs: { gloss: 5, b0: 5, b1: 5, b2: 1, b3: 5 },
    caps: { gloss: 180, b0: 60, b1: 60, b2: 240, b3: 20 },
  },
  {
    label: '1M',
    words: 1_000_000,
    runs: { gloss: 5, b0: 5, b1: 5, b2: 1, b3: 5 },
    caps: { gloss: 120, b0: 60, b1: 60, b2: 20, b3: 20 },
  },
];
/** One more Gloss run per page, traced, to see where the main thread's time goes (cap in s). */
export const TRACE_CAP = { '10k': 180, '100k': 180, '1M': 20 };
const QUICK_PAGE = {
  label: '10k',
  words: 10_000,
  runs: { gloss: 2, b0: 1, b1: 1, b2: 1, b3: 1 },
  // Quick mode only smoke-tests the baselines; a 2 s cap on B2 exercises the cap itself.
  caps: { gloss: 60, b0: 20, b1: 20, b2: 2, b3: 20 },
};
const wantedSizes = option('sizes')?.split(',');
export const PAGES = QUICK ? [QUICK_PAGE] : ALL_PAGES.filter((p) => !wantedSizes || wantedSizes.includes(p.label));
export const RUNS = option('runs') ? Number(option('runs')) : null;
/** The left-alone section: runs of the 1M page, and the cap of each in s after DOMContentLoaded (--cap=S). */
export const LEFT_ALONE = { runs: RUNS ?? 3, capMs: (option('cap') ? Number(option('cap')) : 180) * 1000 };
export const FEED = QUICK
  ? { bursts: 6, perBurst: 10, intervalMs: 200, runs: 2, warmup: 0 }
  : { bursts: 20, perBurst: 10, intervalMs: 200, runs: 5, warmup: 1 };
export const METHODS = ['gloss', 'b0', 'b1', 'b2', 'b3'].filter(
  (m) => !option('methods') || option('methods').split(',').includes(m),
);
export const VIEWPORT = { width: 1280, height: 720 };
/** A reader skimming the page after Gloss finished, where runs were left for later. */
export const SKIM = { screens: 20, stepMs: 150 };
