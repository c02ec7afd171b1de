// Page text never becomes markup in Gloss's UI, and settings reach every tab and end as the user
// last chose: markup and javascript: links in a page, looked up and shown in the in-page card and
// in the popup, run nothing; quick toggles in a row; a change in one place applies in every tab.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  countMarks,
  glossSession,
  inCardShadow,
  marksByEntity,
  openPopupFor,
  readStorage,
  sleep,
  tabIdFor,
  waitForMarks,
  waitForNoMarks,
} from './helpers';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Safety</title></head><body>${body}</body></html>`;

/** Every way the page's text could run if it were parsed as markup sets window.pwned. */
const IMG = `<img src=x onerror="window.pwned='img'">`;
const SCRIPT = `<script>window.pwned='script'</script>`;
const escapeHtml = (html: string) => html.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

const PAGES: Record<string, string> = {
  '/xss.html': page(
    `<p id="text">Report: ${escapeHtml(IMG)} and ${escapeHtml(SCRIPT)} near Brazil.</p>
     <p><a id="js" href="javascript:window.pwned='link'">India ${escapeHtml(IMG)}</a></p>`,
  ),
  '/a.html': page('<p>Brazil and India did not sign; Antony Blinken did.</p>'),
  '/b.html': page('<p>Canada signed, said Antony Blinken, while Brazil did not.</p>'),
};

const gloss = glossSession(PAGES);
const { track, visit } = gloss;

/** The text of the in-page card, read through the DevTools protocol (its shadow root is closed). */
async function cardText(p: Page): Promise<string | null> {
  const session = await gloss.browser.context.newCDPSession(p);
  try {
    return await inCardShadow<string>(
      session,
      `function () {
        const card = this.querySelector('[role="dialog"]');
        return card ? JSON.stringify({ text: card.textContent, images: this.querySelectorAll('img').length,
          scripts: this.querySelectorAll('script').length }) : null;
      }`,
    );
  } finally {
    await session.detach();
  }
}

async function waitForCardText(p: Page, expected: string): Promise<{ text: string; images: number; scripts: number }> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const raw = await cardText(p);
    const card = raw ? (JSON.parse(raw) as { text: string; images: number; scripts: number }) : null;
    if (card?.text.includes(expected)) return card;
    if (Date.now() > deadline) throw new Error(`No card showing “${expected}”; last: ${card?.text.slice(0, 200)}`);
    await sleep(100);
  }
}

/** The context menu's lookup, as the background runs it: it resolves the text, the page shows the card. */
async function lookUp(tabId: number, text: string): Promise<unknown> {
  return gloss.extension.evaluate(
    async ([id, selection]) => {
      const chrome = (
        globalThis as unknown as {
          chrome: { tabs: { sendMessage(t: number, m: unknown, o: { frameId: number }): Promise<unknown> } };
        }
      ).chrome;
      // What the background sends for this selection (lookup.test.ts tests how it is resolved).
      const entityId = selection.includes('Brazil') ? 'country:br' : null;
      return chrome.tabs.sendMessage(id as number, { type: 'page/lookup', text: selection, entityId }, { frameId: 0 });
    },
    [tabId, text] as const,
  );
}

const pwned = (p: Page) => p.evaluate(() => (window as unknown as { pwned?: string }).pwned ?? null);

describe('page text is never markup', () => {
  it('a selection with markup is looked up and shown as text, and nothing runs', async () => {
    const p = await visit('/xss.html', 2);
    const tab = await tabIdFor(gloss.extension, p.url());
    // The page's own text, with Brazil in it: the card is Brazil's.
    const text = (await p.textContent('#text')) ?? '';
    expect(text).toContain(IMG);
    expect(await lookUp(tab, text)).toEqual({ entityId: 'country:br' });
    const brazil = await waitForCardText(p, 'Brazil');
    expect(brazil.scripts).toBe(0);

    // Nothing in the pack matches: the notice quotes the selection as text.
    for (const hostile of [IMG, SCRIPT, "javascript:window.pwned='x'"]) {
      expect(await lookUp(tab, hostile)).toEqual({ entityId: null });
      const notice = await waitForCardText(p, hostile.slice(0, 20));
      expect(notice.images).toBe(0);
      expect(notice.scripts).toBe(0);
      await p.keyboard.press('Escape');
    }
    // Hovering the highlight inside the javascript: link opens its card and follows nothing.
    await p.hover('#js mark.gloss-mark[data-entity="country:in"]');
    await waitForCardText(p, 'India');
    await sleep(500);
    expect(await pwned(p)).toBeNull();
    expect(p.url()).toBe(gloss.server.url('/xss.html'));
  });

  it('the popup shows a selection with markup as text', async () => {
    const p = await visit('/xss.html', 2);
    const tab = await tabIdFor(gloss.extension, p.url());
    const popup = await gloss.browser.context.newPage();
    track(popup);
    const errors: string[] = [];
    popup.on('pageerror', (error) => errors.push(String(error)));
    popup.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
    // As the context menu's fallback opens it.
    await popup.goto(
      `chrome-extension://${gloss.browser.extensionId}/popup.html?tab=${tab}&search=${encodeURIComponent(IMG + SCRIPT)}`,
    );
    await expect.poll(() => popup.getByTestId('search').inputValue(), { timeout: 10_000 }).toBe(IMG + SCRIPT);
    await popup.getByText(IMG, { exact: false }).first().waitFor({ timeout: 10_000 });
    expect(await popup.evaluate(() => document.querySelectorAll('img[src="x"], body script').length)).toBe(0);
    expect(await popup.evaluate(() => (window as unknown as { pwned?: string }).pwned ?? null)).toBeNull();
    expect(errors).toEqual([]);
  });
});

describe('settings reach every tab', () => {
  it('two quick clicks on the site switch end in the state clicked last', async () => {
    const p = await visit('/a.html', 3);
    const popup = await openPopupFor(gloss.browser.context, gloss.browser.extensionId, p);
    track(popup);
    const input = popup.getByTestId('site-switch');
    await input.waitFor({ timeout: 10_000 });
    expect(await input.isChecked()).toBe(true);
    const label = popup.locator('label', { has: input });
    // Off, on, off: no waiting in between.
    await label.click();
    await label.click();
    await label.click();
    await waitForNoMarks(p, 10_000);
    await expect
      .poll(() => readStorage(gloss.extension, 'settings'), { timeout: 5_000 })
      .toMatchObject({ site: { rules: [{ pattern: '127.0.0.1', enabled: false }] } });
    expect(await input.isChecked()).toBe(false);
    // And once more, on: the marks come back and no rule is left.
    await label.click();
    await waitForMarks(p, 3);
    await expect
      .poll(() => readStorage(gloss.extension, 'settings'), { timeout: 5_000 })
      .toMatchObject({ site: { rules: [] } });
    await sleep(500);
    expect(await countMarks(p)).toBe(3);
  });

  it('a change on the options page applies in every open tab at once', async () => {
    const a = await visit('/a.html', 3);
    const b = await visit('/b.html', 3);
    const options = await gloss.browser.context.newPage();
    track(options);
    await options.goto(`chrome-extension://${gloss.browser.extensionId}/options.html`);
    const countries = options.locator('label', { has: options.getByTestId('category-country') });
    await countries.click();
    for (const p of [a, b]) {
      await expect
        .poll(async () => [...(await marksByEntity(p)).keys()].every((id) => !id.startsWith('country:')), {
          timeout: 10_000,
        })
        .toBe(true);
      expect((await marksByEntity(p)).get('person:antony-blinken')).toBe(1);
    }
    await countries.click();
    await waitForMarks(a, 3);
    await waitForMarks(b, 3);
  });

  it('switching a site off in one tab switches it off in the other tabs of that site', async () => {
    const a = await visit('/a.html', 3);
    const b = await visit('/b.html', 3);
    const popup = await openPopupFor(gloss.browser.context, gloss.browser.extensionId, a);
    track(popup);
    const input = popup.getByTestId('site-switch');
    await input.waitFor({ timeout: 10_000 });
    await popup.locator('label', { has: input }).click();
    await waitForNoMarks(a, 10_000);
    await waitForNoMarks(b, 10_000);
  });
});
