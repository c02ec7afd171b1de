// The in-page card and what the content script does for the popup and the background: hover and
// focus open the card, it stays clear of the highlight and inside the viewport, page CSS cannot
// touch it; 'page/jump', 'page/lookup', malformed messages; live highlight styles and categories;
// nothing left behind when Gloss turns off.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fixtures/documents';
import {
  DEFAULT_SETTINGS,
  glossSession,
  inCardShadow,
  MARK,
  sendToTab,
  sleep,
  tabIdFor,
  waitForMarks,
  waitForNoMarks,
  writeStorage,
} from './helpers';

const knowledge = JSON.parse(readFileSync(path.join(ROOT, 'data/knowledge.json'), 'utf8')) as {
  entities: { id: string; name: string; roles: { quote: string }[] }[];
};
const entity = (id: string) => {
  const found = knowledge.entities.find((e) => e.id === id);
  if (!found) throw new Error(`No entity ${id}`);
  return found;
};

const page = (body: string, head = '') =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Card test</title>${head}</head><body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/demo.html': readFileSync(path.join(ROOT, 'demo/index.html'), 'utf8'),
  '/article.html': page(
    `<main style="max-width: 40rem; margin: 2rem auto; font: 18px/1.6 serif">
      <p id="intro">Secretary of State Antony Blinken spoke first.</p>
      <p>Then Brazil and India said they would not sign.</p>
      <p style="margin-top: 200px">The Freedom Online Coalition met later.</p>
      <div style="height: 1200px"></div>
    </main>`,
  ),
  '/edges.html': page(
    `<p id="tl" style="position: absolute; left: 4px; top: 4px; margin: 0">Antony Blinken</p>
     <p id="tr" style="position: absolute; right: 4px; top: 40px; margin: 0">Brazil</p>
     <p id="bl" style="position: absolute; left: 4px; bottom: 4px; margin: 0">Zhao Lijian</p>
     <p id="br" style="position: absolute; right: 4px; bottom: 4px; margin: 0">India</p>`,
    '<style>html, body { height: 100%; margin: 0; overflow: hidden }</style>',
  ),
  '/hostile.html': page(
    `<p>Secretary of State Antony Blinken spoke at length.</p><div><p>Hidden by the page.</p></div>`,
    `<style>
      * { all: unset !important; }
      div { display: none !important; }
      gloss-card, [data-gloss-ui] { display: none !important; opacity: 0 !important; }
      p { display: block !important; font-size: 30px !important; }
    </style>`,
  ),
  '/shadow.html': page(
    `<p>Outside: Brazil.</p><div id="host"></div>
     <script>
       document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>Inside: India and Antony Blinken.</p>';
     </script>`,
  ),
  '/jumps.html': page(
    `<p>Nothing to see at the top.</p>
     <div style="height: 1800px"></div>
     <p id="first">Antony Blinken met <b>Zhao</b> Lijian in Brazil.</p>
     <div style="height: 1400px"></div>
     <p id="second">Zhao Lijian spoke, then Blinken answered.</p>
     <div style="height: 1400px"></div>
     <p id="third">Zhao Lijian left for India.</p>
     <div style="height: 600px"></div>`,
  ),
};

const gloss = glossSession(PAGES);
const { track, visit } = gloss;

// ---------------------------------------------------------------------------------------------
// The card lives in a closed shadow root: page scripts (and Playwright's locators) cannot see in.
// The DevTools protocol can, which is how these tests read it.

interface CardState {
  name: string | null;
  text: string;
  quotes: string[];
  role: string | null;
  modal: string | null;
  labelledBy: string | null;
  rect: { left: number; top: number; right: number; bottom: number; width: number; height: number };
  style: Record<string, string>;
  /** The control focused inside the card, by its text or label; null when focus is elsewhere. */
  active: string | null;
}

const READ_CARD = `function () {
  const dialog = this.querySelector('.gloss-page-card');
  if (!dialog) return null;
  const cs = getComputedStyle(dialog);
  const active = this.activeElement;
  const r = dialog.getBoundingClientRect();
  const labelledBy = dialog.getAttribute('aria-labelledby');
  return {
    name: dialog.querySelector('h2') ? dialog.querySelector('h2').textContent : null,
    text: dialog.textContent,
    quotes: [...dialog.querySelectorAll('blockquote')].map((q) => q.textContent),
    role: dialog.getAttribute('role'),
    modal: dialog.getAttribute('aria-modal'),
    labelledBy: labelledBy && this.getElementById(labelledBy) ? this.getElementById(labelledBy).textContent : null,
    rect: { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height },
    style: {
      display: cs.display,
      visibility: cs.visibility,
      position: cs.position,
      opacity: cs.opacity,
      fontSize: cs.fontSize,
      backgroundColor: cs.backgroundColor,
      color: cs.color,
    },
    active: active ? (active.getAttribute('aria-label') || active.textContent || active.className) : null,
  };
}`;

const sessions = new WeakMap<Page, CDPSession>();
async function cdp(p: Page): Promise<CDPSession> {
  let session = sessions.get(p);
  if (!session) {
    session = await gloss.browser.context.newCDPSession(p);
    sessions.set(p, session);
  }
  return session;
}

/** The open card, read inside its closed shadow root; null when there is none. */
async function readCard(p: Page): Promise<CardState | null> {
  return inCardShadow<CardState>(await cdp(p), READ_CARD);
}

async function waitForCard(p: Page, accept: (card: CardState) => boolean = () => true, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  let last: CardState | null = null;
  for (;;) {
    last = await readCard(p);
    if (last && accept(last)) return last;
    if (Date.now() > deadline) throw new Error(`No card as expected; last seen: ${JSON.stringify(last?.name ?? last)}`);
    await sleep(50);
  }
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(50);
  }
}

async function waitForNoCard(p: Page, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await readCard(p)) !== null) {
    if (Date.now() > deadline) throw new Error('The card is still open');
    await sleep(50);
  }
}

/** The box around every piece of the first mention of `entityId` (after `skip` others). */
async function markBox(p: Page, entityId: string, within = 'body') {
  return p.evaluate(
    ([id, scope]) => {
      const head = document.querySelector(`${scope} mark.gloss-mark[data-entity="${id}"]:not([data-gloss-continued])`);
      if (!head) throw new Error(`No mark for ${id} in ${scope}`);
      const pieces = [head];
      for (let next = head.nextElementSibling; next?.hasAttribute('data-gloss-continued'); ) {
        pieces.push(next);
        next = next.nextElementSibling;
      }
      const rects = pieces.flatMap((piece) => [...piece.getClientRects()]);
      return {
        left: Math.min(...rects.map((r) => r.left)),
        top: Math.min(...rects.map((r) => r.top)),
        right: Math.max(...rects.map((r) => r.right)),
        bottom: Math.max(...rects.map((r) => r.bottom)),
      };
    },
    [entityId, within] as const,
  );
}

type Box = { left: number; top: number; right: number; bottom: number };
const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

async function hover(p: Page, entityId: string, within = 'body'): Promise<Box> {
  const box = await markBox(p, entityId, within);
  // The first line's start: a name that wraps has its box's centre between the lines.
  await p.mouse.move(box.left + 4, box.top + 4);
  return box;
}

function send(tabId: number, message: unknown): Promise<unknown> {
  return sendToTab(gloss.extension, tabId, message);
}

/** What document.activeElement is, in the page's main world. */
function activeMark(p: Page) {
  return p.evaluate(() => {
    const el = document.activeElement;
    return el?.matches('mark.gloss-mark')
      ? { entity: el.getAttribute('data-entity'), tabindex: el.getAttribute('tabindex'), id: el.closest('p')?.id }
      : { tag: el?.localName ?? null };
  });
}

// ---------------------------------------------------------------------------------------------

describe('hover', () => {
  it('opens the card after a short rest, with the entity, its type and a role quote', async () => {
    const p = await visit('/article.html');
    const markRect = await hover(p, 'person:antony-blinken');
    const card = await waitForCard(p);
    const blinken = entity('person:antony-blinken');
    expect(card.name).toBe('Antony Blinken');
    expect(card.role).toBe('dialog');
    expect(card.modal).toBe('false');
    expect(card.labelledBy).toBe('Antony Blinken');
    expect(card.text).toContain('Official or person');
    expect(card.text).toContain('Read in the document');
    expect(card.quotes.length).toBeGreaterThan(0);
    // The quote shown is one of the entity's own, verbatim (or the cut-down start of a long one).
    const first = (card.quotes[0] as string).replace(/^…|…$/g, '');
    expect(blinken.roles.some((r) => r.quote.includes(first))).toBe(true);
    expect(overlaps(card.rect, markRect)).toBe(false);
    // The host carries the attribute the annotator skips, and sits outside <body>.
    expect(
      await p.evaluate(() => {
        const host = document.querySelector('gloss-card');
        return {
          ui: host?.hasAttribute('data-gloss-ui'),
          parent: host?.parentElement?.localName,
          open: host?.shadowRoot,
        };
      }),
    ).toEqual({ ui: true, parent: 'html', open: null });
  });

  it('does not open on a quick pass over a highlight', async () => {
    const p = await visit('/article.html');
    const box = await markBox(p, 'country:br');
    await p.mouse.move(5, 650);
    await p.mouse.move(box.left + 4, box.top + 4);
    await p.mouse.move(5, 650);
    await sleep(900);
    expect(await readCard(p)).toBeNull();
    // The same highlight opens its card when the pointer rests on it.
    await hover(p, 'country:br');
    expect((await waitForCard(p)).name).toBe('Brazil');
  });

  it('stays open while the pointer is in the card, closes when it leaves', async () => {
    const p = await visit('/article.html');
    await hover(p, 'person:antony-blinken');
    const card = await waitForCard(p);
    // Into the card, across the gap: the grace delay keeps it open, then being inside does.
    await p.mouse.move(card.rect.left + 40, card.rect.top + 30, { steps: 4 });
    await sleep(900);
    expect((await readCard(p))?.name).toBe('Antony Blinken');
    // Away from both: it closes.
    await p.mouse.move(980, 680);
    await waitForNoCard(p);
    expect(await p.evaluate(() => document.querySelector('gloss-card'))).toBeNull();
  });

  it('closes when the page scrolls', async () => {
    const p = await visit('/article.html', 1, { width: 1000, height: 400 });
    await hover(p, 'person:antony-blinken');
    await waitForCard(p, (c) => c.name === 'Antony Blinken');
    await p.mouse.wheel(0, 120);
    // The pointer may now rest on another highlight, which may open its own card.
    await until(async () => (await readCard(p))?.name !== 'Antony Blinken', 'the card to close on scroll');
    // A card opened by focus closes on scroll too (no pointer involved).
    const tab = await tabIdFor(gloss.extension, p.url());
    await p.evaluate(() => window.scrollTo(0, 0));
    await send(tab, { type: 'page/jump', entityId: 'country:br', direction: 'next' });
    await waitForCard(p, (c) => c.name === 'Brazil');
    await p.evaluate(() => window.scrollBy(0, 50));
    await waitForNoCard(p);
  });

  it('"Read in the document" opens the document viewer at the quote', async () => {
    const p = await visit('/article.html');
    await hover(p, 'person:antony-blinken');
    const card = await waitForCard(p);
    const session = await cdp(p);
    const button = await cardPoint(session, '.gloss-quote-open');
    expect(button.text).toBe('Read in the document');
    await p.mouse.move(card.rect.left + 20, card.rect.top + 20, { steps: 3 });
    const opened = gloss.browser.context.waitForEvent('page', { timeout: 10_000 });
    await p.mouse.click(button.x, button.y);
    const viewer = await opened;
    track(viewer);
    await viewer.waitForURL(/\/document\.html\?/);
    const query = new URL(viewer.url()).searchParams;
    expect(query.get('source')).toMatch(/^[a-z0-9-]+$/);
    const blinken = entity('person:antony-blinken');
    expect(blinken.roles.map((r) => r.quote)).toContain(query.get('quote'));
  });

  it('links inside the card switch it to that entity, and back', async () => {
    const p = await visit('/article.html');
    await hover(p, 'country:br');
    await waitForCard(p, (c) => c.name === 'Brazil');
    const session = await cdp(p);
    // The first relation's first link (what Brazil did not sign).
    const point = await cardPoint(session, '.gloss-relations .gloss-link');
    expect(point.text).not.toBe('');
    await p.mouse.move(point.x, point.y, { steps: 3 });
    await p.mouse.click(point.x, point.y);
    const switched = await waitForCard(p, (c) => c.name !== 'Brazil');
    expect(switched.name).toBe(point.text);
    expect(switched.text).toContain('Back to Brazil');
    const back = await cardPoint(session, '.gloss-page-card-back');
    await p.mouse.click(back.x, back.y);
    expect((await waitForCard(p, (c) => c.name === 'Brazil')).text).not.toContain('Back to');
  });
});

/** The centre of an element inside the card, in page coordinates. */
async function cardPoint(session: CDPSession, selector: string): Promise<{ x: number; y: number; text: string }> {
  const host = await session.send('Runtime.evaluate', { expression: "document.querySelector('gloss-card')" });
  const { node } = await session.send('DOM.describeNode', {
    objectId: host.result.objectId as string,
    depth: 1,
    pierce: true,
  });
  const { object } = await session.send('DOM.resolveNode', { backendNodeId: node.shadowRoots?.[0]?.backendNodeId });
  const { result } = await session.send('Runtime.callFunctionOn', {
    objectId: object.objectId as string,
    functionDeclaration: `function (s) {
      const el = this.querySelector(s);
      const r = el.getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: el.textContent };
    }`,
    arguments: [{ value: selector }],
    returnByValue: true,
  });
  return result.value as { x: number; y: number; text: string };
}

describe('placement', () => {
  it.each([
    ['top left', 'person:antony-blinken', '#tl'],
    ['top right', 'country:br', '#tr'],
    ['bottom left', 'person:zhao-lijian', '#bl'],
    ['bottom right', 'country:in', '#br'],
  ])('near the %s corner: inside the viewport, clear of the highlight', async (_, id, scope) => {
    const viewport = { width: 800, height: 600 };
    const p = await visit('/edges.html', 4, viewport);
    const markRect = await hover(p, id, scope);
    const card = await waitForCard(p, (c) => c.name === entity(id).name);
    expect(card.rect.left).toBeGreaterThanOrEqual(0);
    expect(card.rect.top).toBeGreaterThanOrEqual(0);
    expect(card.rect.right).toBeLessThanOrEqual(viewport.width);
    expect(card.rect.bottom).toBeLessThanOrEqual(viewport.height);
    expect(card.rect.height).toBeGreaterThan(100);
    expect(overlaps(card.rect, markRect)).toBe(false);
  });
});

describe('page CSS', () => {
  it('cannot hide or restyle the card', async () => {
    const p = await visit('/hostile.html');
    await hover(p, 'person:antony-blinken');
    const card = await waitForCard(p);
    expect(card.name).toBe('Antony Blinken');
    expect(card.style).toMatchObject({ display: 'flex', visibility: 'visible', position: 'fixed', opacity: '1' });
    expect(card.style.fontSize).toBe('14px');
    expect(card.style.backgroundColor).toMatch(/^rgb\((255, 255, 255|26, 29, 35)\)$/);
    expect(card.rect.width).toBeGreaterThan(300);
    expect(card.rect.height).toBeGreaterThan(100);
    const host = await p.evaluate(() => {
      const cs = getComputedStyle(document.querySelector('gloss-card') as Element);
      return { display: cs.display, position: cs.position, zIndex: cs.zIndex, opacity: cs.opacity };
    });
    expect(host).toEqual({ display: 'block', position: 'fixed', zIndex: '2147483647', opacity: '1' });
    // What is drawn there is the card, not the page.
    const hit = await p.evaluate(
      ([x, y]) => document.elementFromPoint(x as number, y as number)?.localName,
      [card.rect.left + 20, card.rect.top + 20],
    );
    expect(hit).toBe('gloss-card');
  });
});

describe('messages', () => {
  it("'page/jump' scrolls to each mention in turn, focuses it and opens its card", async () => {
    const p = await visit('/jumps.html', 5);
    const tab = await tabIdFor(gloss.extension, p.url());
    expect(await p.evaluate(() => window.scrollY)).toBe(0);
    const heads = await p.evaluate(() =>
      [...document.querySelectorAll('mark.gloss-mark:not([data-gloss-continued])')].map((m) =>
        m.getAttribute('data-entity'),
      ),
    );
    // "<b>Zhao</b> Lijian" is two marks, one mention.
    expect(await p.evaluate(() => document.querySelectorAll('#first mark[data-gloss-continued]').length)).toBe(1);

    const first = await send(tab, { type: 'page/jump', entityId: null, direction: 'next' });
    expect(first).toEqual({ answer: { entityId: 'person:antony-blinken', index: 1, total: heads.length } });
    await p.waitForFunction(() => window.scrollY > 1000);
    await p.waitForFunction(() => document.activeElement?.matches('mark.gloss-mark'));
    expect(await activeMark(p)).toEqual({ entity: 'person:antony-blinken', tabindex: '-1', id: 'first' });
    expect((await waitForCard(p)).name).toBe('Antony Blinken');
    // The card does not cover the mention it jumped to.
    expect(overlaps((await readCard(p))?.rect as Box, await markBox(p, 'person:antony-blinken', '#first'))).toBe(false);

    // One entity: its mentions in order, the split one counted once, wrapping at the end.
    const power = heads.filter((id) => id === 'person:zhao-lijian').length;
    expect(power).toBe(3);
    const seen: unknown[] = [];
    for (let i = 0; i < power + 1; i++) {
      seen.push((await send(tab, { type: 'page/jump', entityId: 'person:zhao-lijian', direction: 'next' })) as never);
    }
    expect(seen).toEqual([
      { answer: { entityId: 'person:zhao-lijian', index: 1, total: 3 } },
      { answer: { entityId: 'person:zhao-lijian', index: 2, total: 3 } },
      { answer: { entityId: 'person:zhao-lijian', index: 3, total: 3 } },
      { answer: { entityId: 'person:zhao-lijian', index: 1, total: 3 } },
    ]);
    await p.waitForFunction(() => document.activeElement?.closest('p')?.id === 'first');
    await waitForCard(p, (c) => c.name === 'Zhao Lijian');
    // Backwards from the first wraps to the last.
    expect(await send(tab, { type: 'page/jump', entityId: 'person:zhao-lijian', direction: 'prev' })).toEqual({
      answer: { entityId: 'person:zhao-lijian', index: 3, total: 3 },
    });
    await p.waitForFunction(() => document.activeElement?.closest('p')?.id === 'third');
    // The mark flashed: our class, on our own element, for a moment.
    await p.waitForFunction(() => document.querySelector('#third mark.gloss-flash'));
    await p.waitForFunction(() => !document.querySelector('mark.gloss-flash'));
    // An entity that is not on the page.
    expect(await send(tab, { type: 'page/jump', entityId: 'country:jp', direction: 'next' })).toEqual({ answer: null });
  });

  it('keyboard: Tab goes from the focused mark into the card, Shift+Tab and Esc come back', async () => {
    const p = await visit('/jumps.html', 5);
    const tab = await tabIdFor(gloss.extension, p.url());
    await send(tab, { type: 'page/jump', entityId: 'country:br', direction: 'next' });
    await p.waitForFunction(() => document.activeElement?.matches('mark.gloss-mark[data-entity="country:br"]'));
    await waitForCard(p, (c) => c.name === 'Brazil');
    // Screen readers learn from the mark that its card is open (an id reference cannot reach it).
    const description = () =>
      p.evaluate(() => document.querySelector('mark[data-entity="country:br"]')?.getAttribute('aria-description'));
    expect(await description()).toMatch(/Tab to read it, Escape to close/);
    await p.bringToFront();
    await p.keyboard.press('Tab');
    expect((await waitForCard(p, (c) => c.active !== null)).active).toBe('Close');
    await p.keyboard.press('Tab');
    expect((await waitForCard(p, (c) => c.active !== 'Close')).active).toMatch(/Read in the document/);
    // Shift+Tab from the first control: back on the mark, the card still open.
    await p.keyboard.press('Shift+Tab');
    await p.keyboard.press('Shift+Tab');
    await p.waitForFunction(() => document.activeElement?.matches('mark.gloss-mark'));
    expect((await readCard(p))?.name).toBe('Brazil');
    // In again, then Esc: the card closes and focus is back on the mark.
    await p.keyboard.press('Tab');
    await waitForCard(p, (c) => c.active === 'Close');
    await p.keyboard.press('Escape');
    await waitForNoCard(p);
    expect(await activeMark(p)).toMatchObject({ entity: 'country:br', tabindex: '-1' });
    expect(await description()).toBeNull();
    // Marks are never tab stops of their own: Tab from the mark goes on, and the mark is plain again.
    await p.keyboard.press('Tab');
    expect(await activeMark(p)).not.toHaveProperty('entity');
    await p.waitForFunction(() => document.querySelectorAll('mark.gloss-mark[tabindex]').length === 0);
    expect(await readCard(p)).toBeNull();
  });

  it("'page/lookup' opens the card for the selection, or says nothing matches", async () => {
    const p = await visit('/article.html');
    const tab = await tabIdFor(gloss.extension, p.url());
    const selected = await p.evaluate(() => {
      // "Antony Blinken" inside the mark "Secretary of State Antony Blinken", as a user would select it.
      const text = document.querySelector('#intro mark[data-entity="person:antony-blinken"]')?.firstChild as Text;
      const at = text.data.indexOf('Antony Blinken');
      if (at < 0) throw new Error(`unexpected mark text ${text.data}`);
      const range = document.createRange();
      range.setStart(text, at);
      range.setEnd(text, at + 'Antony Blinken'.length);
      const selection = window.getSelection() as Selection;
      selection.removeAllRanges();
      selection.addRange(range);
      const r = range.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    });
    // The background resolves the text to an entity (background.e2e, lookup.test.ts); the page
    // opens the card it names, or says that nothing matches.
    expect(await send(tab, { type: 'page/lookup', text: 'Antony Blinken', entityId: 'person:antony-blinken' })).toEqual(
      {
        answer: { entityId: 'person:antony-blinken' },
      },
    );
    const card = await waitForCard(p, (c) => c.name === 'Antony Blinken');
    expect(overlaps(card.rect, selected)).toBe(false);
    expect(card.rect.top).toBeGreaterThanOrEqual(selected.bottom);

    expect(await send(tab, { type: 'page/lookup', text: 'qwxzj vbnmq', entityId: null })).toEqual({
      answer: { entityId: null },
    });
    const nothing = await waitForCard(p, (c) => c.name === null);
    expect(nothing.text).toContain("Nothing in Gloss's documents matches “qwxzj vbnmq”");
    expect(nothing.role).toBe('dialog');
    // It took focus, so Esc closes it.
    await p.keyboard.press('Escape');
    await waitForNoCard(p);
    // A long text is shown cut short, as text.
    const long = `<b>${'x'.repeat(200)}</b>`;
    expect(await send(tab, { type: 'page/lookup', text: long, entityId: null })).toEqual({
      answer: { entityId: null },
    });
    const cut = await waitForCard(p, (c) => c.name === null);
    expect(cut.text).toContain('<b>xxxx');
    expect(cut.text).not.toContain('x'.repeat(100));
    // A click elsewhere closes it.
    await p.mouse.click(5, 690);
    await waitForNoCard(p);
  });

  it('answers malformed messages of ours with an error and ignores others', async () => {
    const p = await visit('/article.html');
    const tab = await tabIdFor(gloss.extension, p.url());
    for (const message of [
      { type: 'page/jump', entityId: 5, direction: 'up' },
      { type: 'page/jump' },
      { type: 'page/lookup' },
      { type: 'page/lookup', text: 'x'.repeat(5000) },
      { type: 'page/get-state', extra: true },
    ]) {
      const result = (await send(tab, message)) as { answer?: { error?: unknown } };
      expect(typeof result.answer?.error, JSON.stringify(message)).toBe('string');
    }
    for (const message of [
      { type: 'someone-else' },
      'page/jump',
      null,
      { type: 'page/mentions', distinct: 1, enabled: true },
    ]) {
      const result = (await send(tab, message)) as { answer?: unknown; rejected?: string };
      // Nobody answers: the browser says so, or the answer is empty.
      expect(result.answer ?? null, JSON.stringify(message)).toBeNull();
    }
    // Still working afterwards.
    expect(await send(tab, { type: 'page/jump', entityId: 'country:br', direction: 'next' })).toEqual({
      answer: { entityId: 'country:br', index: 1, total: 1 },
    });
  });
});

describe('settings', () => {
  const style = (p: Page, id: string) =>
    p.evaluate((entityId) => {
      const mark = document.querySelector(`mark.gloss-mark[data-entity="${entityId}"]`);
      if (!mark) return null;
      const cs = getComputedStyle(mark);
      return {
        background: cs.backgroundColor,
        shadow: cs.boxShadow,
        decoration: cs.textDecorationLine,
        decorationColor: cs.textDecorationColor,
        padding: cs.padding,
        margin: cs.margin,
      };
    }, id);

  it('restyles highlights live, per type, without moving text', async () => {
    const p = await visit('/article.html');
    const before = await p.evaluate(() => document.querySelector('#intro')?.getBoundingClientRect().toJSON());
    expect(await style(p, 'country:br')).toMatchObject({
      background: 'rgba(66, 153, 225, 0.15)',
      decoration: 'none',
      padding: '0px',
      margin: '0px',
    });
    await writeStorage(gloss.extension, {
      settings: {
        ...DEFAULT_SETTINGS,
        styles: {
          ...DEFAULT_SETTINGS.styles,
          country: { look: 'underline', color: '#ff0000' },
          official: { look: 'outline', color: '#00ff00' },
        },
      },
    });
    await p.waitForFunction(
      () =>
        getComputedStyle(document.querySelector('mark[data-entity="country:br"]') as Element).textDecorationLine ===
        'underline',
    );
    expect(await style(p, 'country:br')).toMatchObject({
      background: 'rgba(0, 0, 0, 0)',
      decorationColor: 'rgb(255, 0, 0)',
      shadow: 'none',
    });
    expect((await style(p, 'person:antony-blinken'))?.shadow).toBe('rgba(0, 255, 0, 0.85) 0px 0px 0px 2px inset');
    // Unchanged types keep their look.
    expect((await style(p, 'initiative:foc'))?.background).toBe('rgba(56, 161, 105, 0.15)');
    // Still one sheet of ours, replaced, and no element added for it.
    expect(await p.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    expect(await p.evaluate(() => document.querySelectorAll('style[data-gloss-ui]').length)).toBe(0);
    const after = await p.evaluate(() => document.querySelector('#intro')?.getBoundingClientRect().toJSON());
    expect(after).toEqual(before);
  });

  it('restyles highlights inside open shadow roots too', async () => {
    const p = await visit('/shadow.html');
    const inShadow = () =>
      p.evaluate(() => {
        const mark = document.getElementById('host')?.shadowRoot?.querySelector('mark[data-entity="country:in"]');
        return mark ? getComputedStyle(mark).backgroundColor : null;
      });
    await p.waitForFunction(() => document.getElementById('host')?.shadowRoot?.querySelector('mark'));
    expect(await inShadow()).toBe('rgba(66, 153, 225, 0.15)');
    await writeStorage(gloss.extension, {
      settings: {
        ...DEFAULT_SETTINGS,
        styles: { ...DEFAULT_SETTINGS.styles, country: { look: 'background', color: '#000080' } },
      },
    });
    await until(async () => (await inShadow()) === 'rgba(0, 0, 128, 0.15)', 'the shadow root mark to be restyled');
    // Hovering a mark inside the shadow root opens its card too.
    const box = await p.evaluate(() => {
      const mark = document
        .getElementById('host')
        ?.shadowRoot?.querySelector('mark[data-entity="person:antony-blinken"]');
      const r = (mark as Element).getBoundingClientRect();
      return { x: r.left + 4, y: r.top + 4 };
    });
    await p.mouse.move(box.x, box.y);
    expect((await waitForCard(p)).name).toBe('Antony Blinken');
  });

  it('switching a type off removes its highlights at once; on brings them back', async () => {
    const p = await visit('/article.html');
    await writeStorage(gloss.extension, {
      settings: { ...DEFAULT_SETTINGS, categories: { ...DEFAULT_SETTINGS.categories, country: false } },
    });
    await p.waitForFunction(() => document.querySelectorAll('mark[data-entity-type="country"]').length === 0);
    expect(
      await p.evaluate(() => document.querySelectorAll('mark[data-entity-type="official"]').length),
    ).toBeGreaterThan(0);
    await writeStorage(gloss.extension, { settings: DEFAULT_SETTINGS });
    await p.waitForFunction(() => document.querySelectorAll('mark[data-entity-type="country"]').length === 2);
  });

  it('turning Gloss off leaves no style sheet, no card and no mark behind', async () => {
    const p = await visit('/article.html');
    await hover(p, 'person:antony-blinken');
    await waitForCard(p);
    expect(await p.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
    await writeStorage(gloss.extension, { settings: { ...DEFAULT_SETTINGS, paused: true } });
    await waitForNoMarks(p);
    await p.waitForFunction(() => document.adoptedStyleSheets.length === 0);
    expect(await p.evaluate(() => document.querySelectorAll('[data-gloss-ui], gloss-card').length)).toBe(0);
    expect(await readCard(p)).toBeNull();
    // Back on: highlights and their styles return.
    await writeStorage(gloss.extension, { settings: DEFAULT_SETTINGS });
    await waitForMarks(p, 3);
    expect(await p.evaluate(() => document.adoptedStyleSheets.length)).toBe(1);
  });
});

describe('screenshots', () => {
  it.each([
    ['light', '/tmp/gloss-pageui-card.png'],
    ['dark', '/tmp/gloss-pageui-card-dark.png'],
  ] as const)('an open card on the demo page (%s)', async (scheme, file) => {
    const p = await gloss.browser.context.newPage();
    track(p);
    await p.setViewportSize({ width: 1100, height: 760 });
    await p.emulateMedia({ colorScheme: scheme });
    await p.goto(gloss.server.url('/demo.html'));
    await waitForMarks(p, 10);
    await p.bringToFront();
    await hover(p, 'initiative:dfi');
    const card = await waitForCard(p);
    expect(card.name).toBe('Declaration for the Future of the Internet');
    expect(card.style.backgroundColor).toBe(scheme === 'dark' ? 'rgb(26, 29, 35)' : 'rgb(255, 255, 255)');
    await p.screenshot({ path: file });
    expect(await p.evaluate((m) => document.querySelectorAll(m).length, MARK)).toBeGreaterThan(10);
  });
});
