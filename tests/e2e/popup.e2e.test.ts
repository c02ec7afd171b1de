// The popup in a real Chromium: stepping through a page's mentions, answers from the documents'
// relations, typo-tolerant search, the toolbar state in words, and the document viewer.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/knowledge/schema';
import { pack } from './fixtures/documents';
import {
  type GlossBrowser,
  launchBrowser,
  MARK,
  marksByEntity,
  openPopupFor,
  setSwitch,
  startServer,
  type TestServer,
  waitForMarks,
} from './helpers';

const entities = new Map<string, Entity>(pack.entities.map((e) => [e.id, e]));

// Mentions of Canada far apart, so that each jump has to scroll.
const SPACER = '<div style="height: 1600px" aria-hidden="true"></div>';
const JUMP_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Jumps</title></head><body>
<h1>An open internet</h1>
<p id="intro">The Declaration for the Future of the Internet was signed by the United States, Japan and Denmark.
Brazil and India did not sign it, and China criticised it.</p>
${SPACER}<p id="c1">Canada said it would talk with other nations.</p>
${SPACER}<p id="c2">Officials in Canada welcomed the move, as did Norway.</p>
${SPACER}<p id="c3">Canada also joined the Export Controls and Human Rights Initiative.</p>
${SPACER}<p>The end.</p>
</body></html>`;

const ANSWERS_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Answers</title></head><body>
<h1>Who signed</h1>
<p>The Declaration for the Future of the Internet was endorsed by the United States, Canada, France, Germany,
Japan, Kenya, Ukraine and the European Commission. Brazil and India did not sign. China and Russia were not asked.</p>
<p>Separately, Denmark, Norway and the Netherlands joined the Export Controls and Human Rights Initiative.</p>
</body></html>`;

let browser: GlossBrowser;
let server: TestServer;

beforeAll(async () => {
  server = await startServer({ '/jump.html': JUMP_PAGE, '/answers.html': ANSWERS_PAGE });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(pathname: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(pathname));
  await waitForMarks(page, 1);
  return page;
}

/** Where the mention that has focus on the page is: its entity, its paragraph, and whether it is in view. */
function focusedMention(page: Page) {
  return page.evaluate(() => {
    const mark = document.activeElement?.closest('mark.gloss-mark');
    if (!mark) return null;
    const box = mark.getBoundingClientRect();
    return {
      entity: mark.getAttribute('data-entity'),
      paragraph: mark.closest('p')?.id ?? null,
      inView: box.top >= 0 && box.bottom <= window.innerHeight && box.height > 0,
      scrollY: window.scrollY,
    };
  });
}

/** What axe finds wrong on the page as it is now, in light and in dark. */
async function axeViolations(target: Page): Promise<string[]> {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await target.emulateMedia({ colorScheme });
    // Evaluated, not added as a <script>: extension pages allow only the extension's own scripts.
    await target.evaluate(axeSource);
    const violations = await target.evaluate(async () => {
      const axe = (
        globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
      ).axe;
      const result = await axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    found.push(...violations.map((v) => `${colorScheme}: ${v}`));
  }
  await target.emulateMedia({ colorScheme: null });
  return found;
}

/** The visible text of a popup element, once it has settled on a value matching `pattern`. */
async function textMatching(popup: Page, testId: string, pattern: RegExp): Promise<string> {
  const locator = popup.getByTestId(testId);
  await expect.poll(async () => (await locator.textContent()) ?? '', { timeout: 5_000 }).toMatch(pattern);
  return (await locator.textContent()) ?? '';
}

describe('stepping through mentions from the popup', () => {
  let page: Page;
  let popup: Page;
  let canada: number;

  beforeAll(async () => {
    page = await openPage('/jump.html');
    canada = (await marksByEntity(page)).get('country:ca') ?? 0;
    popup = await openPopupFor(browser.context, browser.extensionId, page);
    await popup.getByTestId('on-this-page').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await popup?.close();
    await page?.close();
  });

  it('scrolls the page to the first mention of the entity clicked, focuses it and opens its card', async () => {
    expect(canada).toBe(3);
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    await popup.locator('[data-testid=on-this-page] .gloss-row[data-entity="country:ca"]').click();
    expect(await popup.locator('article.gloss-card h2').textContent()).toBe('Canada');
    await textMatching(popup, 'entity-mentions-status', new RegExp(`^Mention 1 of ${canada}$`));
    await expect
      .poll(() => focusedMention(page), { timeout: 5_000 })
      .toMatchObject({
        entity: 'country:ca',
        paragraph: 'c1',
        inView: true,
      });
    expect((await focusedMention(page))?.scrollY).toBeGreaterThan(1000);
  });

  it('moves to the next and previous mention with the card’s buttons', async () => {
    await popup.getByTestId('entity-mentions-next').click();
    await textMatching(popup, 'entity-mentions-status', new RegExp(`^Mention 2 of ${canada}$`));
    await expect.poll(() => focusedMention(page), { timeout: 5_000 }).toMatchObject({ paragraph: 'c2', inView: true });
    await popup.getByTestId('entity-mentions-next').click();
    await textMatching(popup, 'entity-mentions-status', new RegExp(`^Mention 3 of ${canada}$`));
    await expect.poll(() => focusedMention(page), { timeout: 5_000 }).toMatchObject({ paragraph: 'c3', inView: true });
    await popup.getByTestId('entity-mentions-prev').click();
    await textMatching(popup, 'entity-mentions-status', new RegExp(`^Mention 2 of ${canada}$`));
    await expect.poll(() => focusedMention(page), { timeout: 5_000 }).toMatchObject({ paragraph: 'c2', inView: true });
  });

  it('works from the keyboard, and Back returns focus to the row', async () => {
    await popup.getByRole('button', { name: /Back/ }).press('Enter');
    await popup.getByTestId('on-this-page').waitFor({ state: 'visible', timeout: 5_000 });
    await expect
      .poll(() => popup.evaluate(() => document.activeElement?.getAttribute('data-entity')))
      .toBe('country:ca');
    await page.evaluate(() => window.scrollTo(0, 0));
    await popup.locator('[data-testid=on-this-page] .gloss-row[data-entity="country:no"]').press('Enter');
    await textMatching(popup, 'entity-mentions-status', /^Mention 1 of 1$/);
    await expect
      .poll(() => focusedMention(page), { timeout: 5_000 })
      .toMatchObject({
        entity: 'country:no',
        paragraph: 'c2',
        inView: true,
      });
    // The card opens with Back focused; Tab reaches the mention buttons.
    expect(await popup.evaluate(() => document.activeElement?.textContent)).toContain('Back');
    await popup.keyboard.press('Tab');
    expect(await popup.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Previous mention');
    await popup.getByRole('button', { name: /Back/ }).click();
  });

  it('steps through all mentions of every entity in page order', async () => {
    await popup.reload();
    await popup.getByTestId('on-this-page').waitFor({ timeout: 10_000 });
    await page.evaluate(() => window.scrollTo(0, 0));
    const order = await page.evaluate(
      (mark) =>
        [...document.querySelectorAll(`${mark}:not([data-gloss-continued])`)].map((m) => m.getAttribute('data-entity')),
      MARK,
    );
    const total = order.length;
    await popup.getByTestId('all-mentions-next').click();
    const first = await textMatching(popup, 'all-mentions-status', new RegExp(`^\\d+ of ${total}:`));
    const index = Number.parseInt(first, 10);
    const expected = entities.get(order[index - 1] ?? '')?.name ?? '?';
    expect(first).toBe(`${index} of ${total}: ${expected}`);
    await expect.poll(async () => (await focusedMention(page))?.entity, { timeout: 5_000 }).toBe(order[index - 1]);
    await popup.getByTestId('all-mentions-next').click();
    await textMatching(popup, 'all-mentions-status', new RegExp(`^${(index % total) + 1} of ${total}:`));
    // The entity named in the status opens its card.
    await popup.getByTestId('all-mentions-status').getByRole('button').click();
    await popup.locator('article.gloss-card').waitFor({ timeout: 5_000 });
    await popup.getByRole('button', { name: /Back/ }).click();
  });

  it('says the page has changed when the mentions are gone', async () => {
    await popup.locator('[data-testid=on-this-page] .gloss-row[data-entity="country:ca"]').click();
    await textMatching(popup, 'entity-mentions-status', /^Mention 1 of 3$/);
    await page.evaluate(() => {
      for (const id of ['c1', 'c2', 'c3']) document.getElementById(id)?.remove();
    });
    await expect.poll(async () => (await marksByEntity(page)).has('country:ca'), { timeout: 5_000 }).toBe(false);
    await popup.getByTestId('entity-mentions-next').click();
    const status = await textMatching(popup, 'entity-mentions-status', /page has changed/);
    expect(status).toBe('Not on the page any more: the page has changed.');
    expect(await popup.getByTestId('entity-mentions-status').getAttribute('data-state')).toBe('gone');
    await popup.getByRole('button', { name: /Back/ }).click();
    // The list was read again: Canada has left it.
    await expect
      .poll(() => popup.locator('[data-testid=on-this-page] .gloss-row[data-entity="country:ca"]').count())
      .toBe(0);
  });
});

describe('answers, search and status', () => {
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    page = await openPage('/answers.html');
    popup = await openPopupFor(browser.context, browser.extensionId, page);
    await popup.getByTestId('on-this-page').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await popup?.close();
    await page?.close();
  });

  const relationSubjects = (type: string, target: string) =>
    pack.entities.filter((e) => e.relations.some((r) => r.type === type && r.target === target)).map((e) => e.id);

  it('counts the signatories of the Declaration on the page, out of all of them', async () => {
    const signers = relationSubjects('signed', 'initiative:dfi');
    const onPage = [...(await marksByEntity(page)).keys()].filter((id) => signers.includes(id));
    expect(onPage.length).toBeGreaterThan(5);
    const answer = popup.locator('[data-answer="group:signed:initiative:dfi"]');
    await answer.waitFor({ timeout: 5_000 });
    expect(await answer.getAttribute('data-on-page')).toBe(String(onPage.length));
    expect(await answer.getAttribute('data-total')).toBe(String(signers.length));
    expect(await answer.textContent()).toContain(`${onPage.length} of its ${signers.length} signatories`);
    const listed = await answer
      .locator('.gloss-chip')
      .evaluateAll((chips) => chips.map((c) => c.getAttribute('data-entity')));
    expect(listed.sort()).toEqual(onPage.sort());
  });

  it('lists the countries on the page that did not sign, and which of them declined', async () => {
    const signers = new Set(relationSubjects('signed', 'initiative:dfi'));
    const declined = relationSubjects('did-not-sign', 'initiative:dfi');
    const outside = [...(await marksByEntity(page)).keys()].filter(
      (id) => entities.get(id)?.type === 'country' && !signers.has(id),
    );
    const answer = popup.locator('[data-answer="outside:signed:initiative:dfi"]');
    expect(await answer.getAttribute('data-on-page')).toBe(String(outside.length));
    const chips = await answer
      .locator('.gloss-chip')
      .evaluateAll((list) => list.map((c) => ({ id: c.getAttribute('data-entity'), text: c.textContent ?? '' })));
    expect(chips.map((c) => c.id).sort()).toEqual(outside.sort());
    for (const chip of chips) expect(chip.text.includes('declined')).toBe(declined.includes(chip.id ?? ''));
    expect(chips.map((c) => c.id)).toEqual(expect.arrayContaining(['country:br', 'country:in', 'country:cn']));
  });

  it('opens the card of an entity listed in an answer', async () => {
    // Answers about what the page names come first; the others wait behind "Show more".
    const echri = popup.locator('[data-answer="group:member-of:initiative:echri"]');
    if ((await echri.count()) === 0) await popup.getByRole('button', { name: /^Show answers about \d+ more$/ }).click();
    // Each answer is one line that opens to list the entities.
    await echri.locator('summary').click();
    await echri.locator('.gloss-chip[data-entity="country:dk"]').click();
    expect(await popup.locator('article.gloss-card h2').textContent()).toBe('Denmark');
    await popup.getByRole('button', { name: /Back/ }).click();
    await popup.getByTestId('answers').waitFor({ state: 'visible', timeout: 5_000 });
  });

  it.each([
    ['Blinkin', 'person:antony-blinken', 'Antony Blinken'],
    ['Brasil', 'country:br', 'Brazil'],
    ['freedom onlin', 'initiative:foc', 'Freedom Online Coalition'],
  ])('search for "%s" finds %s and opens its card', async (query, id, name) => {
    await popup.getByTestId('search').fill(query);
    const first = popup.locator('[data-testid=search-results] .gloss-row').first();
    await expect.poll(() => first.getAttribute('data-entity'), { timeout: 5_000 }).toBe(id);
    await first.click();
    expect(await popup.locator('article.gloss-card h2').textContent()).toBe(name);
    await popup.getByRole('button', { name: /Back/ }).click();
    await popup.getByTestId('search').fill('');
  });

  it('has no accessibility violations that axe can find, with answers open and on a card', async () => {
    await popup.reload();
    await popup.getByTestId('answers').waitFor({ timeout: 10_000 });
    for (const summary of await popup.locator('[data-testid=answers] summary').all()) await summary.click();
    expect(await axeViolations(popup)).toEqual([]);
    await popup.locator('[data-testid=on-this-page] .gloss-row[data-entity="country:us"]').click();
    await textMatching(popup, 'entity-mentions-status', /^Mention 1 of \d+$/);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: /Back/ }).click();
  });

  it('says in the header whether Gloss is on, off for the site, or paused', async () => {
    const status = popup.getByTestId('status');
    const distinct = (await marksByEntity(page)).size;
    expect(await status.getAttribute('data-state')).toBe('on');
    expect(await status.textContent()).toBe(`On · ${distinct} entities on this page`);
    await setSwitch(popup, 'site-switch', false);
    await expect.poll(() => status.textContent(), { timeout: 5_000 }).toBe('Off on 127.0.0.1: nothing is highlighted');
    await expect.poll(() => popup.getByTestId('answers').count(), { timeout: 5_000 }).toBe(0);
    await setSwitch(popup, 'pause-switch', true);
    await expect
      .poll(() => status.textContent(), { timeout: 5_000 })
      .toBe('Paused on every site: nothing is highlighted');
    await setSwitch(popup, 'pause-switch', false);
    await setSwitch(popup, 'site-switch', true);
    await expect.poll(() => status.getAttribute('data-state'), { timeout: 5_000 }).toBe('on');
    await popup.getByTestId('answers').waitFor({ timeout: 5_000 });
  });
});

describe('document viewer', () => {
  let page: Page;
  let popup: Page;

  beforeAll(async () => {
    page = await openPage('/answers.html');
    popup = await openPopupFor(browser.context, browser.extensionId, page);
    await popup.getByTestId('on-this-page').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    await popup?.close();
    await page?.close();
  });

  const viewerUrl = (query: string) => `chrome-extension://${browser.extensionId}/document.html?${query}`;

  /** Where the viewer's highlighted quote is, and whether it has focus and is in view. */
  function quoteMark(viewer: Page) {
    return viewer.evaluate(() => {
      const marks = [...document.querySelectorAll('mark')];
      const first = marks[0];
      const box = first?.getBoundingClientRect();
      return {
        count: marks.length,
        text: marks.map((m) => m.textContent).join(''),
        focused: first !== undefined && document.activeElement === first,
        inView: box !== undefined && box.top >= 0 && box.bottom <= window.innerHeight,
      };
    });
  }

  it('opens from a quote in a card, with the quote highlighted, focused and in view', async () => {
    const brazil = entities.get('country:br') as Entity;
    // The last role whose quote lies in one paragraph, so its <mark> is one piece.
    const roleIndex = brazil.roles.findLastIndex((r) => !r.quote.includes('\n'));
    const role = brazil.roles[roleIndex];
    expect(role).toBeDefined();
    await popup.getByTestId('search').fill('Brazil');
    await popup.locator('[data-testid=search-results] .gloss-row[data-entity="country:br"]').click();
    const requests: Request[] = [];
    const record = (request: Request) => requests.push(request);
    browser.context.on('request', record);
    const opened = browser.context.waitForEvent('page', { timeout: 10_000 });
    await popup
      .locator('ul.gloss-roles > li')
      .nth(roleIndex)
      .getByRole('button', { name: 'Read in the document' })
      .click();
    const viewer = await opened;
    try {
      await viewer.waitForLoadState();
      const url = new URL(viewer.url());
      expect(url.pathname).toBe('/document.html');
      expect(url.searchParams.get('source')).toBe(role?.source);
      await viewer.locator('mark').first().waitFor({ timeout: 5_000 });
      const title = pack.documents.find((s) => s.id === role?.source)?.title;
      expect(await viewer.locator('h1').textContent()).toBe(title);
      await expect
        .poll(() => quoteMark(viewer), { timeout: 5_000 })
        .toEqual({
          count: 1,
          text: role?.quote,
          focused: true,
          inView: true,
        });
      expect(await viewer.getByTestId('quote-notice').getAttribute('data-state')).toBe('found');
      expect(await axeViolations(viewer)).toEqual([]);
      // Everything it showed came from the extension itself: what the page itself says it loaded
      // (its navigation and every resource), which does not depend on when the browser's request
      // events reached the test (on a busy machine, those of a new tab may come before its page).
      const own = await viewer.evaluate(() =>
        [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')].map((e) => e.name),
      );
      expect(own.length).toBeGreaterThan(0);
      expect(own.filter((url) => !url.startsWith('chrome-extension://'))).toEqual([]);
      // And nothing the browser saw this page ask for went elsewhere.
      const pageOf = (request: Request) => {
        try {
          return request.frame().page();
        } catch {
          return null; // a service worker's request, or one of a page not yet known to the test
        }
      };
      expect(
        requests.filter((r) => pageOf(r) === viewer && !r.url().startsWith('chrome-extension://')).map((r) => r.url()),
      ).toEqual([]);
    } finally {
      browser.context.off('request', record);
      await viewer.close();
    }
  });

  it('lists the five documents and shows each one', async () => {
    const viewer = await browser.context.newPage();
    try {
      await viewer.goto(viewerUrl('source=echri'));
      const links = viewer.locator('nav a');
      expect(await links.count()).toBe(pack.documents.length);
      expect(await viewer.locator('nav a[aria-current="page"]').textContent()).toContain(
        pack.documents.find((s) => s.id === 'echri')?.title,
      );
      await links.filter({ hasText: pack.documents.find((s) => s.id === 'voa-foc')?.title }).click();
      await expect.poll(() => viewer.locator('h1').textContent(), { timeout: 5_000 }).toBe('Protecting Online Freedom');
      expect(await viewer.locator('mark').count()).toBe(0);
    } finally {
      await viewer.close();
    }
  });

  it('says so when the quote is not in the document', async () => {
    const viewer = await browser.context.newPage();
    try {
      await viewer.goto(viewerUrl(new URLSearchParams({ source: 'echri', quote: 'Words nobody wrote.' }).toString()));
      const notice = viewer.getByTestId('quote-notice');
      await notice.waitFor({ timeout: 5_000 });
      expect(await notice.getAttribute('data-state')).toBe('missing');
      expect(await notice.getAttribute('role')).toBe('alert');
      expect(await notice.textContent()).toContain('Words nobody wrote.');
      expect(await viewer.locator('mark').count()).toBe(0);
      expect(await viewer.locator('#text p').count()).toBeGreaterThan(3);
    } finally {
      await viewer.close();
    }
  });

  it('shows a clear error for an unknown document', async () => {
    const viewer = await browser.context.newPage();
    try {
      await viewer.goto(viewerUrl('source=no-such-document&quote=Anything'));
      const error = viewer.getByTestId('document-error');
      await error.waitFor({ timeout: 5_000 });
      expect(await error.getAttribute('role')).toBe('alert');
      expect(await error.textContent()).toContain('Gloss has no document called “no-such-document”');
      expect(await viewer.locator('nav a').count()).toBe(pack.documents.length);
    } finally {
      await viewer.close();
    }
  });
});
