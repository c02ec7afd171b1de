// Shared by the end-to-end tests: Chromium with the built extension, a local page server, and
// ways to read the page's highlights and to open the popup for a given tab.
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type BrowserContext, type CDPSession, chromium, type Page, type Worker } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { defaultSettings } from '../../lib/settings/settings';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from '../../scripts/chromium.mjs';
import { type StaticServer, startStaticServer } from '../../scripts/static-server.mjs';
import { ROOT } from './fixtures/documents';

/** The unpacked extension; GLOSS_EXTENSION_PATH points the tests at another build. */
export const EXTENSION_PATH = path.resolve(process.env.GLOSS_EXTENSION_PATH ?? path.join(ROOT, '.output/chrome-mv3'));

/** What tests write to storage to put Gloss back as installed. */
export const DEFAULT_SETTINGS = defaultSettings();

export const MARK = 'mark.gloss-mark';
export const CONTINUED = 'data-gloss-continued';

export interface GlossBrowser {
  context: BrowserContext;
  extensionId: string;
  close(): Promise<void>;
}

export async function launchBrowser(): Promise<GlossBrowser> {
  if (!existsSync(path.join(EXTENSION_PATH, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_PATH}: run \`npm run build\` first.`);
  }
  const userDataDir = await mkdtemp(path.join(os.tmpdir(), 'gloss-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, ...extensionArgs(EXTENSION_PATH)],
  });
  try {
    const isOurs = (url: string) => url.startsWith('chrome-extension://');
    const worker =
      context.serviceWorkers().find((w) => isOurs(w.url())) ??
      (await context.waitForEvent('serviceworker', { predicate: (w) => isOurs(w.url()), timeout: 30_000 }));
    const extensionId = new URL(worker.url()).host;
    return {
      context,
      extensionId,
      async close() {
        await context.close();
        await rm(userDataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
    throw error;
  }
}

export type TestServer = StaticServer;

/** Serves the given pages (path → HTML) on 127.0.0.1 at a random port. */
export function startServer(pages: Record<string, string>): Promise<TestServer> {
  return startStaticServer(({ pathname }) => {
    const html = pages[pathname];
    return html === undefined ? undefined : { body: html };
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Mentions on the page (a name split over elements counts once). */
export function countMarks(page: Page): Promise<number> {
  return page.evaluate(([mark, continued]) => document.querySelectorAll(`${mark}:not([${continued}])`).length, [
    MARK,
    CONTINUED,
  ] as const);
}

/**
 * Waits until the page has at least `minCount` mentions and the number has stopped changing
 * (the annotator works in slices), then returns it.
 */
export async function waitForMarks(page: Page, minCount: number, timeoutMs = 15_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let previous = -1;
  let stableSince = 0;
  for (;;) {
    const count = await countMarks(page);
    if (count !== previous) {
      previous = count;
      stableSince = Date.now();
    } else if (count >= minCount && Date.now() - stableSince >= 400) {
      return count;
    }
    if (Date.now() > deadline) {
      throw new Error(`Expected at least ${minCount} stable highlights, found ${count} after ${timeoutMs} ms`);
    }
    await sleep(100);
  }
}

/** Waits until the page has no highlight at all. */
export async function waitForNoMarks(page: Page, timeoutMs = 5_000): Promise<void> {
  await page.waitForFunction((mark) => document.querySelectorAll(mark).length === 0, MARK, { timeout: timeoutMs });
}

/** Entity id → number of mentions, not counting the continuation pieces of a split name. */
export async function marksByEntity(page: Page): Promise<Map<string, number>> {
  const ids = await page.evaluate(
    ([mark, continued]) =>
      [...document.querySelectorAll(`${mark}:not([${continued}])`)].map((m) => m.getAttribute('data-entity') ?? ''),
    [MARK, CONTINUED] as const,
  );
  const counts = new Map<string, number>();
  for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
  return counts;
}

export interface Mention {
  entity: string;
  type: string;
  /** The mention's text, its pieces joined when a name spans several elements. */
  text: string;
  pieces: number;
  /** A continuation piece with no first piece of the same entity right before it. */
  orphan: boolean;
}

/** Every mention in document order, with the pieces of split names put together. */
export function mentions(page: Page): Promise<Mention[]> {
  return page.evaluate(readMentions, [MARK, CONTINUED] as const);
}

/** Runs in the page (of any browser driver): its mentions, the pieces of split names put together. */
export function readMentions([mark, continued]: readonly [string, string]): Mention[] {
  const list: Mention[] = [];
  for (const m of document.querySelectorAll(mark)) {
    const entity = m.getAttribute('data-entity') ?? '';
    const type = m.getAttribute('data-entity-type') ?? '';
    const text = m.textContent ?? '';
    const last = list[list.length - 1];
    if (m.hasAttribute(continued)) {
      if (last && last.entity === entity) {
        last.text += text;
        last.pieces++;
      } else {
        list.push({ entity, type, text, pieces: 1, orphan: true });
      }
    } else {
      list.push({ entity, type, text, pieces: 1, orphan: false });
    }
  }
  return list;
}

export function bodyText(page: Page): Promise<string> {
  return page.evaluate(() => document.body.textContent ?? '');
}

/** body.textContent of `html` as Chromium parses it, read where no content script runs. */
export function parsedBodyText(page: Page, html: string): Promise<string> {
  return page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').body.textContent ?? '', html);
}

/** The part of the chrome API the tests call from extension pages. */
interface ChromeApi {
  tabs: {
    query(query: object): Promise<{ id?: number; url?: string }[]>;
    sendMessage(tabId: number, message: unknown): Promise<unknown>;
  };
  action: {
    getBadgeText(details: { tabId: number }): Promise<string>;
  };
  storage: {
    local: {
      get(key: string | null): Promise<Record<string, unknown>>;
      set(items: Record<string, unknown>): Promise<void>;
    };
  };
}

/**
 * The id of the tab showing `pageUrl`, asked from an extension page. The manifest has no "tabs"
 * permission, so tabs.query does not reveal the URL of web pages; the tab is then found by
 * asking each tab's content script for its URL (the popup's own 'page/get-state' message).
 */
export async function tabIdFor(extensionPage: Page, pageUrl: string, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const ids = await extensionPage.evaluate(async (url) => {
      const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
      const tabs = await api.tabs.query({});
      const byUrl = tabs.filter((t) => t.url === url).map((t) => t.id ?? -1);
      if (byUrl.length > 0) return byUrl;
      const found: number[] = [];
      for (const tab of tabs) {
        if (tab.id === undefined) continue;
        const state = await api.tabs.sendMessage(tab.id, { type: 'page/get-state' }).catch(() => null);
        if (state && (state as { url?: unknown }).url === url) found.push(tab.id);
      }
      return found;
    }, pageUrl);
    if (ids.length === 1) return ids[0] as number;
    if (ids.length > 1) throw new Error(`${ids.length} tabs show ${pageUrl}; close the others first`);
    if (Date.now() > deadline) throw new Error(`No tab found showing ${pageUrl}`);
    await sleep(200);
  }
}

/** A message to a tab's content script, sent from an extension page: its answer, or why it failed. */
export function sendToTab(extensionPage: Page, tabId: number, message: unknown): Promise<unknown> {
  return extensionPage.evaluate(
    async ([id, m]) => {
      const api = (
        globalThis as unknown as { chrome: { tabs: { sendMessage(t: number, m: unknown): Promise<unknown> } } }
      ).chrome;
      try {
        return { answer: await api.tabs.sendMessage(id as number, m) };
      } catch (error) {
        return { rejected: String(error) };
      }
    },
    [tabId, message] as const,
  );
}

/** Opens popup.html in a tab of its own, targeting the tab that shows `page`. */
export async function openPopupFor(context: BrowserContext, extensionId: string, page: Page): Promise<Page> {
  const popup = await context.newPage();
  // Without ?tab the popup describes the active tab, which is itself: harmless.
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await tabIdFor(popup, page.url());
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

/**
 * Turns a popup switch on or off the way a user does: by clicking its label (the visible track
 * lies over the transparent checkbox).
 */
export async function setSwitch(popup: Page, testId: string, on: boolean, timeoutMs = 5_000): Promise<void> {
  const input = popup.getByTestId(testId);
  if ((await input.isChecked()) === on) throw new Error(`Switch ${testId} is already ${on ? 'on' : 'off'}`);
  await popup.locator('label', { has: input }).click();
  const deadline = Date.now() + timeoutMs;
  while ((await input.isChecked()) !== on) {
    if (Date.now() > deadline) throw new Error(`Switch ${testId} did not turn ${on ? 'on' : 'off'}`);
    await sleep(50);
  }
}

/** The toolbar badge text of a tab, read from an extension page. */
export function badgeText(extensionPage: Page, tabId: number): Promise<string> {
  return extensionPage.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return api.action.getBadgeText({ tabId: id });
  }, tabId);
}

export function readStorage(extensionPage: Page, key: string): Promise<unknown> {
  return extensionPage.evaluate(async (k) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    return (await api.storage.local.get(k))[k];
  }, key);
}

export async function writeStorage(extensionPage: Page, items: Record<string, unknown>): Promise<void> {
  await extensionPage.evaluate(async (values) => {
    const api = (globalThis as unknown as { chrome: ChromeApi }).chrome;
    await api.storage.local.set(values);
  }, items);
}

/** Spaces of any kind count as one, curly apostrophes as straight ones. */
export function normalizeName(text: string): string {
  return text
    .replace(/[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g, ' ')
    .replace(/[\u2019\u02BC]/g, "'")
    .trim();
}

/** The same whitespace rule, for comparing quotes with documents. */
export function collapseSpaces(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export interface GlossSession {
  browser: GlossBrowser;
  server: TestServer;
  /** An extension page: sends messages to tabs and reads and writes storage as our pages do. */
  extension: Page;
  /** Closes the page after the test. */
  track(page: Page): Page;
  /** Opens a page (a path on the server, or any URL) in a tab of its own and waits for its marks. */
  visit(target: string, minMarks?: number, viewport?: { width: number; height: number }): Promise<Page>;
}

/**
 * For one test file: a browser with Gloss, a server for `pages` and an extension page, shared by
 * its tests; after each test the settings are reset and the pages the test opened are closed.
 */
export function glossSession(pages: Record<string, string>): GlossSession {
  const open: Page[] = [];
  const session = {
    track(page: Page) {
      open.push(page);
      return page;
    },
    async visit(target: string, minMarks = 1, viewport = { width: 1000, height: 700 }) {
      const page = session.track(await session.browser.context.newPage());
      await page.setViewportSize(viewport);
      await page.goto(target.startsWith('/') ? session.server.url(target) : target);
      if (minMarks > 0) await waitForMarks(page, minMarks);
      await page.bringToFront();
      return page;
    },
  } as GlossSession;
  beforeAll(async () => {
    session.browser = await launchBrowser();
    session.server = await startServer(pages);
    session.extension = await session.browser.context.newPage();
    await session.extension.goto(`chrome-extension://${session.browser.extensionId}/popup.html`);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
  });
  afterEach(async () => {
    await writeStorage(session.extension, { settings: DEFAULT_SETTINGS });
    for (const page of open.splice(0)) if (!page.isClosed()) await page.close();
  });
  return session;
}

/**
 * Runs `functionDeclaration` (the source of a function whose `this` is the in-page card's shadow
 * root) in the page and returns its value; null when there is no card. The card's shadow root is
 * closed, so neither page scripts nor Playwright's locators see in: only the DevTools protocol
 * does. Throws if the root is not closed, since that is a promise of its own.
 */
export async function inCardShadow<T>(session: CDPSession, functionDeclaration: string): Promise<T | null> {
  const host = await session.send('Runtime.evaluate', { expression: "document.querySelector('gloss-card')" });
  if (!host.result.objectId) return null;
  const { node } = await session.send('DOM.describeNode', { objectId: host.result.objectId, depth: 1, pierce: true });
  const shadow = node.shadowRoots?.[0];
  if (!shadow) throw new Error('The card host has no shadow root');
  if (shadow.shadowRootType !== 'closed') throw new Error(`The card's shadow root is ${shadow.shadowRootType}`);
  const { object } = await session.send('DOM.resolveNode', { backendNodeId: shadow.backendNodeId });
  const { result } = await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId as string,
    functionDeclaration,
    returnByValue: true,
  });
  return (result.value as T | null) ?? null;
}

/** Waits until `check` holds, polling; throws naming `what` after `timeoutMs`. */
export async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

/** The extension's service worker in a session's browser (its test hook is `glossBackground`). */
export function serviceWorkerOf(session: GlossSession): Worker {
  const found = session.browser.context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'));
  if (!found) throw new Error('No service worker');
  return found;
}

/** The session's service worker; an MV3 worker that went to sleep is woken by a message. */
export async function awakeServiceWorker(session: GlossSession): Promise<Worker> {
  const isOurs = (w: Worker) => w.url().startsWith(`chrome-extension://${session.browser.extensionId}/`);
  const running = session.browser.context.serviceWorkers().find(isOurs);
  if (running) return running;
  const started = session.browser.context.waitForEvent('serviceworker', { predicate: isOurs, timeout: 10_000 });
  await session.extension.evaluate(() =>
    (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime
      .sendMessage({ type: 'wake-up' })
      .catch(() => undefined),
  );
  return started;
}

/** Opens the options page in a tab of the session, once its Knowledge packs section is shown. */
export async function openOptionsPage(session: GlossSession): Promise<Page> {
  const options = session.track(await session.browser.context.newPage());
  await options.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
  await options.getByTestId('pack-list').waitFor();
  return options;
}
