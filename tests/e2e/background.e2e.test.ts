// The background in a real Chromium: the toolbar badge and tooltip per tab, the keyboard commands,
// the context menu lookup, opening the document viewer, and what it does with malformed messages.
//
// Nothing outside the browser can press a command's shortcut or click a context menu item:
// Playwright's keyboard reaches the page, not the browser's accelerators (pressing Alt+Shift+G on
// a page was tried and does not fire chrome.commands.onCommand in headless Chromium). These tests
// therefore call, in the service worker, `glossBackground.runCommand` and `glossBackground.lookUp`:
// the same functions the commands.onCommand and contextMenus.onClicked listeners call.
// The toolbar icon cannot be read back (there is no action.getIcon); the tooltip set with it from
// the same state can, and the icon files are loaded here by action.setIcon itself.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ICON_OFF, ICON_ON } from '../../entrypoints/background/icons';
import type { GlossBackground } from '../../entrypoints/background/index';
import {
  awakeServiceWorker,
  badgeText,
  DEFAULT_SETTINGS,
  glossSession,
  inCardShadow,
  MARK,
  marksByEntity,
  readStorage,
  sleep,
  tabIdFor,
  waitForMarks,
  waitForNoMarks,
  writeStorage,
} from './helpers';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Background test</title></head><body style="font: 18px/1.5 serif">${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/news.html': page(
    `<h1>Brazil and India stay out</h1>
     <p id="p1">Brazil and India did not sign the Declaration for the Future of the Internet, which the United States launched.</p>
     <div style="height: 1500px"></div>
     <p id="p2">Secretary of State Antony Blinken said the Freedom Online Coalition would meet again. Brazil was not invited.</p>
     <div style="height: 1500px"></div>
     <p id="p3">The United Nations and the European Union had observers there.</p>
     <div style="height: 800px"></div>`,
  ),
  '/other.html': page('<p>China criticised the Declaration; Japan signed it.</p>'),
  '/empty.html': page('<p>Nothing here names anyone in the documents.</p>'),
  '/live.html': page('<p>Nothing here names anyone in the documents.</p><p id="live">Brazil and India said no.</p>'),
};

const gloss = glossSession(PAGES);
const { track, visit } = gloss;

const worker = () => awakeServiceWorker(gloss);

type Hooked = typeof globalThis & { glossBackground: GlossBackground };

/** The part of the chrome API these tests call in the service worker. */
interface WorkerChrome {
  action: { setIcon(details: { tabId: number; path: Record<string, string> }): Promise<void> };
  commands: { getAll(): Promise<{ name?: string; shortcut?: string }[]> };
  contextMenus: { update(id: string, properties: object): Promise<void> };
  tabs: {
    query(query: object): Promise<{ id?: number; index: number; openerTabId?: number }[]>;
    get(tabId: number): Promise<{ id?: number; index: number }>;
  };
}

/** The tab `from` opened (its opener), and whether it sits right after it. */
async function openedNextTo(from: number): Promise<{ count: number; next: boolean }> {
  return (await worker()).evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
    const opened = (await api.tabs.query({})).filter((tab) => tab.openerTabId === id);
    const source = await api.tabs.get(id);
    return { count: opened.length, next: opened[0]?.index === source.index + 1 };
  }, from);
}

async function runCommand(name: string, tabId?: number): Promise<void> {
  await (await worker()).evaluate(
    ([command, tab]) => (globalThis as Hooked).glossBackground.runCommand(command as string, tab as number | undefined),
    [name, tabId] as const,
  );
}

async function lookUp(text: string, tabId: number): Promise<void> {
  await (await worker()).evaluate(
    ([selection, tab]) => (globalThis as Hooked).glossBackground.lookUp(selection as string, tab as number),
    [text, tabId] as const,
  );
}

/** The tooltip of the toolbar button for a tab. */
function badgeTitle(tabId: number): Promise<string> {
  return gloss.extension.evaluate(
    (id) =>
      (
        globalThis as unknown as { chrome: { action: { getTitle(d: { tabId: number }): Promise<string> } } }
      ).chrome.action.getTitle({ tabId: id }),
    tabId,
  );
}

async function expectButton(tabId: number, text: string, title: string): Promise<void> {
  await expect.poll(() => badgeText(gloss.extension, tabId), { timeout: 5_000 }).toBe(text);
  await expect.poll(() => badgeTitle(tabId), { timeout: 5_000 }).toBe(title);
}

/**
 * A runtime message from the extension page, as our popup would send it: the answer, or why none
 * came. The message travels as JSON text and is parsed in the page, so keys such as an own
 * `__proto__` reach sendMessage as written (Playwright's own argument passing would drop them).
 */
function sendRuntime(message: unknown): Promise<{ answer: unknown } | { failed: string }> {
  return sendRuntimeJson(JSON.stringify(message));
}

function sendRuntimeJson(json: string): Promise<{ answer: unknown } | { failed: string }> {
  return gloss.extension.evaluate(async (text) => {
    const api = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
      .chrome;
    try {
      return { answer: await api.runtime.sendMessage(JSON.parse(text)) };
    } catch (error) {
      return { failed: String(error) };
    }
  }, json);
}

/** Whether a URL is a page of this extension, with that path (new URL gives such URLs no origin). */
function isOurPage(href: string, pathname: string): boolean {
  const url = new URL(href);
  return url.protocol === 'chrome-extension:' && url.host === gloss.browser.extensionId && url.pathname === pathname;
}

/** The in-page card's heading and text, read inside its closed shadow root; null when none is open. */
async function readCard(p: Page): Promise<{ name: string | null; text: string } | null> {
  const session = await gloss.browser.context.newCDPSession(p);
  try {
    return await inCardShadow(
      session,
      `function () {
        const card = this.querySelector('[role="dialog"]');
        return card ? { name: card.querySelector('h2')?.textContent ?? null, text: card.textContent } : null;
      }`,
    );
  } finally {
    await session.detach();
  }
}

async function waitForCard(p: Page, name: string | null, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const card = await readCard(p);
    if (card && card.name === name) return card;
    if (Date.now() > deadline) throw new Error(`No card named ${name}; last seen: ${JSON.stringify(card)}`);
    await sleep(100);
  }
}

/** The marks that begin a mention, in document order, by entity id and paragraph. */
function mentionHeads(p: Page) {
  return p.evaluate(
    (mark) =>
      [...document.querySelectorAll(`${mark}:not([data-gloss-continued])`)].map((m) => ({
        entity: m.getAttribute('data-entity'),
        paragraph: m.closest('p, h1')?.id || m.closest('p, h1')?.localName || null,
      })),
    MARK,
  );
}

function focusedMention(p: Page) {
  return p.evaluate((mark) => {
    const el = document.activeElement;
    if (!el?.matches(mark)) return null;
    const heads = [...document.querySelectorAll(`${mark}:not([data-gloss-continued])`)];
    const r = el.getBoundingClientRect();
    return {
      index: heads.indexOf(el),
      inView: r.top >= 0 && r.bottom <= window.innerHeight,
      scrollY: window.scrollY,
    };
  }, MARK);
}

// ---------------------------------------------------------------------------------------------

describe('toolbar button', () => {
  it('shows the number of distinct entities on the page, and says so in its tooltip', async () => {
    const p = await visit(gloss.server.url('/news.html'), 8);
    const tabId = await tabIdFor(gloss.extension, p.url());
    const distinct = (await marksByEntity(p)).size;
    // Brazil, India, DFI, United States, Blinken, FOC, UN, EU: eight, some of them named twice.
    expect(distinct).toBeGreaterThanOrEqual(8);
    expect((await mentionHeads(p)).length).toBeGreaterThan(distinct);
    await expectButton(tabId, String(distinct), `Gloss: ${distinct} entities on this page`);
  });

  it('shows no count on a page that names nobody', async () => {
    const p = await visit(gloss.server.url('/empty.html'), 0);
    const tabId = await tabIdFor(gloss.extension, p.url());
    // The content script reports only once it has highlighted something, so the tooltip may
    // still be the default one; either way there is no count and nothing says "off".
    await expect.poll(() => badgeText(gloss.extension, tabId), { timeout: 5_000 }).toBe('');
    expect(['Gloss', 'Gloss: no entities found on this page']).toContain(await badgeTitle(tabId));
  });

  it('follows the page as its names come and go', async () => {
    const p = await visit(gloss.server.url('/live.html'), 2);
    const tabId = await tabIdFor(gloss.extension, p.url());
    await expectButton(tabId, '2', 'Gloss: 2 entities on this page');
    await p.evaluate(() => {
      const extra = document.createElement('p');
      extra.textContent = 'Later, the Freedom Online Coalition answered.';
      document.body.append(extra);
    });
    await expectButton(tabId, '3', 'Gloss: 3 entities on this page');
    await p.evaluate(() => {
      for (const el of document.querySelectorAll('p')) if (el.textContent?.match(/Brazil|Coalition/)) el.remove();
    });
    await expectButton(tabId, '', 'Gloss: no entities found on this page');
  });

  it('the icon files of both states load in Chromium', async () => {
    const p = await visit(gloss.server.url('/other.html'));
    const tabId = await tabIdFor(gloss.extension, p.url());
    const sw = await worker();
    const setIcon = (path: Record<string, string>) =>
      sw.evaluate(
        async ([id, icon]) => {
          try {
            const api = (globalThis as unknown as { chrome: WorkerChrome }).chrome;
            await api.action.setIcon({ tabId: id as number, path: icon as Record<string, string> });
            return 'ok';
          } catch (error) {
            return String(error);
          }
        },
        [tabId, path] as const,
      );
    expect(await setIcon({ ...ICON_OFF })).toBe('ok');
    expect(await setIcon({ ...ICON_ON })).toBe('ok');
    // The check can fail: a missing file is refused.
    expect(await setIcon({ 16: '/icon/missing-16.png' })).toMatch(/Failed/);
  });
});

describe('keyboard commands', () => {
  it('toggle-site switches highlighting off for the site in every tab at once, and on again', async () => {
    const news = await visit(gloss.server.url('/news.html'), 8);
    const other = await visit(gloss.server.url('/other.html'));
    const elsewhere = await visit(gloss.server.url('/other.html').replace('127.0.0.1', 'localhost'));
    const newsTab = await tabIdFor(gloss.extension, news.url());
    const otherTab = await tabIdFor(gloss.extension, other.url());
    const elsewhereTab = await tabIdFor(gloss.extension, elsewhere.url());
    const distinct = (await marksByEntity(news)).size;
    await expectButton(newsTab, String(distinct), `Gloss: ${distinct} entities on this page`);

    await runCommand('toggle-site', newsTab);
    await waitForNoMarks(news);
    await waitForNoMarks(other);
    expect(await readStorage(gloss.extension, 'settings')).toMatchObject({
      paused: false,
      site: { mode: 'everywhere', rules: [{ pattern: '127.0.0.1', enabled: false }] },
    });
    await expectButton(newsTab, 'off', 'Gloss is off on this site');
    await expectButton(otherTab, 'off', 'Gloss is off on this site');
    // Another site keeps its highlights and its count.
    expect((await marksByEntity(elsewhere)).size).toBeGreaterThan(0);
    const elsewhereCount = String((await marksByEntity(elsewhere)).size);
    expect(await badgeText(gloss.extension, elsewhereTab)).toBe(elsewhereCount);

    // Pressed again, for the tab that is active (the event's tab, as Chrome passes it).
    await news.bringToFront();
    await runCommand('toggle-site');
    expect(await waitForMarks(news, distinct)).toBeGreaterThanOrEqual(distinct);
    await waitForMarks(other, 1);
    expect(await readStorage(gloss.extension, 'settings')).toMatchObject({ site: { rules: [] } });
    await expectButton(newsTab, String(distinct), `Gloss: ${distinct} entities on this page`);
    expect(await badgeText(gloss.extension, elsewhereTab)).toBe(elsewhereCount);
  });

  it('toggle-site on a page while Gloss is paused ends the pause', async () => {
    const p = await visit(gloss.server.url('/news.html'), 8);
    const tabId = await tabIdFor(gloss.extension, p.url());
    const distinct = (await marksByEntity(p)).size;
    await writeStorage(gloss.extension, { settings: { ...DEFAULT_SETTINGS, paused: true } });
    await waitForNoMarks(p);
    await expectButton(tabId, 'off', 'Gloss is paused on every site');

    await runCommand('toggle-site', tabId);
    await waitForMarks(p, distinct);
    expect(await readStorage(gloss.extension, 'settings')).toMatchObject({ paused: false, site: { rules: [] } });
    await expectButton(tabId, String(distinct), `Gloss: ${distinct} entities on this page`);
  });

  it('next-mention and prev-mention move focus from mention to mention, scrolling each into view', async () => {
    const p = await visit(gloss.server.url('/news.html'), 8);
    const tabId = await tabIdFor(gloss.extension, p.url());
    const heads = await mentionHeads(p);
    expect(heads.length).toBeGreaterThan(4);
    expect(await focusedMention(p)).toBeNull();

    await runCommand('next-mention', tabId);
    await p.waitForFunction((mark) => document.activeElement?.matches(mark), MARK);
    expect(await focusedMention(p)).toMatchObject({ index: 0, inView: true });

    // To the first mention of the second paragraph, 1500 px further down.
    const firstOfP2 = heads.findIndex((h) => h.paragraph === 'p2');
    for (let i = 1; i <= firstOfP2; i++) await runCommand('next-mention', tabId);
    await expect.poll(async () => (await focusedMention(p))?.index, { timeout: 5_000 }).toBe(firstOfP2);
    const there = await focusedMention(p);
    expect(there?.inView).toBe(true);
    expect(there?.scrollY).toBeGreaterThan(1000);

    await runCommand('prev-mention', tabId);
    await expect.poll(async () => (await focusedMention(p))?.index, { timeout: 5_000 }).toBe(firstOfP2 - 1);
    expect((await focusedMention(p))?.inView).toBe(true);
  });

  it('the commands are registered with their shortcuts', async () => {
    const commands = await (await worker()).evaluate(async () =>
      (await (globalThis as unknown as { chrome: WorkerChrome }).chrome.commands.getAll()).map((c) => [
        c.name,
        c.shortcut,
      ]),
    );
    expect(commands).toEqual(
      expect.arrayContaining([
        ['toggle-site', 'Alt+Shift+G'],
        ['next-mention', 'Alt+Shift+J'],
        ['prev-mention', 'Alt+Shift+K'],
      ]),
    );
  });
});

describe('context menu', () => {
  it('is made on install, for selected text', async () => {
    const sw = await worker();
    const update = (id: string) =>
      sw.evaluate(async (menu) => {
        try {
          await (globalThis as unknown as { chrome: WorkerChrome }).chrome.contextMenus.update(menu, {});
          return 'exists';
        } catch (error) {
          return String(error);
        }
      }, id);
    expect(await update('gloss-lookup')).toBe('exists');
    expect(await update('no-such-item')).not.toBe('exists');
  });

  it('looking up a selection opens the in-page card for it', async () => {
    const p = await visit(gloss.server.url('/news.html'), 8);
    const tabId = await tabIdFor(gloss.extension, p.url());
    await p.evaluate(() => {
      const text = document.querySelector('#p2 mark[data-entity="initiative:foc"]')?.firstChild;
      if (!text) throw new Error('No Freedom Online Coalition mark');
      const range = document.createRange();
      range.selectNodeContents(text);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
    });
    const pagesBefore = gloss.browser.context.pages().length;
    await lookUp('Freedom Online\nCoalition', tabId);
    expect((await waitForCard(p, 'Freedom Online Coalition')).text).toContain('Freedom Online Coalition');
    expect(gloss.browser.context.pages().length).toBe(pagesBefore);
  });

  it('where Gloss does not run, opens the popup page searching for the text next to the tab', async () => {
    const blank = await visit('about:blank', 0);
    // No content script, no URL to see: the active tab is the one just brought to the front.
    const tabId = await (await worker()).evaluate(
      async () =>
        (
          await (globalThis as unknown as { chrome: WorkerChrome }).chrome.tabs.query({
            active: true,
            lastFocusedWindow: true,
          })
        )[0]?.id,
    );
    expect(typeof tabId).toBe('number');
    const opened = gloss.browser.context.waitForEvent('page', { timeout: 10_000 });
    await lookUp('Brazil', tabId as number);
    const popup = await opened;
    track(popup);
    await popup.waitForURL(/popup\.html/);
    const url = new URL(popup.url());
    expect(isOurPage(url.href, '/popup.html')).toBe(true);
    expect(url.searchParams.get('search')).toBe('Brazil');
    expect(url.searchParams.get('tab')).toBe(String(tabId));
    // The popup page starts with the selected text searched, and Brazil found.
    await expect.poll(() => popup.getByTestId('search').inputValue(), { timeout: 10_000 }).toBe('Brazil');
    await popup.locator('[data-testid="search-results"] [data-entity="country:br"]').waitFor({ timeout: 10_000 });
    expect(await openedNextTo(tabId as number)).toEqual({ count: 1, next: true });
    expect(blank.isClosed()).toBe(false);
  });
});

describe('messages', () => {
  it('answers malformed messages of its own types with an error and keeps answering valid ones', async () => {
    const malformed: unknown[] = [
      { type: 'page/mentions' },
      { type: 'page/mentions', distinct: '3', enabled: true },
      { type: 'page/mentions', distinct: -1, enabled: true },
      { type: 'page/mentions', distinct: 1, enabled: true, extra: 'key' },
      { type: 'ui/open-document', sourceId: 'echri' },
      { type: 'ui/open-document', sourceId: 'x'.repeat(100_000), quote: 'q' },
      { type: 'ui/open-document', sourceId: 'echri', quote: 'q'.repeat(20_000) },
      { type: 'ui/open-document', sourceId: ['echri'], quote: null },
    ];
    const malformedJson = [
      ...malformed.map((message) => JSON.stringify(message)),
      '{"type":"page/mentions","distinct":1,"enabled":true,"__proto__":{"polluted":true}}',
    ];
    for (const json of malformedJson) {
      expect(await sendRuntimeJson(json), json.slice(0, 80)).toEqual({
        answer: { error: expect.stringMatching(/^Malformed "(page\/mentions|ui\/open-document)" message$/) },
      });
    }
    // Not ours, or not for the background: no answer at all (the promise may settle either way).
    for (const message of [null, 'page/mentions', [], { type: '__proto__' }, { type: 'page/get-state' }]) {
      const result = await sendRuntime(message);
      expect(result, JSON.stringify(message)).not.toHaveProperty('answer.error');
      if ('answer' in result) expect(result.answer).toBeUndefined();
    }
    // Still alive: a well-formed message is handled.
    const before = gloss.browser.context.pages().length;
    const opened = gloss.browser.context.waitForEvent('page', { timeout: 10_000 });
    expect(
      await sendRuntime({ type: 'ui/open-document', packId: 'gloss', sourceId: 'echri', quote: 'human rights' }),
    ).toEqual({
      answer: null,
    });
    const viewer = await opened;
    track(viewer);
    await viewer.waitForURL(/document\.html/);
    const url = new URL(viewer.url());
    expect(isOurPage(url.href, '/document.html')).toBe(true);
    expect(url.searchParams.get('source')).toBe('echri');
    expect(url.searchParams.get('quote')).toBe('human rights');
    expect(gloss.browser.context.pages().length).toBe(before + 1);
  });

  it('web pages cannot message the background at all', async () => {
    const p = await visit(gloss.server.url('/other.html'));
    const reachable = await p.evaluate(
      () => typeof (globalThis as { chrome?: { runtime?: { sendMessage?: unknown } } }).chrome?.runtime?.sendMessage,
    );
    expect(reachable).toBe('undefined');
  });

  it("'ui/open-document' from a page's card opens the viewer in a tab next to the page", async () => {
    const p = await visit(gloss.server.url('/news.html'), 8);
    const tabId = await tabIdFor(gloss.extension, p.url());
    await lookUp('Freedom Online Coalition', tabId);
    await waitForCard(p, 'Freedom Online Coalition');
    // The card's first "Read in the document" button, found inside the closed shadow root and clicked.
    const session = await gloss.browser.context.newCDPSession(p);
    const host = await session.send('Runtime.evaluate', { expression: "document.querySelector('gloss-card')" });
    const { node } = await session.send('DOM.describeNode', {
      objectId: host.result.objectId as string,
      depth: 1,
      pierce: true,
    });
    const { object } = await session.send('DOM.resolveNode', {
      backendNodeId: node.shadowRoots?.[0]?.backendNodeId as number,
    });
    const { result } = await session.send('Runtime.callFunctionOn', {
      objectId: object.objectId as string,
      functionDeclaration: `function () {
        const button = [...this.querySelectorAll('button')].find((b) => /Read in the document/.test(b.textContent));
        if (!button) return null;
        const r = button.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }`,
      returnByValue: true,
    });
    await session.detach();
    const point = result.value as { x: number; y: number } | null;
    expect(point).not.toBeNull();
    const opened = gloss.browser.context.waitForEvent('page', { timeout: 10_000 });
    await p.mouse.click(point?.x ?? 0, point?.y ?? 0);
    const viewer = await opened;
    track(viewer);
    await viewer.waitForURL(/document\.html/);
    const url = new URL(viewer.url());
    expect(isOurPage(url.href, '/document.html')).toBe(true);
    expect(url.searchParams.get('source')).toBeTruthy();
    expect(url.searchParams.get('quote')).toBeTruthy();
    expect(await openedNextTo(tabId)).toEqual({ count: 1, next: true });
  });
});
