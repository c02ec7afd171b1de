// One measured run: a fresh browser context and page, the bundle injected, the work under a time
// cap; Gloss (with its heap before, after and once cleared), a baseline, or the feed.
import { SKIM, VIEWPORT } from './options.mjs';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function heapUsage(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  return { js: usage.usedSize, embedder: usage.embedderHeapUsedSize ?? 0 };
}

/** Runs `work(page, cdp)` on a fresh page; `{ over: true }` when it takes longer than capMs. */
export async function onFreshPage(browser, server, path, css, capMs, work) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const pageErrors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => pageErrors.push(String(error?.stack ?? error)));
    await page.goto(server.url(path), { waitUntil: 'load', timeout: 180_000 });
    await page.addStyleTag({ content: css });
    await page.addScriptTag({ url: server.url('/gloss-bench.js') });
    // Let the page finish its first layout and paint before anything is measured.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    await sleep(100);
    const cdp = await context.newCDPSession(page);
    // A rejected evaluate (the page threw) is a result too, not a crash of the runner.
    const running = work(page, cdp).catch((error) => ({ error: String(error?.message ?? error).split('\n')[0] }));
    let timer;
    const capped = new Promise((resolve) => {
      timer = setTimeout(() => resolve({ over: true }), capMs);
    });
    const result = await Promise.race([running, capped]);
    clearTimeout(timer);
    return { ...result, pageErrors };
  } finally {
    await context.close().catch(() => {});
  }
}

export async function glossRun(page, cdp, withExpected, capMs) {
  const prepared = await page.evaluate(() => window.GlossBench.prepare());
  const heapBefore = await heapUsage(cdp);
  const run = await page.evaluate((cap) => window.GlossBench.runGloss({ capMs: cap }), capMs);
  // Where runs far from the viewport were left for later (a page dear to render): the heap with
  // those left, then every mention written, the way a jump to any of them does it, so that the
  // marks can be checked and the heap compared with that of the pages written whole.
  let heapAtIdle = null;
  let scroll = null;
  let reveal = null;
  if (run.finished && run.found.total !== run.marks.total) {
    heapAtIdle = await heapUsage(cdp);
    scroll = await page.evaluate((o) => window.GlossBench.scrollGloss(o), SKIM);
    reveal = await page.evaluate(() => window.GlossBench.revealGloss());
  }
  const heapAfter = await heapUsage(cdp);
  const clear = await page.evaluate(() => window.GlossBench.clearGloss());
  const heapCleared = await heapUsage(cdp);
  const expected = withExpected ? await page.evaluate(() => window.GlossBench.expectedCount()) : null;
  return { prepared, run, heapAtIdle, scroll, reveal, clear, heapBefore, heapAfter, heapCleared, expected };
}

export async function baselineRun(page, name) {
  await page.evaluate(() => window.GlossBench.prepare());
  return page.evaluate((n) => window.GlossBench.baselines[n](), name);
}

export async function feedRun(page, feed) {
  await page.evaluate(() => window.GlossBench.prepare());
  return page.evaluate((options) => window.GlossBench.runFeed(options), feed);
}
