// Gloss in a real Chromium: highlights on news pages built from the five bundled documents,
// the traps around them, form fields, live pages, the popup, and the on/off switches.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Entity } from '../../lib/knowledge/schema';
import {
  buildDocumentPage,
  DOCUMENT_IDS,
  type DocumentId,
  type DocumentPage,
  FIXTURES_DIR,
  pack,
} from './fixtures/documents';
import {
  badgeText,
  bodyText,
  CONTINUED,
  collapseSpaces,
  countMarks,
  DEFAULT_SETTINGS,
  type GlossBrowser,
  launchBrowser,
  MARK,
  marksByEntity,
  mentions,
  normalizeName,
  openPopupFor,
  parsedBodyText,
  readStorage,
  setSwitch,
  sleep,
  startServer,
  type TestServer,
  tabIdFor,
  waitForMarks,
  waitForNoMarks,
  writeStorage,
} from './helpers';

const documents = Object.fromEntries(DOCUMENT_IDS.map((id) => [id, buildDocumentPage(id)])) as Record<
  DocumentId,
  DocumentPage
>;
const staticPage = (name: string) => readFileSync(path.join(FIXTURES_DIR, name), 'utf8');
const STATIC_PAGES = {
  '/traps.html': staticPage('traps.html'),
  '/form.html': staticPage('form.html'),
  '/dynamic.html': staticPage('dynamic.html'),
};
const docPath = (id: DocumentId) => `/doc/${id}.html`;

const entities = new Map<string, Entity>(pack.entities.map((e) => [e.id, e]));

/** The 61 countries the itwc-61 list names (knowledge.json: relation "signed" → initiative:dfi). */
const SIGNATORY_COUNTRIES = [
  'country:al',
  'country:ad',
  'country:ar',
  'country:au',
  'country:at',
  'country:be',
  'country:bg',
  'country:cv',
  'country:co',
  'country:cr',
  'country:hr',
  'country:cy',
  'country:cz',
  'country:dk',
  'country:do',
  'country:ee',
  'country:fi',
  'country:fr',
  'country:ge',
  'country:de',
  'country:gr',
  'country:hu',
  'country:is',
  'country:ie',
  'country:il',
  'country:it',
  'country:jm',
  'country:jp',
  'country:ke',
  'country:xk',
  'country:lv',
  'country:lt',
  'country:lu',
  'country:mv',
  'country:mt',
  'country:mh',
  'country:fm',
  'country:md',
  'country:me',
  'country:nl',
  'country:nz',
  'country:ne',
  'country:mk',
  'country:pw',
  'country:pe',
  'country:pl',
  'country:pt',
  'country:ro',
  'country:sn',
  'country:rs',
  'country:sk',
  'country:si',
  'country:es',
  'country:se',
  'country:tw',
  'country:tt',
  'country:gb',
  'country:ua',
  'country:uy',
  'country:ca',
  'country:us',
];

interface Expectation {
  /** Each highlighted at least once. */
  present: string[];
  /** Exact numbers of mentions, counted by reading the document. */
  exactly: Record<string, number>;
  /** Named (or nearly) in the document, yet must not be highlighted. */
  absent: string[];
  /** [entity, text]: a mention of the entity reads exactly so. */
  surfaces: [string, string][];
}

const EXPECTED: Record<DocumentId, Expectation> = {
  'dfi-launch': {
    present: [
      'country:us',
      'org:white-house',
      'org:european-commission',
      'country:gb',
      'country:au',
      'country:br',
      'country:in',
      'country:cn',
      'country:ru',
      'country:ua',
      'country:ar',
      'country:nz',
      'initiative:dfi',
      'org:biden-administration',
    ],
    // US: title, first paragraph, "US tech giants", "US officials". China: "China and Russia",
    // "China’s", "Beijing’s", "China has".
    exactly: { 'country:us': 4, 'country:cn': 4, 'org:biden-administration': 2, 'country:nz': 1 },
    // "Biden administration" is the organization, not the person; "social credit" is only a
    // reference once the social credit system was named, and here it never is.
    absent: ['person:joe-biden', 'initiative:social-credit-system'],
    surfaces: [
      ['country:gb', 'Britain'],
      ['country:cn', 'Beijing'],
      ['country:cn', 'China'],
      ['country:nz', 'New Zealand'],
      ['initiative:dfi', 'Declaration for the Future of the Internet'],
    ],
  },
  'china-mfa-dfi': {
    present: [
      'org:xinhua',
      'person:zhao-lijian',
      'initiative:afi',
      'initiative:summit-for-democracy',
      'org:un',
      'org:eu',
      'initiative:clean-network',
      'country:jp',
      'country:au',
      'country:gb',
      'country:us',
      'initiative:dfi',
      'initiative:forward-deployment',
    ],
    // UN: "such as the UN", "the work of the UN", "with UN rules", "return to the UN".
    exactly: { 'initiative:afi': 2, 'org:un': 4, 'person:zhao-lijian': 1 },
    absent: ['country:cn', 'country:ru'],
    surfaces: [
      ['country:gb', 'UK'],
      ['org:xinhua', 'Xinhua News Agency'],
      // A reference, usable once the Declaration was named in full.
      ['initiative:dfi', 'Declaration'],
      ['initiative:clean-network', 'Clean Network program'],
    ],
  },
  'voa-foc': {
    present: [
      'initiative:foc',
      'person:antony-blinken',
      'person:ned-price',
      'org:state-department',
      'org:netherlands-mfa',
      'country:us',
    ],
    // Blinken: "State Secretary Antony Blinken", "Secretary of State Antony Blinken",
    // "Secretary Blinken" twice. Coalition: its full name three times, "the Coalition" twice.
    exactly: { 'person:antony-blinken': 4, 'initiative:foc': 5, 'country:us': 2 },
    // "Dutch" is a demonym, off by default; "Dutch Foreign Ministry" is the ministry.
    absent: ['country:nl'],
    surfaces: [
      ['person:antony-blinken', 'Secretary Blinken'],
      ['initiative:foc', 'Coalition'],
      ['org:netherlands-mfa', 'Dutch Foreign Ministry'],
    ],
  },
  'itwc-61': {
    present: [
      ...SIGNATORY_COUNTRIES,
      'org:european-commission',
      'person:christopher-painter',
      'person:david-masson',
      'org:darktrace',
      'org:icann',
      'org:oecd',
      'org:un',
      'org:g7',
      'org:g20',
      'org:wto',
      'org:igf',
      'initiative:foc',
      'initiative:dfi',
      'initiative:great-firewall',
    ],
    // Canada five times; "IT World Canada" and "Computing Canada" are organizations, "Canadian"
    // a demonym. U.S.: the title, "the U.S.,", "Former U.S.", "Canada and the U.S.".
    exactly: { 'country:ca': 5, 'country:us': 4, 'org:icann': 2, 'org:european-commission': 1 },
    absent: [],
    surfaces: [
      ['country:us', 'U.S.'],
      ['org:icann', 'ICANN'],
      ['org:un', 'U.N.'],
      ['country:tt', 'Trinidad and Tobago'],
      ['org:oecd', 'Organisation for Economic Cooperation and Development'],
    ],
  },
  echri: {
    present: [
      'initiative:echri',
      'person:samantha-power',
      'org:usaid',
      'org:nso-group',
      'org:huawei',
      'org:zte',
      'country:kh',
      'initiative:wassenaar',
      'initiative:ttc',
      'initiative:summit-for-democracy',
      'org:eu',
      'org:white-house',
      'country:dk',
      'country:no',
      'org:trump-administration',
    ],
    // Power: "Samantha Power", "Ms Power", "Ms. Power". Denmark three times.
    exactly: { 'person:samantha-power': 3, 'country:dk': 3, 'org:white-house': 3, 'org:trump-administration': 2 },
    absent: ['person:donald-trump', 'person:joe-biden'],
    surfaces: [
      ['initiative:summit-for-democracy', 'Democracy Summit'],
      ['person:samantha-power', 'Ms. Power'],
      ['org:usaid', 'Agency for International Development'],
    ],
  },
};

let browser: GlossBrowser;
let server: TestServer;

beforeAll(async () => {
  const pages: Record<string, string> = { ...STATIC_PAGES };
  for (const id of DOCUMENT_IDS) pages[docPath(id)] = documents[id].html;
  server = await startServer(pages);
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPage(pathname: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(pathname));
  return page;
}

/** Which alias texts a highlight may show: every alias but demonyms (off by default). */
function allowedSurfaces(entity: Entity): Set<string> {
  return new Set(entity.aliases.filter((a) => a.kind !== 'demonym').map((a) => normalizeName(a.text)));
}

async function expectOnlyAliases(page: Page): Promise<void> {
  const found = await mentions(page);
  expect(found.length).toBeGreaterThan(0);
  const wrong = found.filter((m) => {
    const entity = entities.get(m.entity);
    return !entity || entity.type !== m.type || m.orphan || !allowedSurfaces(entity).has(normalizeName(m.text));
  });
  expect(wrong).toEqual([]);
  // Marks never nest.
  expect(await page.locator(`${MARK} ${MARK}`).count()).toBe(0);
}

describe('knowledge ids used by these tests', () => {
  it('exist in knowledge.json', () => {
    const used = new Set(
      Object.values(EXPECTED).flatMap((e) => [
        ...e.present,
        ...Object.keys(e.exactly),
        ...e.absent,
        ...e.surfaces.map(([id]) => id),
      ]),
    );
    expect([...used].filter((id) => !entities.has(id))).toEqual([]);
    const signed = pack.entities
      .filter((e) => e.relations.some((r) => r.type === 'signed' && r.target === 'initiative:dfi'))
      .map((e) => e.id);
    expect(new Set(SIGNATORY_COUNTRIES).size).toBe(61);
    expect(SIGNATORY_COUNTRIES.every((id) => signed.includes(id) && entities.get(id)?.type === 'country')).toBe(true);
  });
});

for (const id of DOCUMENT_IDS) {
  describe(`document page ${id}`, () => {
    const doc = documents[id];
    const expected = EXPECTED[id];
    let page: Page;

    beforeAll(async () => {
      page = await openPage(docPath(id));
      // Until the highlights stop changing; the tests then say what is missing.
      await waitForMarks(page, 1);
    });
    afterAll(async () => {
      await page?.close();
    });

    it('keeps the text of the page exactly as served', async () => {
      // The fixture's own expected text is what Chromium parses from the HTML.
      expect(await parsedBodyText(page, doc.html)).toBe(doc.bodyText);
      expect(await bodyText(page)).toBe(doc.bodyText);
      expect(await page.evaluate(() => document.querySelector('h1')?.textContent)).toBe(doc.title);
    });

    it('highlights the entities the document names', async () => {
      const counts = await marksByEntity(page);
      const missing = expected.present.filter((e) => !counts.has(e));
      expect(missing).toEqual([]);
      for (const [entity, count] of Object.entries(expected.exactly)) {
        expect({ entity, count: counts.get(entity) ?? 0 }).toEqual({ entity, count });
      }
      expect(expected.absent.filter((e) => counts.has(e))).toEqual([]);
      const found = await mentions(page);
      for (const [entity, text] of expected.surfaces) {
        const texts = found.filter((m) => m.entity === entity).map((m) => normalizeName(m.text));
        expect(texts, `${entity} written "${text}"`).toContain(text);
      }
    });

    it('marks only aliases of the entity they name', async () => {
      await expectOnlyAliases(page);
    });
  });
}

describe('traps', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage('/traps.html');
    await waitForMarks(page, 1);
  });
  afterAll(async () => {
    await page?.close();
  });

  const marksIn = (selector: string) =>
    page.$$eval(
      `${selector} ${MARK}`,
      (marks, continued) =>
        marks.map((m) => ({
          entity: m.getAttribute('data-entity'),
          text: m.textContent,
          continued: m.hasAttribute(continued),
        })),
      CONTINUED,
    );

  it('leaves words that only contain a name alone', async () => {
    // "us", "USB", "focus", "bonus"; "Zealand" without "New"; "Chinatown", "Americana", "UNESCO";
    // "Declaration" and "Power" before their entity was named; "Danish" (a demonym).
    expect(await marksIn('#lowercase')).toEqual([]);
    expect(await marksIn('#zealand')).toEqual([]);
    expect(await marksIn('#words')).toEqual([]);
  });

  it('marks "New Zealand" as one mention', async () => {
    expect(await marksIn('#nz')).toEqual([{ entity: 'country:nz', text: 'New Zealand', continued: false }]);
  });

  it('marks only "China" in "China\'s" and "China’s"', async () => {
    expect(await marksIn('#possessive')).toEqual([
      { entity: 'country:cn', text: 'China', continued: false },
      { entity: 'country:cn', text: 'China', continued: false },
    ]);
  });

  it('marks "U.S." with its dots', async () => {
    expect(await marksIn('#dots')).toEqual([{ entity: 'country:us', text: 'U.S.', continued: false }]);
  });

  for (const [selector, entity, first, name] of [
    ['#split-name', 'person:antony-blinken', 'b', 'Antony Blinken'],
    ['#split-country', 'country:nz', 'a', 'New Zealand'],
  ] as const) {
    it(`marks "${name}" split over <${first}> as adjacent pieces of one mention`, async () => {
      const pieces = await marksIn(selector);
      expect(pieces.map((p) => p.entity)).toEqual([entity, entity]);
      expect(pieces.map((p) => p.continued)).toEqual([false, true]);
      expect(normalizeName(pieces.map((p) => p.text).join(''))).toBe(name);
      // The first piece is inside the inline element, the second right after it (with no text
      // between them: empty text nodes left by splitting do not count).
      const layout = await page.$eval(
        `${selector} > ${first}`,
        (el, [mark, continued]) => {
          let next = el.nextSibling;
          while (next && next.nodeType === Node.TEXT_NODE && next.textContent === '') next = next.nextSibling;
          return {
            firstInside: el.querySelector(`${mark}:not([${continued}])`) !== null,
            nextIsContinuation: next instanceof Element && next.matches(`${mark}[${continued}]`),
          };
        },
        [MARK, CONTINUED] as const,
      );
      expect(layout).toEqual({ firstInside: true, nextIsContinuation: true });
    });
  }

  it('counts each mention once and keeps the text', async () => {
    expect(Object.fromEntries(await marksByEntity(page))).toEqual({
      'country:nz': 2,
      'country:cn': 2,
      'country:us': 1,
      'person:antony-blinken': 1,
    });
    expect(await bodyText(page)).toBe(await parsedBodyText(page, STATIC_PAGES['/traps.html']));
  });
});

describe('form page', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage('/form.html');
    await waitForMarks(page, 1);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('leaves form fields and their values untouched', async () => {
    const fields = await page.evaluate(() => ({
      input: (document.getElementById('country') as HTMLInputElement).value,
      textarea: (document.getElementById('notes') as HTMLTextAreaElement).value,
      textareaText: document.getElementById('notes')?.textContent,
      select: (document.getElementById('pick') as HTMLSelectElement).value,
      editor: document.getElementById('editor')?.innerHTML,
      code: document.getElementById('code')?.innerHTML,
      pre: document.getElementById('pre')?.innerHTML,
      button: document.getElementById('btn')?.innerHTML,
      ownMark: document.getElementById('own')?.outerHTML,
    }));
    expect(fields).toEqual({
      input: 'United States',
      textarea: 'China and Russia',
      textareaText: 'China and Russia',
      select: 'Canada',
      editor: 'Antony Blinken',
      code: 'UN',
      pre: 'EU',
      button: 'New Zealand',
      ownMark: '<mark id="own">United States</mark>',
    });
  });

  it('puts no mark inside excluded elements', async () => {
    const excluded = [
      'input',
      'textarea',
      'select',
      'button',
      '[contenteditable]',
      'code',
      'pre',
      '[hidden]',
      '[aria-hidden="true"]',
      'script',
      'style',
      'mark#own',
    ];
    for (const selector of excluded) {
      expect({ selector, marks: await page.locator(`${selector} ${MARK}`).count() }).toEqual({ selector, marks: 0 });
    }
  });

  it('highlights the ordinary paragraphs', async () => {
    const inP1 = await page.$$eval(`#p1 ${MARK}`, (marks) => marks.map((m) => m.getAttribute('data-entity')));
    expect(inP1).toEqual(['country:us', 'country:cn', 'country:ru', 'person:antony-blinken', 'org:un', 'org:eu']);
    const inP2 = await page.$$eval(`#p2 ${MARK}`, (marks) => marks.map((m) => m.getAttribute('data-entity')));
    expect(inP2).toEqual(['country:jp', 'country:ca']);
    expect(await bodyText(page)).toBe(await parsedBodyText(page, STATIC_PAGES['/form.html']));
  });
});

describe('dynamic content', () => {
  let page: Page;
  beforeAll(async () => {
    page = await openPage('/dynamic.html');
    await waitForMarks(page, 1);
  });
  afterAll(async () => {
    await page?.close();
  });

  it('highlights a paragraph added after load', async () => {
    const sentence = 'Zhao Lijian said the United States would act in Cambodia.';
    await page.evaluate((text) => {
      const p = document.createElement('p');
      p.id = 'added';
      p.textContent = text;
      document.getElementById('feed')?.append(p);
    }, sentence);
    await page.waitForFunction(
      (mark) =>
        document.querySelector(`#added ${mark}[data-entity="person:zhao-lijian"]`) !== null &&
        document.querySelector(`#added ${mark}[data-entity="country:kh"]`) !== null,
      MARK,
      { timeout: 5_000 },
    );
    const added = await page.$$eval(`#added ${MARK}`, (marks) =>
      marks.map((m) => [m.getAttribute('data-entity'), m.textContent]),
    );
    expect(added).toEqual([
      ['person:zhao-lijian', 'Zhao Lijian'],
      ['country:us', 'United States'],
      ['country:kh', 'Cambodia'],
    ]);
    expect(await page.$eval('#added', (p) => p.textContent)).toBe(sentence);
  });

  it('follows a page that rewrites a highlighted paragraph', async () => {
    const rewritten = 'Japan and Canada joined the partnership.';
    await page.evaluate((text) => {
      const p = document.getElementById('first');
      if (p) p.textContent = text;
    }, rewritten);
    await page.waitForFunction((mark) => document.querySelectorAll(`#first ${mark}`).length === 2, MARK, {
      timeout: 5_000,
    });
    await sleep(300);
    const marks = await page.$$eval(`#first ${MARK}`, (list) =>
      list.map((m) => [m.getAttribute('data-entity'), m.textContent]),
    );
    expect(marks).toEqual([
      ['country:jp', 'Japan'],
      ['country:ca', 'Canada'],
    ]);
    expect(await page.$eval('#first', (p) => p.textContent)).toBe(rewritten);
  });

  it('finds a name completed by text the page appends to a paragraph', async () => {
    await page.evaluate(() => document.getElementById('growing')?.append(' Zealand went on.'));
    await page.waitForFunction(
      (mark) => document.querySelector(`#growing ${mark}[data-entity="country:nz"]`) !== null,
      MARK,
      { timeout: 5_000 },
    );
    await sleep(300);
    const found = await page.$$eval(`#growing ${MARK}`, (marks) => marks.map((m) => m.textContent).join(''));
    expect(normalizeName(found)).toBe('New Zealand');
    expect(await page.$eval('#growing', (p) => p.textContent)).toBe('Talks with New Zealand went on.');
  });

  it('highlights content the page reveals by removing [hidden]', async () => {
    expect(await page.locator(`#more ${MARK}`).count()).toBe(0);
    await page.evaluate(() => document.getElementById('more')?.removeAttribute('hidden'));
    await page.waitForFunction(
      (mark) =>
        document.querySelector(`#more ${mark}[data-entity="country:dk"]`) !== null &&
        document.querySelector(`#more ${mark}[data-entity="country:no"]`) !== null,
      MARK,
      { timeout: 5_000 },
    );
  });

  it('takes its marks out of an element the page makes editable', async () => {
    await page.waitForFunction((mark) => document.querySelector(`#draft ${mark}`) !== null, MARK, {
      timeout: 5_000,
    });
    // What an editor does when the user clicks "Edit": the element's HTML is now the user's text.
    await page.evaluate(() => document.getElementById('draft')?.setAttribute('contenteditable', 'true'));
    await page.waitForFunction((mark) => document.querySelector(`#draft ${mark}`) === null, MARK, {
      timeout: 5_000,
    });
    expect(await page.$eval('#draft', (d) => d.innerHTML)).toBe('A draft about France.');
  });
});

describe('popup', () => {
  let page: Page;
  let popup: Page;
  const doc = documents['dfi-launch'];

  beforeAll(async () => {
    page = await openPage(docPath('dfi-launch'));
    await waitForMarks(page, 1);
    popup = await openPopupFor(browser.context, browser.extensionId, page);
  });
  afterAll(async () => {
    await popup?.close();
    await page?.close();
  });

  it("lists the page's entities by type with their counts", async () => {
    const list = popup.getByTestId('on-this-page');
    await list.waitFor({ timeout: 10_000 });
    const rows = await list.locator('.gloss-row').evaluateAll((buttons) =>
      buttons.map((b) => ({
        entity: b.getAttribute('data-entity') ?? '',
        count: Number.parseInt(b.querySelector('.gloss-row-count')?.textContent ?? '', 10),
        dot: b.querySelector('.gloss-dot')?.className ?? '',
      })),
    );
    const onPage = await marksByEntity(page);
    expect(rows.find((r) => r.entity === 'country:us')?.count).toBe(4);
    expect(rows.find((r) => r.entity === 'initiative:dfi')?.count).toBe(1);
    expect(new Map(rows.map((r) => [r.entity, r.count]))).toEqual(onPage);
    for (const row of rows) {
      expect(row.dot).toContain(`gloss-type-${entities.get(row.entity)?.type}`);
    }
    const total = [...onPage.values()].reduce((a, b) => a + b, 0);
    await expect.poll(() => list.locator('h2').textContent()).toContain(`${onPage.size} entities, ${total} mentions`);
  });

  it('opens the card of an entity with its roles, quotes and sources', async () => {
    await freshPopup();
    await popup.locator('[data-testid=on-this-page] .gloss-row[data-entity="country:us"]').click();
    const card = popup.locator('article.gloss-card');
    await card.waitFor({ timeout: 5_000 });
    expect(await card.locator('h2').textContent()).toBe('United States');
    expect(await card.textContent()).toContain('4 mentions on this page');
    const us = entities.get('country:us');
    expect(await card.locator('ul.gloss-roles > li').count()).toBe(us?.roles.length);
    const quotes = await card.locator('figure.gloss-quote').evaluateAll((figures) =>
      figures.map((f) => ({
        quote: f.querySelector('blockquote')?.textContent ?? '',
        cite: f.querySelector('cite')?.textContent ?? '',
      })),
    );
    expect(quotes.length).toBeGreaterThan(0);
    for (const { quote, cite } of quotes) {
      const source = pack.documents.find((s) => s.title === cite);
      expect(source, `cite "${cite}" is a source title`).toBeDefined();
      const text = collapseSpaces(documents[source?.id as DocumentId].source);
      for (const piece of quote.split('…').map(collapseSpaces).filter(Boolean)) {
        expect(text, `quote from ${source?.id}`).toContain(piece);
      }
    }
    // At least one role quotes the page's own document.
    expect(quotes.some((q) => q.cite === pack.documents.find((s) => s.id === doc.id)?.title)).toBe(true);
    expect(await card.locator('.gloss-relations').textContent()).toContain('Signed');
    // A related entity opens its own card.
    await card
      .locator('.gloss-relations button', { hasText: 'Declaration for the Future of the Internet' })
      .first()
      .click();
    await expect
      .poll(() => popup.locator('article.gloss-card h2').textContent())
      .toBe('Declaration for the Future of the Internet');
    await popup.getByRole('button', { name: /Back/ }).click();
    await popup.getByTestId('on-this-page').waitFor({ timeout: 5_000 });
  });

  /** Back to the popup's first view, whatever an earlier test left open. */
  async function freshPopup(): Promise<void> {
    await popup.reload();
    await popup.getByTestId('on-this-page').waitFor({ timeout: 10_000 });
  }

  it('finds an entity by search even when the page does not name it', async () => {
    await freshPopup();
    expect((await marksByEntity(page)).has('person:antony-blinken')).toBe(false);
    await popup.getByTestId('search').fill('blinken');
    const results = popup.getByTestId('search-results');
    await results.waitFor({ timeout: 5_000 });
    await results.locator('.gloss-row[data-entity="person:antony-blinken"]').click();
    expect(await popup.locator('article.gloss-card h2').textContent()).toBe('Antony Blinken');
    await popup.getByRole('button', { name: /Back/ }).click();
  });

  it('shows the number of entities on the toolbar badge', async () => {
    const tabId = await tabIdFor(popup, page.url());
    const distinct = (await marksByEntity(page)).size;
    await expect.poll(() => badgeText(popup, tabId), { timeout: 5_000 }).toBe(String(distinct));
  });

  it('says so kindly when the search finds nothing', async () => {
    await freshPopup();
    await popup.getByTestId('search').fill('qzxwv');
    const empty = popup.locator('.gloss-empty');
    await empty.waitFor({ timeout: 5_000 });
    expect(await empty.textContent()).toContain('qzxwv');
    expect(await popup.getByTestId('search-results').count()).toBe(0);
    await popup.getByTestId('search').fill('');
    await popup.getByTestId('on-this-page').waitFor({ timeout: 5_000 });
  });
});

describe('switches', () => {
  const doc = documents.echri;
  let page: Page;
  let popup: Page;
  let highlighted: number;

  beforeAll(async () => {
    page = await openPage(docPath('echri'));
    highlighted = await waitForMarks(page, 1);
    popup = await openPopupFor(browser.context, browser.extensionId, page);
    await popup.getByTestId('on-this-page').waitFor({ timeout: 10_000 });
  });
  afterAll(async () => {
    if (popup && !popup.isClosed()) {
      await writeStorage(popup, { settings: DEFAULT_SETTINGS }).catch(() => {});
      await popup.close();
    }
    await page?.close();
  });

  /** Checks for a while that the page stays without highlights. */
  async function expectNoMarksFor(ms: number): Promise<void> {
    const until = Date.now() + ms;
    while (Date.now() < until) {
      expect(await countMarks(page)).toBe(0);
      await sleep(200);
    }
  }

  it('site switch off removes every mark at once and stays off after a reload', async () => {
    const siteSwitch = popup.getByTestId('site-switch');
    expect(await siteSwitch.isChecked()).toBe(true);
    expect(await popup.locator('label', { has: siteSwitch }).textContent()).toContain('Highlight on 127.0.0.1');

    await setSwitch(popup, 'site-switch', false);
    await waitForNoMarks(page);
    expect(await bodyText(page)).toBe(doc.bodyText);
    expect(await readStorage(popup, 'settings')).toMatchObject({
      site: { mode: 'everywhere', rules: [{ pattern: '127.0.0.1', enabled: false }] },
    });
    await popup.getByText('Highlighting is off for this site.').waitFor({ timeout: 5_000 });
    const tabId = await tabIdFor(popup, page.url());
    await expect.poll(() => badgeText(popup, tabId), { timeout: 5_000 }).toBe('off');

    await page.reload();
    // The reloaded page's content script answers the popup: it runs, and is off.
    await popup.reload();
    await popup.getByText('Highlighting is off for this site.').waitFor({ timeout: 10_000 });
    expect(await popup.getByTestId('site-switch').isChecked()).toBe(false);
    await expectNoMarksFor(1_500);
    expect(await bodyText(page)).toBe(doc.bodyText);

    // Only this host is off: the same server under another name is still highlighted.
    const other = await browser.context.newPage();
    try {
      await other.goto(server.url('/traps.html').replace('127.0.0.1', 'localhost'));
      expect(await waitForMarks(other, 1)).toBeGreaterThan(0);
    } finally {
      await other.close();
    }
  });

  it('site switch on brings the marks back without a reload', async () => {
    await setSwitch(popup, 'site-switch', true);
    expect(await waitForMarks(page, highlighted)).toBe(highlighted);
    expect(await bodyText(page)).toBe(doc.bodyText);
    expect(await readStorage(popup, 'settings')).toMatchObject({ site: { mode: 'everywhere', rules: [] } });
    await popup.getByTestId('on-this-page').waitFor({ timeout: 5_000 });
    const tabId = await tabIdFor(popup, page.url());
    const distinct = (await marksByEntity(page)).size;
    await expect.poll(() => badgeText(popup, tabId), { timeout: 5_000 }).toBe(String(distinct));
  });

  it('pause switch removes the marks everywhere and brings them back', async () => {
    const pause = popup.getByTestId('pause-switch');
    expect(await pause.isChecked()).toBe(false);
    await setSwitch(popup, 'pause-switch', true);
    await waitForNoMarks(page);
    expect(await bodyText(page)).toBe(doc.bodyText);
    expect(await readStorage(popup, 'settings')).toMatchObject({ paused: true });
    // Paused, the site switch cannot be used.
    expect(await popup.getByTestId('site-switch').isDisabled()).toBe(true);
    await expectNoMarksFor(1_000);

    await setSwitch(popup, 'pause-switch', false);
    expect(await waitForMarks(page, highlighted)).toBe(highlighted);
    expect(await bodyText(page)).toBe(doc.bodyText);
    expect(await readStorage(popup, 'settings')).toMatchObject({ paused: false });
  });
});
