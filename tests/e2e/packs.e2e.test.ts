// Knowledge packs in a real Chromium: a pack file imported from the options page is listed, its
// names are highlighted in pages with namespaced ids, the in-page card quotes the pack's document
// and names the pack; switching the pack off takes its marks out of an open page without a reload
// while the bundled pack's stay; a file whose quote is not in its document is refused with the
// problem named, and nothing changes.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { glossSession, inCardShadow, MARK, openOptionsPage, serviceWorkerOf, until } from './helpers';

const PACK_ID = 'treaty-demo';
const PACK_NAME = 'Eldermoor Accord (demo pack)';

const ACCORD = {
  id: 'accord-text',
  title: 'The Eldermoor Accord, as signed',
  publisher: 'Brackwater Commission',
  date: '2031-03-03',
  text: [
    'The Eldermoor Accord was signed on 3 March 2031 by the river states of Ardenvale and Lorsk.',
    'Its chief negotiator, Ysolde Marrowick, said the accord would keep the Brackwater open to both peoples.',
    'The Brackwater Commission will report each year on how the accord is kept.',
  ].join('\n\n'),
};
const NOTE = {
  id: 'press-note',
  title: 'Brackwater Commission press note',
  text: 'The Brackwater Commission met for the first time in Lorsk. Ysolde Marrowick chaired its opening session.',
};

const ROLE_QUOTE = 'Its chief negotiator, Ysolde Marrowick, said the accord would keep the Brackwater open';

function pack(roleQuote = ROLE_QUOTE) {
  return {
    format: 'gloss-pack/1',
    id: PACK_ID,
    name: PACK_NAME,
    version: '0.1',
    description: 'A fictional accord, its negotiator and the commission that watches over it.',
    documents: [ACCORD, NOTE],
    entities: [
      {
        id: 'initiative:eldermoor-accord',
        type: 'initiative',
        name: 'Eldermoor Accord',
        aliases: [{ text: 'Eldermoor Accord', kind: 'name' }],
        roles: [
          {
            text: 'A river treaty between Ardenvale and Lorsk.',
            source: 'accord-text',
            quote: 'The Eldermoor Accord was signed on 3 March 2031 by the river states of Ardenvale and Lorsk.',
          },
        ],
      },
      {
        id: 'person:ysolde-marrowick',
        type: 'official',
        name: 'Ysolde Marrowick',
        aliases: [
          { text: 'Ysolde Marrowick', kind: 'name' },
          { text: 'Marrowick', kind: 'short' },
        ],
        roles: [
          { text: 'Chief negotiator of the Eldermoor Accord.', source: 'accord-text', quote: roleQuote },
          {
            text: 'Chaired the first session of the Brackwater Commission.',
            source: 'press-note',
            quote: 'Ysolde Marrowick chaired its opening session.',
          },
        ],
        relations: [
          {
            type: 'took-part-in',
            target: 'initiative:eldermoor-accord',
            source: 'accord-text',
            quote: 'Its chief negotiator, Ysolde Marrowick',
          },
        ],
      },
      {
        id: 'org:brackwater-commission',
        type: 'organization',
        name: 'Brackwater Commission',
        aliases: [{ text: 'Brackwater Commission', kind: 'name' }],
        roles: [
          {
            text: 'Reports each year on how the accord is kept.',
            source: 'accord-text',
            quote: 'The Brackwater Commission will report each year on how the accord is kept.',
          },
        ],
      },
    ],
  };
}

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>River news</title></head><body>
<main style="max-width: 40rem; margin: 2rem auto; font: 18px/1.6 serif">
<p id="lead">Ysolde Marrowick, who negotiated the Eldermoor Accord, spoke in Geneva on Tuesday.</p>
<p>She told the Freedom Online Coalition that the Brackwater Commission would publish its reports online.</p>
<div style="height: 1200px"></div>
</main></body></html>`;

const gloss = glossSession({ '/river.html': ARTICLE });

const PERSON = `${PACK_ID}/person:ysolde-marrowick`;
const ACCORD_ENTITY = `${PACK_ID}/initiative:eldermoor-accord`;
const COMMISSION = `${PACK_ID}/org:brackwater-commission`;
const FOC = 'initiative:foc';

// ---------------------------------------------------------------------------------------------

const worker = () => serviceWorkerOf(gloss);
const openOptions = () => openOptionsPage(gloss);

/** The ids of the packs the options page lists, in its order. */
function listed(options: Page): Promise<string[]> {
  return options.evaluate(() =>
    [...document.querySelectorAll('[data-testid="pack"]')].map((li) => li.getAttribute('data-pack-id') ?? ''),
  );
}

/** The test id of the focused element of a page. */
function focused(page: Page): Promise<string | null | undefined> {
  return page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
}

const packItem = (options: Page, id: string) => options.locator(`[data-testid="pack"][data-pack-id="${id}"]`);

async function importFile(options: Page, name: string, text: string): Promise<void> {
  await options
    .getByTestId('pack-import-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

async function importGoodPack(options: Page): Promise<void> {
  await importFile(options, 'treaty-demo.json', JSON.stringify(pack(), null, 2));
  // The list (kept current by watchPacks) and the status (the import's answer) come in either order.
  await packItem(options, PACK_ID).waitFor();
  await options.locator('[data-testid="pack-status"][data-status="imported"]').waitFor();
}

/** Turns a pack's switch on or off by clicking its label, as a user does, and waits for the page to show it. */
async function setPackSwitch(options: Page, id: string, on: boolean): Promise<void> {
  const item = packItem(options, id);
  const input = item.getByTestId('pack-switch');
  expect(await input.isChecked()).toBe(!on);
  // `has` is matched inside each label: a locator of the page, not one under the item.
  await item.locator('label', { has: options.getByTestId('pack-switch') }).click();
  await until(async () => (await item.getAttribute('data-enabled')) === String(on), `pack ${id} ${on ? 'on' : 'off'}`);
}

function countEntity(page: Page, entity: string): Promise<number> {
  return page.evaluate(([mark, id]) => document.querySelectorAll(`${mark}[data-entity="${id}"]`).length, [
    MARK,
    entity,
  ] as const);
}

async function waitForEntity(page: Page, entity: string): Promise<void> {
  await until(async () => (await countEntity(page, entity)) > 0, `a mark of ${entity}`, 15_000);
}

interface CardText {
  name: string | null;
  text: string;
  quotes: string[];
  cites: string[];
}

/** The open in-page card (in its closed shadow root, read over the DevTools protocol); null when none. */
async function readCard(page: Page): Promise<CardText | null> {
  const session = await gloss.browser.context.newCDPSession(page);
  try {
    return await inCardShadow<CardText>(
      session,
      `function () {
        const dialog = this.querySelector('[role="dialog"]');
        if (!dialog) return null;
        return {
          name: dialog.querySelector('h2') ? dialog.querySelector('h2').textContent : null,
          text: dialog.textContent,
          quotes: [...dialog.querySelectorAll('blockquote')].map((q) => q.textContent),
          cites: [...dialog.querySelectorAll('cite')].map((c) => c.textContent),
        };
      }`,
    );
  } finally {
    await session.detach();
  }
}

async function waitForCard(page: Page, name: string): Promise<CardText> {
  let last: CardText | null = null;
  await until(async () => {
    last = await readCard(page);
    return last?.name === name;
  }, `the card of ${name}`);
  return last as unknown as CardText;
}

beforeEach(async () => {
  // Every test starts with only the bundled pack, on.
  await worker().evaluate(async (id) => {
    const hook = (globalThis as unknown as { glossBackground: { removePack(id: string): Promise<void> } })
      .glossBackground;
    await hook.removePack(id);
  }, PACK_ID);
});

describe('knowledge packs', () => {
  it('imports a pack file from the options page and lists it, on, with its counts', async () => {
    const options = await openOptions();
    expect(await listed(options)).toEqual(['gloss']);
    await importGoodPack(options);

    const status = options.getByTestId('pack-status');
    expect(await status.getAttribute('data-status')).toBe('imported');
    expect(await status.textContent()).toBe(`Imported “${PACK_NAME}”: 3 entities, now highlighted on pages.`);
    expect(await listed(options)).toEqual(['gloss', PACK_ID]);
    const item = packItem(options, PACK_ID);
    expect(await item.locator('h3').textContent()).toBe(PACK_NAME);
    expect(await item.getByTestId('pack-meta').textContent()).toMatch(
      /^3 entities, 4 names and aliases, 2 documents · imported on /,
    );
    expect(await item.getByTestId('pack-switch').isChecked()).toBe(true);

    // Another options tab shows it too (watchPacks), and the document viewer lists its documents.
    const other = await openOptions();
    expect(await listed(other)).toEqual(['gloss', PACK_ID]);
    await other.getByTestId('packs-documents').click();
    await other.waitForURL(/\/document\.html$/);
    const titles = other.locator('#documents a');
    await titles.filter({ hasText: ACCORD.title }).waitFor();
    expect(await titles.filter({ hasText: NOTE.title }).count()).toBe(1);
  });

  it('highlights the pack’s names in a page; the card quotes its document and names the pack', async () => {
    const options = await openOptions();
    await importGoodPack(options);

    const page = await gloss.visit('/river.html');
    await waitForEntity(page, PERSON);
    await waitForEntity(page, ACCORD_ENTITY);
    await waitForEntity(page, COMMISSION);
    expect(await countEntity(page, FOC)).toBe(1);
    expect(
      await page.evaluate((id) => document.querySelector(`mark.gloss-mark[data-entity="${id}"]`)?.textContent, PERSON),
    ).toBe('Ysolde Marrowick');

    const box = await page.locator(`${MARK}[data-entity="${PERSON}"]`).first().boundingBox();
    if (!box) throw new Error('The mark has no box');
    await page.mouse.move(box.x + 4, box.y + 4);
    const card = await waitForCard(page, 'Ysolde Marrowick');
    expect(card.quotes).toContain(ROLE_QUOTE);
    expect(card.cites).toContain(ACCORD.title);
    expect(card.text).toContain(`pack “${PACK_NAME}”`);
  });

  it('switched off in the options page, its marks leave the open page without a reload; the bundled pack’s stay', async () => {
    const options = await openOptions();
    await importGoodPack(options);
    const page = await gloss.visit('/river.html');
    await waitForEntity(page, PERSON);
    await waitForEntity(page, FOC);
    // A reload would lose this.
    await page.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });

    await options.bringToFront();
    await setPackSwitch(options, PACK_ID, false);
    await until(
      () =>
        page.evaluate(([mark, prefix]) => document.querySelectorAll(`${mark}[data-entity^="${prefix}"]`).length === 0, [
          MARK,
          `${PACK_ID}/`,
        ] as const),
      'the pack’s marks to leave',
    );
    expect(await countEntity(page, FOC)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    expect(await page.evaluate(() => document.getElementById('lead')?.textContent)).toBe(
      'Ysolde Marrowick, who negotiated the Eldermoor Accord, spoke in Geneva on Tuesday.',
    );

    // On again: back, still without a reload.
    await setPackSwitch(options, PACK_ID, true);
    await waitForEntity(page, PERSON);
    expect(await countEntity(page, FOC)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });

  it('removes a pack with the keyboard after a confirmation; axe finds nothing in the section, light or dark', async () => {
    const options = await openOptions();
    await importGoodPack(options);
    const item = packItem(options, PACK_ID);

    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated, not added as a <script>: the page's CSP allows only the extension's own scripts.
    await options.evaluate(axeSource);
    const violations = () =>
      options.evaluate(async () => {
        const axe = (
          globalThis as unknown as {
            axe: { run(context: unknown): Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
          }
        ).axe;
        const result = await axe.run({ include: [['[data-testid="packs-section"]']] });
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });

    // Focus on Export, Tab to Remove, Enter: the question opens with the focus on "Keep it".
    await item.getByTestId('pack-export').focus();
    await options.keyboard.press('Tab');
    expect(await focused(options)).toBe('pack-remove');
    await options.keyboard.press('Enter');
    await until(async () => (await focused(options)) === 'pack-remove-cancel', 'the focus on “Keep it”');
    expect(await item.getByTestId('pack-confirm').isVisible()).toBe(true);
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      expect(await violations(), colorScheme).toEqual([]);
    }
    await options.emulateMedia({ colorScheme: null });

    // Esc keeps the pack and gives the focus back to Remove.
    await options.keyboard.press('Escape');
    await until(async () => (await item.getByTestId('pack-confirm').count()) === 0, 'the question to close');
    expect(await focused(options)).toBe('pack-remove');
    expect(await listed(options)).toEqual(['gloss', PACK_ID]);

    // Enter, Shift+Tab to "Remove pack", Enter: gone, and said so.
    await options.keyboard.press('Enter');
    await until(async () => (await focused(options)) === 'pack-remove-cancel', 'the focus on “Keep it”');
    await options.keyboard.press('Shift+Tab');
    expect(await focused(options)).toBe('pack-remove-confirm');
    await options.keyboard.press('Enter');
    await until(async () => (await listed(options)).length === 1, 'the pack to be removed');
    await options.locator('[data-testid="pack-status"][data-status="removed"]').waitFor();
    expect(await listed(options)).toEqual(['gloss']);
    expect(await options.getByTestId('pack-status').textContent()).toBe(`Removed “${PACK_NAME}”.`);
  });

  it('refuses a file whose quote is not in its document, names the problem, and changes nothing', async () => {
    const options = await openOptions();
    const before = await listed(options);
    expect(before).toEqual(['gloss']);
    const misquoted = 'Its chief negotiator, Ysolde Marrowick, promised the river would stay open';
    await importFile(options, 'misquoted.json', JSON.stringify(pack(misquoted)));

    const status = options.getByTestId('pack-status');
    await until(async () => (await status.getAttribute('data-status')) === 'rejected', 'the refusal');
    expect(await status.getAttribute('role')).toBe('alert');
    expect(await status.locator('p').textContent()).toBe(
      '“misquoted.json” cannot be imported, and nothing was changed:',
    );
    expect(await status.locator('li').allTextContents()).toEqual([
      `At entities[1].roles[0].quote: the quote “${misquoted}” is not in the document “accord-text”.`,
    ]);
    expect(await listed(options)).toEqual(before);
    // Nothing stored either: a fresh page lists the same.
    await options.reload();
    await options.getByTestId('pack-list').waitFor();
    expect(await listed(options)).toEqual(before);
  });
});
