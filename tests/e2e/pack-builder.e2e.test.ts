// Your own documents in a real Chromium: two small documents added on the options page, the builder
// run in its Worker, the review (one proposal renamed, one removed), "Save as pack"; then a served
// page highlights one of the new entities, its card quotes the user's document, and "Read in the
// document" opens the viewer at that quote. A page closed before saving leaves no pack.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { CDPSession, Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { glossSession, inCardShadow, MARK, openOptionsPage, serviceWorkerOf, until } from './helpers';

const PACK_NAME = 'Reef briefing';
const PACK_ID = 'reef-briefing';

const PACT = [
  'The Lagoon Pact was signed by Norway and Chile on 3 March 2031.',
  'Minister Ingrid Halvorsen said the Lagoon Pact would protect the reefs.',
  'The Coral Data Agency (CDA) will publish the reef counts every year.',
].join('\n');
const NOTE = [
  '# Notes from Oslo',
  '',
  'Halvorsen met the Coral Data Agency in Oslo. Felipe Rojas, who dives for the agency, wrote the report.',
].join('\n');
const QUOTE = 'Minister Ingrid Halvorsen said the Lagoon Pact would protect the reefs.';

const ARTICLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Reef news</title></head><body>
<main style="max-width: 40rem; margin: 2rem auto; font: 18px/1.6 serif">
<p id="lead">Ingrid Halvorsen spoke about the Lagoon Pact on Tuesday.</p>
<p>The Coral Data Agency said Felipe Rojas would dive again.</p>
</main></body></html>`;

const gloss = glossSession({ '/reef.html': ARTICLE });

const worker = () => serviceWorkerOf(gloss);
const openOptions = () => openOptionsPage(gloss);

const listed = (options: Page) =>
  options.evaluate(() =>
    [...document.querySelectorAll('[data-testid="pack"]')].map((li) => li.getAttribute('data-pack-id') ?? ''),
  );

/** Adds the two documents and runs the builder; resolves when the review table is shown. */
async function addAndBuild(options: Page): Promise<void> {
  await options.getByTestId('build-files').setInputFiles([
    { name: 'lagoon-pact.txt', mimeType: 'text/plain', buffer: Buffer.from(PACT) },
    { name: 'oslo-notes.md', mimeType: 'text/markdown', buffer: Buffer.from(NOTE) },
  ]);
  await until(async () => (await options.locator('[data-testid="build-list"] li').count()) === 2, 'two documents');
  await options.getByTestId('build-start').click();
  await options.getByTestId('review').waitFor({ timeout: 30_000 });
}

const row = (options: Page, name: string) => options.locator(`[data-testid="review-row"][data-name="${name}"]`);

function countEntity(page: Page, entity: string): Promise<number> {
  return page.evaluate(([mark, id]) => document.querySelectorAll(`${mark}[data-entity="${id}"]`).length, [
    MARK,
    entity,
  ] as const);
}

beforeEach(async () => {
  await worker().evaluate(async (id) => {
    const hook = (globalThis as unknown as { glossBackground: { removePack(id: string): Promise<void> } })
      .glossBackground;
    await hook.removePack(id);
  }, PACK_ID);
});

describe('a pack from your own documents', () => {
  it('adds two documents, reviews (rename one, remove one), saves; a page highlights them and the card quotes the document', async () => {
    const options = await openOptions();
    await addAndBuild(options);
    const names = await options
      .getByTestId('review-name')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(names).toEqual(
      expect.arrayContaining([
        'Ingrid Halvorsen',
        'Lagoon Pact',
        'Coral Data Agency',
        'Felipe Rojas',
        'Norway',
        'Chile',
      ]),
    );

    // Rename one proposal, remove another.
    const agency = row(options, 'Coral Data Agency').getByTestId('review-name');
    await agency.fill('Coral Data Agency of the North');
    await agency.press('Enter');
    await row(options, 'Felipe Rojas').getByTestId('review-remove').click();
    await until(async () => (await row(options, 'Felipe Rojas').count()) === 0, 'the removed row to go');

    await options.getByTestId('build-name').fill(PACK_NAME);
    await options.getByTestId('build-save').click();
    await options.getByTestId('build-status').waitFor();
    expect(await options.getByTestId('build-status').textContent()).toMatch(/^Saved “Reef briefing” with \d+ entities/);
    await until(async () => (await listed(options)).includes(PACK_ID), 'the pack in the list');

    const page = await gloss.visit('/reef.html');
    const person = `${PACK_ID}/person:ingrid-halvorsen`;
    await until(async () => (await countEntity(page, person)) > 0, 'a mark of Ingrid Halvorsen');
    // Renamed: the new name makes its id; the name the page writes is still an alias.
    expect(await countEntity(page, `${PACK_ID}/org:coral-data-agency-of-the-north`)).toBe(1);
    // Removed: not highlighted.
    expect(
      await page.evaluate(
        (mark) => [...document.querySelectorAll(mark)].some((m) => m.textContent?.includes('Rojas')),
        MARK,
      ),
    ).toBe(false);

    const box = await page.locator(`${MARK}[data-entity="${person}"]`).first().boundingBox();
    if (!box) throw new Error('The mark has no box');
    await page.mouse.move(box.x + 4, box.y + 4);
    const session = await gloss.browser.context.newCDPSession(page);
    let card: { name: string | null; quotes: string[] } | null = null;
    await until(async () => {
      card = await inCardShadow(
        session,
        `function () {
          const dialog = this.querySelector('[role="dialog"]');
          if (!dialog) return null;
          return {
            name: dialog.querySelector('h2') ? dialog.querySelector('h2').textContent : null,
            quotes: [...dialog.querySelectorAll('blockquote')].map((q) => q.textContent),
          };
        }`,
      );
      return card?.name === 'Ingrid Halvorsen';
    }, 'the card of Ingrid Halvorsen');
    expect((card as unknown as { quotes: string[] }).quotes).toContain(QUOTE);

    // "Read in the document" opens the viewer at the quote, in the user's document.
    const button = await cardPoint(session, '.gloss-quote-open');
    const opened = gloss.browser.context.waitForEvent('page', { timeout: 10_000 });
    await page.mouse.click(button.x, button.y);
    const viewer = gloss.track(await opened);
    await viewer.waitForURL(/\/document\.html\?/);
    const query = new URL(viewer.url()).searchParams;
    expect(query.get('source')).toBe('lagoon-pact');
    expect(query.get('quote')).toBe(QUOTE);
    await until(
      async () => ((await viewer.textContent('body')) ?? '').includes('Coral Data Agency (CDA)'),
      'the document text',
    );
    await session.detach();
  });

  it('nothing is saved before "Save as pack": a page closed during the review leaves no pack; axe finds nothing serious in the review', async () => {
    const options = await openOptions();
    await addAndBuild(options);
    const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
    // Evaluated, not added as a <script>: the page's CSP allows only the extension's own scripts.
    await options.evaluate(axeSource);
    const violations = await options.evaluate(async () => {
      const axe = (
        globalThis as unknown as {
          axe: { run(context: unknown): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> };
        }
      ).axe;
      const result = await axe.run({ include: [['[data-testid="add-documents"]']] });
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await options.close();
    const again = await openOptions();
    expect(await listed(again)).toEqual(['gloss']);
    expect(await again.getByTestId('review').count()).toBe(0);
  });
});

/** The centre of an element inside the card's closed shadow root, in page coordinates. */
async function cardPoint(session: CDPSession, selector: string): Promise<{ x: number; y: number }> {
  const point = await inCardShadow<{ x: number; y: number }>(
    session,
    `function () {
      const r = this.querySelector(${JSON.stringify(selector)}).getBoundingClientRect();
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }`,
  );
  if (!point) throw new Error(`No ${selector} in the card`);
  return point;
}
