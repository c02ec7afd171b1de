// "The cost of being everywhere": what the built extension costs pages it has nothing to mark
// on, and how soon it marks pages it has; measured against the same Chromium without the
// extension, in the same run, runs interleaved. Three browsers side by side: without Gloss, with
// Gloss as installed (the bundled pack), and with Gloss plus a generated 10,000-alias pack
// (bench/big-pack.mjs) imported through the background's test hook.
//
// Main-thread time is the DevTools protocol's Performance.getMetrics `TaskDuration`: the time of
// every task on a renderer's main thread since Performance.enable, which is sent before the page
// is loaded (on a same-origin blank page first, so the renderer does not change on the way).
// Cross-origin frames run in a renderer of their own: the benchmark attaches to each of their
// targets before they start (auto-attach, waiting for the debugger) and enables the same
// metrics there. Every frame's agent counts its whole thread, and the frames of one site share a
// renderer, so for them the largest count is taken, not the sum (see frameProcesses below).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../scripts/chromium.mjs';
import { startStaticServer } from '../scripts/static-server.mjs';
import { bigPackSentences, generateBigPack } from './big-pack.mjs';
import { ARTICLE_WORDS, adFrame, articlePage } from './entity-free.mjs';
import { generatePage } from './fixtures.mjs';

const VIEWPORT = { width: 1280, height: 720 };
export const FRAMES = 20;
/** After the load event, how long a page is left before it is measured (Gloss's idle work included). */
const SETTLE_MS = 1500;
/** Marks have stopped changing once no mark was added for this long. */
const QUIET_MS = 3000;
const HIGHLIGHT_CAP_MS = 60_000;
/** Sentences naming entities of the big pack, spread over the 100k page. */
const BIG_PACK_MENTIONS = 100;

export const VARIANTS = ['plain', 'floor', 'gloss', 'big'];

/**
 * The floor: an extension whose only content script is empty, in every frame at document_end.
 * What any content script costs (the isolated world the browser makes for it in each frame),
 * measured in the same run, so Gloss's cost can be read against it.
 */
async function floorExtension() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-floor-'));
  const manifest = {
    manifest_version: 3,
    name: 'Empty content script (benchmark floor)',
    version: '1.0',
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['empty.js'],
        run_at: 'document_end',
        all_frames: true,
        match_about_blank: true,
      },
    ],
  };
  await writeFile(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  await writeFile(path.join(dir, 'empty.js'), '// Nothing: the cost of having a content script at all.\n');
  return dir;
}
export const ENTITY_FREE = ['a', 'b', 'c'];
export const HIGHLIGHT_PAGES = ['10k', '100k'];

/** The page's own instruments, first in its head: DOMContentLoaded, the first and last mark, long tasks. */
const INSTRUMENT = `<script>(() => {
  const s = { dcl: null, first: null, last: null, longtasks: [] };
  window.__everywhere = s;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) s.longtasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {}
  const holdsMark = (n) => n.nodeType === 1 && (n.matches('mark.gloss-mark') || n.querySelector('mark.gloss-mark') !== null);
  // Gloss writes nothing before DOMContentLoaded (it runs at document_end), so the observer starts
  // there and the parser's own insertions cost the page nothing.
  document.addEventListener('DOMContentLoaded', () => {
    s.dcl = performance.now();
    new MutationObserver((records) => {
      for (const r of records) for (const n of r.addedNodes) if (holdsMark(n)) {
        const t = performance.now();
        s.first ??= t;
        s.last = t;
        return;
      }
    }).observe(document.body, { childList: true, subtree: true });
  });
  s.settled = (quietMs, capMs) => new Promise((resolve) => {
    const began = performance.now();
    const check = () => {
      const now = performance.now();
      const quiet = s.last !== null && now - s.last >= quietMs;
      if (quiet || now - began > capMs) {
        resolve({
          dcl: s.dcl, first: s.first, last: s.last, capped: !quiet,
          marks: document.querySelectorAll('mark.gloss-mark:not([data-gloss-continued])').length,
          longBeforeFirst: s.longtasks.filter(([t, d]) => t + d > s.dcl && t < (s.first ?? now)).length,
          longestBeforeFirst: Math.max(0, ...s.longtasks.filter(([t, d]) => t + d > s.dcl && t < (s.first ?? now)).map(([, d]) => d)),
        });
      } else setTimeout(check, 200);
    };
    check();
  });
})();</script>`;

export const withInstrument = (html) => html.replace('<head>', `<head>${INSTRUMENT}`);

/** The 100k page with sentences naming the big pack's entities after some of its paragraphs. */
function withBigPackMentions(html, sentences) {
  let count = 0;
  const total = (html.match(/<\/p>/g) ?? []).length;
  const every = Math.max(1, Math.floor(total / sentences.length));
  return html.replace(/<\/p>/g, (end) => {
    const i = count++;
    return i % every === every - 1 && i / every < sentences.length ? ` ${sentences[Math.floor(i / every)]}${end}` : end;
  });
}

// ---------------------------------------------------------------------------------------------
// Browsers

export async function launch(extensionPath, { serviceWorker = true } = {}) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'gloss-everywhere-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: VIEWPORT,
    args: [...CHROMIUM_ARGS, ...(extensionPath ? extensionArgs(extensionPath) : [])],
  });
  let worker = null;
  if (extensionPath && serviceWorker) {
    const isOurs = (w) => w.url().startsWith('chrome-extension://');
    worker =
      context.serviceWorkers().find(isOurs) ??
      (await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 30_000 }));
  }
  return {
    context,
    worker,
    close: async () => {
      await context.close().catch(() => {});
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** Installs the big pack through the options page's own import (the background's test hook). */
async function importBigPack(browser, text) {
  const began = Date.now();
  const result = await browser.worker.evaluate((t) => globalThis.glossBackground.importPack(t), text);
  return { ok: result.ok, problems: result.problems ?? [], summary: result.summary ?? null, ms: Date.now() - began };
}

// ---------------------------------------------------------------------------------------------
// One load of an entity-free page, with its main-thread time and heap in every renderer

const METRICS = ['TaskDuration', 'ScriptDuration', 'V8CompileDuration', 'LayoutDuration', 'RecalcStyleDuration'];

function pick(metrics) {
  const byName = Object.fromEntries(metrics.map((m) => [m.name, m.value]));
  const out = {};
  for (const name of METRICS) out[name] = (byName[name] ?? 0) * 1000;
  out.Documents = byName.Documents ?? 0;
  out.JSHeapUsedSize = byName.JSHeapUsedSize ?? 0;
  return out;
}

/**
 * Talks to the cross-origin frames' targets: attached before they run (waiting for the debugger),
 * metrics enabled, then let go. Playwright's CDPSession cannot address a child session directly,
 * so this uses the protocol's (older, still supported) messages through the parent.
 */
function frameTargets(cdp) {
  const children = new Map();
  let nextId = 1_000_000;
  const pending = new Map();
  cdp.on('Target.receivedMessageFromTarget', ({ message }) => {
    const m = JSON.parse(message);
    if (m.id && pending.has(m.id)) {
      pending.get(m.id)(m);
      pending.delete(m.id);
    }
  });
  const send = (sessionId, method, params = {}) =>
    new Promise((resolve) => {
      const id = ++nextId;
      pending.set(id, resolve);
      cdp
        .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) })
        .catch(() => {
          pending.delete(id);
          resolve({ error: 'gone' });
        });
    });
  const ready = [];
  cdp.on('Target.attachedToTarget', ({ sessionId, targetInfo }) => {
    children.set(sessionId, targetInfo);
    ready.push(
      (async () => {
        if (targetInfo.type === 'iframe') await send(sessionId, 'Performance.enable');
        await send(sessionId, 'Runtime.runIfWaitingForDebugger');
      })(),
    );
  });
  return {
    start: () => cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: true, flatten: false }),
    children,
    ready: () => Promise.all(ready),
    send,
  };
}

async function loadRun(browser, server, pathname) {
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url('/blank.html'));
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    const frames = frameTargets(cdp);
    await frames.start();
    await page.goto(server.url(pathname), { waitUntil: 'load', timeout: 60_000 });
    await page.waitForTimeout(SETTLE_MS);
    await frames.ready();
    const ids = [...frames.children].filter(([, info]) => info.type === 'iframe').map(([id]) => id);
    // Time first: the forced garbage collections below are tasks too.
    const main = pick((await cdp.send('Performance.getMetrics')).metrics);
    const childTime = [];
    for (const id of ids) childTime.push(pick((await frames.send(id, 'Performance.getMetrics')).result?.metrics ?? []));
    await cdp.send('HeapProfiler.collectGarbage');
    for (const id of ids) await frames.send(id, 'HeapProfiler.collectGarbage');
    const mainHeap = pick((await cdp.send('Performance.getMetrics')).metrics).JSHeapUsedSize;
    const childHeap = [];
    for (const id of ids)
      childHeap.push(pick((await frames.send(id, 'Performance.getMetrics')).result?.metrics ?? []).JSHeapUsedSize);
    const timing = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { dcl: n.domContentLoadedEventStart, load: n.loadEventStart };
    });
    let marks = 0;
    for (const frame of page.frames()) {
      marks += await frame.evaluate(() => document.querySelectorAll('mark.gloss-mark').length).catch(() => 0);
    }
    // One renderer for the frames of one site: the largest of their counts is that renderer's.
    const frameProcess = childTime.reduce((best, m) => (m.TaskDuration > (best?.TaskDuration ?? -1) ? m : best), null);
    const framesHeap = childHeap.length > 0 ? Math.max(...childHeap) : 0;
    return {
      main,
      frameProcess,
      outOfProcess: ids.length,
      taskMs: main.TaskDuration + (frameProcess?.TaskDuration ?? 0),
      heap: mainHeap + framesHeap,
      mainHeap,
      framesHeap,
      loadMs: timing.load,
      dclMs: timing.dcl,
      marks,
      frames: page.frames().length - 1,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

/** A page with marks to make: from DOMContentLoaded to the first mark and until marks stop changing. */
async function highlightRun(browser, server, pathname) {
  const page = await browser.context.newPage();
  try {
    await page.goto(server.url(pathname), { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return await page.evaluate(([q, cap]) => window.__everywhere.settled(q, cap), [QUIET_MS, HIGHLIGHT_CAP_MS]);
  } finally {
    await page.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------
// The section

/**
 * Runs the section; `fail(message)` records an inconsistency. Returns the raw runs and what the
 * report needs to describe them.
 */
export async function runEverywhere({ quick, extensionPath, log, fail }) {
  const runs = quick ? 2 : 5;
  const warmup = quick ? 0 : 1;
  const pack = generateBigPack();
  const packText = `${JSON.stringify(pack)}\n`;
  const page10k = generatePage(10_000);
  const page100k = generatePage(100_000);
  let other = null;
  const routes = {
    '/blank.html': '<!doctype html><html><head><meta charset="utf-8"></head><body></body></html>',
    '/a.html': articlePage(),
    '/b.html': articlePage({ frames: FRAMES }),
    // The cross-origin frames' address is known once the second server listens.
    '/c.html': () => articlePage({ frames: FRAMES, frameUrl: (i) => `${other}/ad.html?slot=${i}` }),
    '/page-10k.html': withInstrument(page10k.html),
    '/page-100k.html': withInstrument(withBigPackMentions(page100k.html, bigPackSentences(pack, BIG_PACK_MENTIONS))),
  };
  const respond = ({ pathname, searchParams }) => {
    if (pathname === '/ad.html') return { body: adFrame(Number(searchParams.get('slot') ?? 0)) };
    const route = routes[pathname];
    return route === undefined ? undefined : { body: typeof route === 'function' ? route() : route };
  };
  const server = await startStaticServer(respond);
  const frameServer = await startStaticServer(respond);
  // Another site, not only another port: 127.0.0.1 and localhost are different sites to Chromium,
  // so these frames get a renderer of their own (site isolation).
  other = frameServer.origin.replace('127.0.0.1', 'localhost');

  log(`\nThe cost of being everywhere: ${extensionPath}`);
  const browsers = {};
  const result = {
    date: new Date().toISOString(),
    quick,
    extensionPath,
    machine: {
      cpuModel: os.cpus()[0]?.model?.trim() ?? 'unknown',
      cores: os.cpus().length,
      memory: os.totalmem(),
      loadAverage: os.loadavg(),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
    },
    plan: { runs, warmup, frames: FRAMES, settleMs: SETTLE_MS, quietMs: QUIET_MS, bigPackMentions: BIG_PACK_MENTIONS },
    article: { words: ARTICLE_WORDS },
    pages: { '10k': page10k.words, '100k': page100k.words },
    bigPack: null,
    load: Object.fromEntries(VARIANTS.map((v) => [v, Object.fromEntries(ENTITY_FREE.map((p) => [p, []]))])),
    highlight: Object.fromEntries(
      ['gloss', 'big'].map((v) => [v, Object.fromEntries(HIGHLIGHT_PAGES.map((p) => [p, []]))]),
    ),
  };
  const began = Date.now();
  try {
    browsers.plain = await launch(null);
    const floorDir = await floorExtension();
    browsers.floor = await launch(floorDir, { serviceWorker: false });
    browsers.gloss = await launch(extensionPath);
    browsers.big = await launch(extensionPath);
    result.machine.chromium = browsers.plain.context.browser()?.version() ?? 'unknown';
    const imported = await importBigPack(browsers.big, packText);
    result.bigPack = {
      ok: imported.ok,
      ms: imported.ms,
      bytes: Buffer.byteLength(packText),
      entities: pack.entities.length,
      aliases: pack.entities.reduce((n, e) => n + e.aliases.length, 0),
      summary: imported.summary,
      problems: imported.problems.slice(0, 3),
    };
    log(
      `  big pack: ${result.bigPack.entities} entities, ${result.bigPack.aliases} aliases, ${(result.bigPack.bytes / 1e6).toFixed(2)} MB; import ${imported.ok ? 'ok' : 'FAILED'} in ${imported.ms} ms`,
    );
    if (!imported.ok) fail(`everywhere: the big pack was refused: ${JSON.stringify(imported.problems.slice(0, 2))}`);

    // Interleaved: every round loads every page in every browser, so a busy moment of the shared
    // machine hits all alike.
    for (let round = 0; round < warmup + runs; round++) {
      const warm = round < warmup;
      const tag = warm ? 'warm-up' : `run ${round - warmup + 1}/${runs}`;
      for (const p of ENTITY_FREE) {
        for (const v of VARIANTS) {
          const r = await loadRun(browsers[v], server, `/${p}.html`);
          log(
            `  (${p}) ${v.padEnd(5)} ${tag}: main thread ${r.taskMs.toFixed(0)} ms (frames' renderer ${(r.frameProcess?.TaskDuration ?? 0).toFixed(0)} ms, ${r.outOfProcess} out of process), heap ${(r.heap / 1048576).toFixed(2)} MB, load ${r.loadMs.toFixed(0)} ms, ${r.frames} frames, ${r.marks} marks`,
          );
          if (r.marks > 0) fail(`everywhere (${p}) ${v}: Gloss marked ${r.marks} names on the entity-free page`);
          if (r.frames !== (p === 'a' ? 0 : FRAMES)) fail(`everywhere (${p}) ${v}: ${r.frames} frames loaded`);
          if (p === 'c' && r.outOfProcess !== FRAMES)
            fail(`everywhere (c) ${v}: ${r.outOfProcess} of ${FRAMES} frames were measured out of process`);
          if (!warm) result.load[v][p].push(r);
        }
      }
      for (const p of HIGHLIGHT_PAGES) {
        for (const v of ['gloss', 'big']) {
          const r = await highlightRun(browsers[v], server, `/page-${p}.html`);
          log(
            `  ${p} ${v.padEnd(5)} ${tag}: first highlight ${r.first === null ? '–' : (r.first - r.dcl).toFixed(0)} ms after DOMContentLoaded, marks stopped at ${r.last === null ? '–' : (r.last - r.dcl).toFixed(0)} ms, ${r.marks} marks, ${r.longBeforeFirst} long tasks before the first`,
          );
          if (r.first === null) fail(`everywhere ${p} ${v}: no highlight appeared`);
          if (r.capped) fail(`everywhere ${p} ${v}: marks still changing after ${HIGHLIGHT_CAP_MS / 1000} s`);
          if (!warm) result.highlight[v][p].push(r);
        }
      }
    }
  } finally {
    for (const b of Object.values(browsers)) await b.close();
    await server.close();
    await frameServer.close();
  }
  // The same marks on every run; the big pack finds its names on top of the bundled ones.
  for (const v of ['gloss', 'big']) {
    for (const p of HIGHLIGHT_PAGES) {
      const counts = new Set(result.highlight[v][p].map((r) => r.marks));
      if (counts.size > 1) fail(`everywhere ${p} ${v}: marks differ between runs (${[...counts].join(', ')})`);
    }
  }
  const marksOf = (v) => result.highlight[v]['100k'][0]?.marks ?? 0;
  if (result.bigPack?.ok && !(marksOf('big') > marksOf('gloss'))) {
    fail(`everywhere 100k: the big pack added no marks (${marksOf('big')} with it, ${marksOf('gloss')} without)`);
  }
  result.seconds = (Date.now() - began) / 1000;
  return result;
}
