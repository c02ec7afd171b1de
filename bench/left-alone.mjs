// "A page left alone ends fully highlighted": the built extension on the bench's 1M-word page,
// which nobody scrolls. Measured in the page's own clock from DOMContentLoaded until every mention
// the matcher counts on the page is a mark and marks have stopped being added, with the tasks over
// 50 ms (`longtask`) in that window. A run that has not got there by its cap is reported as such,
// with how many marks it had: where runs far from the viewport are written only when the reader
// comes near, that is the honest result.
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { bundle } from './bundle.mjs';
import { launch, withInstrument } from './everywhere.mjs';
import { generatePage } from './fixtures.mjs';
import { int } from './format.mjs';

const WORDS = 1_000_000;
const VIEWPORT = { width: 1280, height: 720 };
/** Marks have stopped being added once none was added for this long (the time reported is that of the last). */
const QUIET_MS = 2000;

/** How long the page without the extension is watched after DOMContentLoaded for its own long tasks. */
const OWN_MS = 5000;

/**
 * The page in a browser without the extension: its own tasks over 50 ms in the first seconds after
 * DOMContentLoaded (a 7 MB page's first layout is one), then the matcher's own count on it
 * (bench/page.ts, as the annotator section checks Gloss against), nothing else running meanwhile.
 */
async function withoutExtension(server) {
  const script = await bundle();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  try {
    const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
    await page.goto(server.url('/page.html'), { waitUntil: 'load', timeout: 180_000 });
    const own = await page.evaluate(async (windowMs) => {
      const s = window.__everywhere;
      while (performance.now() < s.dcl + windowMs) await new Promise((r) => setTimeout(r, 100));
      const long = s.longtasks.filter(([t, d]) => t + d > s.dcl && t < s.dcl + windowMs);
      return { windowMs, tasksOver50: long.length, longestTaskMs: Math.max(0, ...long.map(([, d]) => d)) };
    }, OWN_MS);
    await page.addScriptTag({ content: script });
    const expected = await page.evaluate(() => {
      window.GlossBench.prepare();
      return window.GlossBench.expectedCount().total;
    });
    return { expected, own };
  } finally {
    await browser.close();
  }
}

/**
 * In the page: waits until the marks equal `expected` and none was added for `quietMs`, or until
 * `capMs` after DOMContentLoaded. Marks are counted only once each quiet spell (a count on this
 * page is a long task of its own), and once more at the cap.
 */
function waitFullyHighlighted([expected, quietMs, capMs]) {
  const s = window.__everywhere;
  const count = () => document.querySelectorAll('mark.gloss-mark:not([data-gloss-continued])').length;
  return new Promise((resolve) => {
    let countedAfter;
    let marks = 0;
    const check = () => {
      const now = performance.now();
      const quiet = s.dcl !== null && s.last !== null && now - s.last >= quietMs;
      if (quiet && countedAfter !== s.last) {
        countedAfter = s.last;
        marks = count();
      }
      const full = quiet && marks === expected;
      const capped = s.dcl !== null && now - s.dcl >= capMs;
      if (!full && !capped) {
        setTimeout(check, 250);
        return;
      }
      if (!full) marks = count();
      const end = full ? s.last : now;
      const long = s.longtasks.filter(([t, d]) => t + d > s.dcl && t < end);
      resolve({
        full,
        marks,
        firstMs: s.first === null ? null : s.first - s.dcl,
        lastMs: s.last === null ? null : s.last - s.dcl,
        endMs: end - s.dcl,
        tasksOver50: long.length,
        longestTaskMs: Math.max(0, ...long.map(([, d]) => d)),
      });
    };
    check();
  });
}

/** Runs the section; `fail(message)` records an inconsistency. Returns the raw runs. */
export async function runLeftAlone({ extensionPath, runs, capMs, log, fail }) {
  const began = Date.now();
  const { html, words } = generatePage(WORDS);
  const small = generatePage(10_000);
  const routes = { '/page.html': withInstrument(html), '/warm-up.html': small.html };
  const server = await startStaticServer(({ pathname }) => (routes[pathname] ? { body: routes[pathname] } : undefined));
  const result = { date: new Date().toISOString(), extensionPath, words, capMs, quietMs: QUIET_MS, runs: [] };
  let browser = null;
  try {
    log(`\nA page left alone: ${int(words)} words, the built extension (${extensionPath}), nobody scrolling`);
    const plain = await withoutExtension(server);
    result.expected = plain.expected;
    result.pageOwn = plain.own;
    log(
      `  the matcher counts ${int(result.expected)} mentions; without the extension, ${plain.own.tasksOver50} task(s) over 50 ms in the ${OWN_MS / 1000} s after DOMContentLoaded (longest ${plain.own.longestTaskMs.toFixed(0)} ms)`,
    );
    browser = await launch(extensionPath);
    // Wakes the service worker and fills the storage the highlighter reads, as a browser in use has.
    const warm = await browser.context.newPage();
    await warm.goto(server.url('/warm-up.html'), { waitUntil: 'load' });
    await warm.waitForTimeout(2000);
    await warm.close();
    for (let i = 0; i < runs; i++) {
      const page = await browser.context.newPage();
      try {
        await page.goto(server.url('/page.html'), { waitUntil: 'domcontentloaded', timeout: 180_000 });
        const r = await page.evaluate(waitFullyHighlighted, [result.expected, QUIET_MS, capMs]);
        result.runs.push(r);
        const how = r.full
          ? `fully highlighted ${(r.endMs / 1000).toFixed(2)} s after DOMContentLoaded`
          : `not fully highlighted after ${capMs / 1000} s (${int(r.marks)} of ${int(result.expected)} marks)`;
        log(
          `  run ${i + 1}/${runs}: ${how}, first mark at ${r.firstMs === null ? '–' : `${r.firstMs.toFixed(0)} ms`}, ${r.tasksOver50} tasks over 50 ms (longest ${r.longestTaskMs.toFixed(0)} ms)`,
        );
        if (r.firstMs === null) fail(`left alone: no highlight appeared on the ${int(words)}-word page`);
        if (r.marks > result.expected) {
          fail(`left alone: ${int(r.marks)} marks, more than the ${int(result.expected)} the matcher counts`);
        }
        // Like a run over its cap elsewhere in the bench: it is the result, and no more runs.
        if (!r.full) break;
      } finally {
        await page.close().catch(() => {});
      }
    }
  } finally {
    await browser?.close();
    await server.close();
  }
  result.seconds = (Date.now() - began) / 1000;
  return result;
}
