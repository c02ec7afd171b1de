// The annotator section of the bench: Gloss's annotator (bundled from source) against the four
// baselines on the generated pages, runs interleaved method by method, each checked for
// consistency; then the feed. Returns the raw runs; bench/report.mjs puts them in words.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { bundle, highlightStyles } from './bundle.mjs';
import { checkBaseline, checkFeed, checkGloss, fail, failures, sameCounts } from './checks.mjs';
import { generateFeedPage, generatePage } from './fixtures.mjs';
import { int, log, ms, stats } from './format.mjs';
import { FEED, METHODS, PAGES, QUICK, ROOT, RUNS, TRACE_CAP } from './options.mjs';
import { baselineRun, feedRun, glossRun, onFreshPage } from './runner.mjs';
import { tracedGlossRun } from './trace.mjs';

export async function runAnnotatorSection() {
  const began = Date.now();
  log(`Bundling bench/page.ts with the current annotator, matcher and pack…`);
  const script = await bundle();
  const css = await highlightStyles();
  log(`Generating fixtures…`);
  const routes = { '/gloss-bench.js': { type: 'text/javascript', body: script } };
  const pages = PAGES.map((p) => {
    const { html, words } = generatePage(p.words);
    routes[`/page-${p.label}.html`] = { type: 'text/html; charset=utf-8', body: html };
    return { ...p, runs: RUNS ?? p.runs, actualWords: words, bytes: Buffer.byteLength(html) };
  });
  const feedPage = generateFeedPage({ bursts: FEED.bursts, perBurst: FEED.perBurst });
  routes['/feed.html'] = { type: 'text/html; charset=utf-8', body: feedPage.html };
  routes['/blank.html'] = {
    type: 'text/html; charset=utf-8',
    body: '<!doctype html><html><head><meta charset="utf-8"><title>Blank</title></head><body></body></html>',
  };
  const server = await startStaticServer(({ pathname }) => routes[pathname]);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: [...CHROMIUM_ARGS] });
  const machine = {
    cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
    cores: os.cpus().length,
    memory: os.totalmem(),
    loadAverage: os.loadavg(),
    platform: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    chromium: browser.version(),
    playwright: JSON.parse(readFileSync(`${ROOT}node_modules/playwright-core/package.json`, 'utf8')).version,
  };
  log(
    `Chromium ${machine.chromium}, ${machine.cores} × ${machine.cpuModel}, load ${machine.loadAverage[0].toFixed(2)}`,
  );

  const results = { date: new Date().toISOString(), quick: QUICK, machine, matcher: [], pages: [], feed: null };
  try {
    // The matcher's fixed costs, on an empty page: building it, and the first find(), when the
    // pattern of every alias is built and compiled.
    for (let rep = 0; rep < (QUICK ? 1 : 6); rep++) {
      const probe = await onFreshPage(browser, server, '/blank.html', css, 60_000, (page) =>
        page.evaluate(() => window.GlossBench.probeMatcher()),
      );
      if (probe.error || probe.over) fail(`matcher probe: ${probe.error ?? 'over 60 s'}`);
      else if (rep > 0 || QUICK) results.matcher.push(probe);
    }
    const probe = stats(results.matcher.map((r) => r.firstFindMs));
    log(`Matcher: first find() ${ms(probe?.median)} (the pattern is built and compiled on first use)`);

    for (const p of pages) {
      log(`\nPage ${p.label}: ${int(p.actualWords)} words, ${(p.bytes / 1e6).toFixed(2)} MB of HTML`);
      const entry = {
        label: p.label,
        words: p.actualWords,
        bytes: p.bytes,
        expected: null,
        prepared: null,
        methods: {},
      };
      const plan = {};
      for (const m of METHODS) {
        const runs = RUNS ?? p.runs[m];
        const warmup = QUICK || runs < 2 ? 0 : 1;
        plan[m] = { runs, warmup, capMs: p.caps[m] * 1000 };
        entry.methods[m] = { runs: [], over: 0, attempted: 0, planned: runs, warmup, capMs: p.caps[m] * 1000 };
      }
      const rounds = Math.max(...METHODS.map((m) => plan[m].runs + plan[m].warmup));
      // Interleaved: round k runs every method once, so a busy moment of the machine hits all alike.
      for (let round = 0; round < rounds; round++) {
        for (const m of METHODS) {
          const { runs, warmup, capMs } = plan[m];
          const slot = entry.methods[m];
          // Over its cap or failed once: not run again on this page.
          if (round >= runs + warmup || slot.over > 0 || slot.failed) continue;
          const warm = round < warmup;
          slot.attempted++;
          const path = `/page-${p.label}.html`;
          const withExpected = m === 'gloss' && (entry.expected === null || QUICK);
          // Gloss yields to the page, so it stops itself at its cap and reports how far it got.
          const hardCap = m === 'gloss' ? capMs + 180_000 : capMs;
          const result = await onFreshPage(browser, server, path, css, hardCap, (page, cdp) =>
            m === 'gloss' ? glossRun(page, cdp, withExpected, capMs) : baselineRun(page, m),
          );
          const tag = `${p.label} ${m}${warm ? ' (warm-up)' : ` run ${round - warmup + 1}/${runs}`}`;
          if (result.over) {
            slot.over++;
            log(`  ${tag}: over ${capMs / 1000} s, stopped`);
            if (m === 'gloss') fail(`${p.label}: Gloss did not finish within ${hardCap / 1000} s`);
            continue;
          }
          if (result.error) {
            // A baseline that throws (naive mark.js can overflow the stack) is reported as such,
            // with the time until it threw, and not run again on this page.
            const progress = result.keywords ? ` at keyword ${result.keywordsDone}/${result.keywords}` : '';
            log(`  ${tag}: threw after ${ms(result.ms)}${progress}: ${result.error}`);
            if (m === 'gloss') fail(`${p.label}: the Gloss run failed: ${result.error}`);
            else slot.failed = result;
            continue;
          }
          if (m === 'gloss') {
            if (result.expected) {
              if (entry.expected && !sameCounts(entry.expected, result.expected)) {
                fail(`${p.label}: the matcher's count changed between runs`);
              }
              entry.expected ??= result.expected;
              entry.prepared = result.prepared;
            }
            checkGloss(p.label, round + 1, result, entry.expected, entry.methods.gloss.runs[0]?.run.found);
            const total = result.run.finished ? ms(result.run.totalMs) : `over ${capMs / 1000} s, stopped`;
            log(
              `  ${tag}: first ${ms(result.run.firstHighlightMs)}, total ${total}, on screen ${ms(result.run.renderedMs)}, longest task ${ms(result.run.longestTaskMs)}, ${result.run.tasksOver50} > 50 ms, longest frame ${ms(result.run.longestFrameMs)}, ${result.run.framesOver50} frames > 50 ms, ${int(result.run.found.total)} found (matcher ${int(entry.expected.total)}), ${int(result.run.marks.total)} written${result.scroll ? `; skimming ${result.scroll.framesOver50} frames > 50 ms (longest ${ms(result.scroll.longestFrameMs)}), ${result.scroll.inViewUnwritten} of ${result.scroll.inView} in view not written` : ''}${result.reveal ? `; the rest written in ${ms(result.reveal.ms)}` : ''}, clear ${ms(result.clear.clearMs)}`,
            );
            if (!result.run.finished) {
              // Like a baseline over its cap: this run is the result, and no more runs here.
              slot.over++;
              slot.runs.push(result);
              if (QUICK) fail(`${p.label}: Gloss did not finish within ${capMs / 1000} s`);
              continue;
            }
          } else {
            const progress = result.keywords ? `, ${result.keywordsDone}/${result.keywords} keywords` : '';
            log(
              `  ${tag}: call ${ms(result.ms)}, on screen ${ms(result.renderedMs)} (render ${ms(result.renderMs)}, longest frame ${ms(result.longestFrameMs)}) (${int(result.count)}${progress})`,
            );
            checkBaseline(tag, result);
          }
          if (!warm) slot.runs.push(result);
        }
      }
      if (!QUICK && METHODS.includes('gloss')) {
        const capMs = (TRACE_CAP[p.label] ?? 60) * 1000;
        const traced = await onFreshPage(browser, server, `/page-${p.label}.html`, css, capMs + 180_000, (page) =>
          tracedGlossRun(browser, page, capMs),
        );
        if (!traced.over && !traced.error) {
          entry.traced = { ...traced.trace, capMs, finished: traced.run.finished, windowMs: traced.run.totalMs };
          const t = traced.trace;
          log(
            `  ${p.label} gloss (traced${traced.run.finished ? '' : `, stopped at ${capMs / 1000} s`}): main thread busy ${ms(t.busy)}: style ${ms(t.style)}, layout ${ms(t.layout)}, paint ${ms(t.paint)}, script and other ${ms(t.other)}; ${t.tasks} tasks, ${t.frames} frames; longest task ${ms(t.longest)}`,
          );
        }
      }
      // What a frame with any write costs on this page, whoever writes: the page's own render
      // after a one-character edit far below the viewport.
      const rendered = await onFreshPage(browser, server, `/page-${p.label}.html`, css, 120_000, (page) =>
        page.evaluate(() => window.GlossBench.probeRender()),
      );
      if (rendered.samples?.length) {
        entry.renderEdit = rendered.samples;
        log(`  ${p.label} render after a one-character edit: ${ms(stats(entry.renderEdit)?.median)}`);
      }
      results.pages.push(entry);
    }

    log(
      `\nFeed: ${FEED.bursts} bursts of ${FEED.perBurst} paragraphs every ${FEED.intervalMs} ms on a ${int(feedPage.words)}-word page`,
    );
    const feed = { ...FEED, baseWords: feedPage.words, runs: [] };
    for (let rep = 0; rep < FEED.warmup + FEED.runs; rep++) {
      const warm = rep < FEED.warmup;
      const result = await onFreshPage(browser, server, '/feed.html', css, 120_000, (page) => feedRun(page, FEED));
      if (result.over || result.error) {
        fail(`feed: ${result.error ?? 'did not finish within 120 s'}`);
        continue;
      }
      checkFeed(rep + 1, result, feed.runs[0]?.marks);
      const s = stats(result.latenciesMs);
      log(
        `  feed ${warm ? '(warm-up)' : `run ${rep - FEED.warmup + 1}/${FEED.runs}`}: p50 ${ms(s?.median)}, p95 ${ms(s?.p95)}, max ${ms(s?.max)}, longest task ${ms(result.longestTaskMs)}, ${int(result.marks.total)} marks (matcher ${int(result.expected.total)})`,
      );
      if (!warm) feed.runs.push(result);
    }
    results.feed = feed;
  } finally {
    await browser.close();
    await server.close();
  }
  results.seconds = (Date.now() - began) / 1000;
  results.failures = failures;
  return results;
}
