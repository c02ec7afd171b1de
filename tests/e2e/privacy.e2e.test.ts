// No network requests, ever: every request made in the browser while Gloss is used for real (the
// five bundled documents and a page naming every entity as web pages, the in-page card, the popup
// with search and cards, the options page, the document viewer) is recorded, from pages, extension
// pages, the content script (its requests are its page's) and the service worker alike. Each must
// be either a page this test itself loads from its own server, or a file of our own extension.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentPath } from '../../lib/document-link';
import { buildDocumentPage, DOCUMENT_IDS, escapeHtml, pack } from './fixtures/documents';
import { PLAIN_PAGE } from './fixtures/hostile/pages';
import { type RecordingServer, startRecordingServer } from './fixtures/hostile/server';
import { PageWatch } from './fixtures/hostile/watch';
import { EXTENSION_PATH, type GlossBrowser, launchBrowser, MARK, openPopupFor, sleep, waitForMarks } from './helpers';

interface Recorded {
  url: string;
  /** Who made it: a page (by its URL), the service worker, a WebSocket. */
  from: string;
  type: string;
}

/** A page naming every entity of the pack by its display name. */
function everyEntityPage(): string {
  const paragraphs = pack.entities.map((e) => `<p>${escapeHtml(e.name)} appears on this page.</p>`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Every entity</title></head><body>${paragraphs}</body></html>`;
}

const DOC_PAGES = DOCUMENT_IDS.map((id) => ({ id, path: `/doc/${id}.html`, page: buildDocumentPage(id) }));
const SELF_CHECK = ['/self-check/page', '/self-check/worker', '/self-check/content'];
/** An address nothing answers: only the recorder ever sees a request to it. */
const FOREIGN = 'http://gloss-privacy-self-check.invalid/beacon';

let browser: GlossBrowser;
/** The per-session origin of our web-accessible files; read from the content script's world. */
let dynamicOrigin = `chrome-extension://${'unknown'}`;
let server: RecordingServer;
const records: Recorded[] = [];
/** The paths this test loads itself; the browser also asks each page's origin for its icon. */
const allowedPaths = new Set<string>(['/favicon.ico', '/plain.html', '/every-entity.html', ...SELF_CHECK]);
for (const doc of DOC_PAGES) allowedPaths.add(doc.path);

function describeRequest(request: Request): Recorded {
  const worker = request.serviceWorker();
  let from = 'unknown';
  if (worker) from = `service worker ${worker.url()}`;
  else {
    try {
      from = `page ${request.frame().url()}`;
    } catch {
      // A request without a frame (a shared worker, say): still recorded.
    }
  }
  return { url: request.url(), from, type: request.resourceType() };
}

/** Requests that are neither a page of this test nor a file of our extension. */
function violations(list: readonly Recorded[]): Recorded[] {
  const ours = [`chrome-extension://${browser.extensionId}/`, `${dynamicOrigin}/`];
  return list.filter((r) => {
    if (ours.some((origin) => r.url.startsWith(origin))) return false;
    let url: URL;
    try {
      url = new URL(r.url);
    } catch {
      return true;
    }
    return !(url.origin === server.origin && allowedPaths.has(url.pathname));
  });
}

beforeAll(async () => {
  const routes: Record<string, { body: string; type?: string }> = {
    '/favicon.ico': { body: '', type: 'image/x-icon' },
    '/plain.html': { body: PLAIN_PAGE },
    '/every-entity.html': { body: everyEntityPage() },
  };
  for (const check of SELF_CHECK) routes[check] = { body: 'ok', type: 'text/plain' };
  for (const doc of DOC_PAGES) routes[doc.path] = { body: doc.page.html };
  server = await startRecordingServer(routes);
  browser = await launchBrowser();
  // Every request of the context: pages, extension pages, and the service worker's own.
  browser.context.on('request', (request) => records.push(describeRequest(request)));
  const watchSockets = (page: Page) =>
    page.on('websocket', (socket) =>
      records.push({ url: socket.url(), from: `page ${page.url()}`, type: 'websocket' }),
    );
  for (const page of browser.context.pages()) watchSockets(page);
  browser.context.on('page', watchSockets);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

function serviceWorker() {
  const worker = browser.context
    .serviceWorkers()
    .find((w) => w.url().startsWith(`chrome-extension://${browser.extensionId}/`));
  if (!worker) throw new Error('No service worker of ours is running');
  return worker;
}

describe('the request recorder', () => {
  it("sees requests made by a page, by the content script's world and by the service worker, and flags foreign ones", async () => {
    const page = await browser.context.newPage();
    const watch = await PageWatch.attach(browser.context, page, browser.extensionId);
    await page.goto(server.url('/plain.html'));
    await waitForMarks(page, 3);
    // Files the extension lets pages load (web_accessible_resources with use_dynamic_url) are
    // addressed by a per-session id of our extension instead of its id: ours too.
    const cssUrl = await watch.inGlossWorld<string>("chrome.runtime.getURL('content-scripts/content.css')");
    // (Node's URL gives chrome-extension: URLs no origin.)
    dynamicOrigin = cssUrl.slice(0, cssUrl.indexOf('/', 'chrome-extension://'.length));
    expect(dynamicOrigin).toMatch(/^chrome-extension:\/\/[\w-]+$/);
    await page.evaluate((url) => fetch(url).then((r) => r.status), server.url('/self-check/page'));
    await watch.inGlossWorld(`fetch(${JSON.stringify(server.url('/self-check/content'))}).then(() => 1)`);
    const worker = serviceWorker();
    await worker.evaluate((url) => fetch(url).then((r) => r.status), server.url('/self-check/worker'));
    await worker.evaluate((url) => fetch(url).catch(() => 0), FOREIGN);
    await expect
      .poll(() =>
        records
          .filter((r) => r.url.includes('/self-check/') || r.url === FOREIGN)
          .map((r) => r.url)
          .sort(),
      )
      .toEqual([FOREIGN, ...SELF_CHECK.map((p) => server.url(p))].sort());
    const byUrl = (url: string) => records.find((r) => r.url === url);
    expect(byUrl(server.url('/self-check/worker'))?.from).toMatch(/^service worker chrome-extension:/);
    expect(byUrl(server.url('/self-check/content'))?.from).toBe(`page ${server.url('/plain.html')}`);
    // The check that the browsing below must pass does catch a request to anywhere else.
    expect(violations(records).map((r) => r.url)).toEqual([FOREIGN]);
    await watch.detach();
    await page.close();
  });
});

describe('using Gloss', () => {
  it('makes no request but for the pages it is shown and its own files', async () => {
    const start = records.length;
    const serverStart = server.requests.length;
    const visited: Record<string, number> = {};

    // Pages: the five documents and one naming every entity, each with a card opened in the page.
    let everyEntity: Page | null = null;
    for (const pathname of [...DOC_PAGES.map((d) => d.path), '/every-entity.html']) {
      const page = await browser.context.newPage();
      await page.goto(server.url(pathname));
      visited[pathname] = await waitForMarks(page, pathname === '/every-entity.html' ? 60 : 5, 30_000);
      await page.hover(MARK);
      await page.waitForSelector('gloss-card', { state: 'attached', timeout: 5_000 });
      await page.mouse.move(0, 0);
      if (pathname === '/every-entity.html') everyEntity = page;
      else await page.close();
    }
    if (!everyEntity) throw new Error('The every-entity page did not open');

    // The popup: this page's list, a search, a card, a related entity's card, the document.
    const popup = await openPopupFor(browser.context, browser.extensionId, everyEntity);
    await popup.getByTestId('on-this-page').waitFor({ timeout: 10_000 });
    await popup.getByTestId('search').fill('blinken');
    await popup.getByTestId('search-results').locator('.gloss-row[data-entity="person:antony-blinken"]').click();
    const card = popup.locator('article.gloss-card');
    await card.waitFor({ timeout: 5_000 });
    await card.locator('.gloss-relations button').first().click();
    await popup.locator('article.gloss-card h2').waitFor({ timeout: 5_000 });
    const readInDocument = popup.locator('.gloss-quote-open').first();
    let viewerFromPopup = false;
    if ((await readInDocument.count()) > 0) {
      const [viewer] = await Promise.all([
        browser.context.waitForEvent('page', { timeout: 10_000 }),
        readInDocument.click(),
      ]);
      await viewer.waitForLoadState();
      await viewer.getByTestId('quote-notice').waitFor({ timeout: 10_000 });
      viewerFromPopup = true;
      await viewer.close();
    }
    await popup.close();
    await everyEntity.close();

    // The options page: a site rule added, a colour changed.
    const manifest = JSON.parse(readFileSync(path.join(EXTENSION_PATH, 'manifest.json'), 'utf8'));
    expect(manifest.options_ui?.page, 'the build has an options page').toBe('options.html');
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.getByTestId('rule-pattern').fill('example.org');
    await options.getByTestId('add-rule').click();
    await options.getByTestId('rules-list').waitFor({ timeout: 5_000 });
    await options.getByTestId('style-color-country').fill('#225588');
    await sleep(300);
    await options.close();

    // The document viewer, at a quote.
    expect(existsSync(path.join(EXTENSION_PATH, 'document.html')), 'the build has the document viewer').toBe(true);
    const role = pack.entities.flatMap((e) => e.roles).find((r) => r.source === 'echri');
    if (!role) throw new Error('No role quotes the echri document');
    const viewer = await browser.context.newPage();
    await viewer.goto(`chrome-extension://${browser.extensionId}${documentPath('gloss', 'echri', role.quote)}`);
    await viewer.getByTestId('quote-notice').waitFor({ timeout: 10_000 });
    await viewer.close();

    // And a little time for anything sent late (a batched report, a timer).
    await sleep(1_000);
    const made = records.slice(start);
    console.log(
      `privacy: ${made.length} requests recorded while using Gloss (${made.filter((r) => r.url.startsWith('chrome-extension://')).length} to our own files); marks per page ${JSON.stringify(visited)}; document viewer opened from the popup: ${viewerFromPopup}`,
    );
    expect(made.length).toBeGreaterThan(0);
    expect(violations(made)).toEqual([]);
    // The server saw only the pages it served on purpose.
    const unexpected = server.requests
      .slice(serverStart)
      .filter((r) => !allowedPaths.has(new URL(r.path, server.origin).pathname));
    expect(unexpected).toEqual([]);
  }, 180_000);
});
