// The dossier page, "Copy" on a role and "Export this page", in a real Chromium: the dossier opened
// from the popup marks the served page's countries; a role copied from the popup's card and from
// the in-page card (a closed shadow root in the page) reads back as Markdown and HTML; the page
// exported as CSV reads back as RFC 4180 with the page's entities.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleMarkdown } from '../../lib/dossier/cite';
import { parseCsv } from '../../lib/dossier/csv-read';
import { CSV_HEADER } from '../../lib/dossier/page-export';
import { type StaticServer, startStaticServer } from '../../scripts/static-server.mjs';
import { pack, ROOT } from './fixtures/documents';
import { awakeServiceWorker, glossSession, inCardShadow, marksByEntity, openPopupFor, writeStorage } from './helpers';

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Who signed</title></head><body>
<h1>Who signed</h1>
<p>The Declaration for the Future of the Internet was endorsed by the United States, Canada and France.
Brazil and India did not sign.</p>
<p>Separately, Norway joined the Export Controls and Human Rights Initiative.</p>
</body></html>`;
const PAGE_COUNTRIES = ['country:br', 'country:ca', 'country:fr', 'country:in', 'country:no', 'country:us'];

const gloss = glossSession({ '/who.html': PAGE });

// The same page from a server whose permissions policy refuses the asynchronous clipboard: the card
// has to fall back on the copy command.
let refusing: StaticServer;
beforeAll(async () => {
  refusing = await startStaticServer(() => ({
    body: PAGE,
    headers: { 'permissions-policy': 'clipboard-write=(), clipboard-read=()' },
  }));
});
afterAll(() => refusing?.close());

/** The background's test hook, as the service worker holds it. */
interface Hook {
  importPack(text: string): Promise<{ ok: boolean }>;
  removePack(id: string): Promise<void>;
}
type Hooked = typeof globalThis & { glossBackground: Hook };

const worker = () => awakeServiceWorker(gloss);

/** Opens the popup for `page` and, from it, the dossier; returns both, the dossier drawn. */
async function dossierFromPopup(page: Page): Promise<{ popup: Page; dossier: Page }> {
  const popup = gloss.track(await openPopupFor(gloss.browser.context, gloss.browser.extensionId, page));
  const opened = gloss.browser.context.waitForEvent('page');
  await popup.getByTestId('open-dossier').click();
  const dossier = gloss.track(await opened);
  await dossier.waitForSelector('html[data-ready]');
  return { popup, dossier };
}

/** Serious and critical violations axe finds, in light and in dark. */
async function seriousViolations(target: Page): Promise<string[]> {
  const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    await target.emulateMedia({ colorScheme });
    // Evaluated, not added as a <script>: extension pages allow only the extension's own scripts.
    await target.evaluate(axeSource);
    const violations = await target.evaluate(async () => {
      type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
      const axe = (globalThis as unknown as { axe: { run(): Promise<Result> } }).axe;
      const result = await axe.run();
      return result.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
    });
    found.push(...violations.map((v) => `${colorScheme}: ${v}`));
  }
  await target.emulateMedia({ colorScheme: null });
  return found;
}

describe('the dossier', () => {
  it('opens from the popup with the page’s countries marked, and shows them alone', async () => {
    const page = await gloss.visit('/who.html', 8);
    const onPage = [...(await marksByEntity(page)).keys()].filter((id) => id.startsWith('country:')).sort();
    expect(onPage).toEqual(PAGE_COUNTRIES);
    const { dossier } = await dossierFromPopup(page);
    const marked = () =>
      dossier.$$eval('tr.dossier-on-page', (rows) => rows.map((r) => r.getAttribute('data-row') ?? '').sort());
    await expect.poll(marked, { timeout: 5_000 }).toEqual(PAGE_COUNTRIES);
    const allRows = await dossier.$$eval('tbody tr', (rows) => rows.length);
    expect(allRows).toBeGreaterThan(60);
    // Brazil's row says it did not sign the Declaration; France's that it signed it.
    const columns = await dossier.$$eval('thead th[data-column]', (ths) =>
      ths.map((th) => th.getAttribute('data-column') ?? ''),
    );
    const cell = (row: string, column: string) =>
      dossier.$eval(
        `tr[data-row="${row}"] td:nth-child(${2 + columns.indexOf(column)})`,
        (td) => td.getAttribute('data-relations') ?? '',
      );
    expect(await cell('country:br', 'initiative:dfi')).toBe('did-not-sign');
    expect(await cell('country:fr', 'initiative:dfi')).toBe('signed');
    expect(await cell('country:no', 'initiative:echri')).toBe('member-of');

    await dossier.getByTestId('only-on-page').check();
    await expect
      .poll(() => dossier.$$eval('tbody tr', (rows) => rows.map((r) => r.getAttribute('data-row') ?? '').sort()))
      .toEqual(PAGE_COUNTRIES);
    // The count under the Declaration is of the rows shown: the three signatories on the page.
    const dfiCount = await dossier.$eval('td[data-count="initiative:dfi"]', (td) => td.textContent);
    expect(dfiCount).toBe('3');
  });

  it('moves between cells with the arrow keys and shows the focused cell’s quote; passes axe', async () => {
    const page = await gloss.visit('/who.html', 8);
    const { dossier } = await dossierFromPopup(page);
    await dossier.getByTestId('matrix-filter').fill('Brazil');
    await expect.poll(() => dossier.$$eval('tbody tr', (rows) => rows.length)).toBe(1);
    // One tab stop in the table: the row's name; the arrow keys go on from there.
    await dossier.focus('tbody tr:first-child th button');
    await dossier.keyboard.press('ArrowRight');
    const focused = await dossier.evaluate(() => {
      const cell = document.activeElement as HTMLTableCellElement | null;
      return [cell?.localName, cell?.cellIndex, (cell?.parentElement as HTMLTableRowElement | null)?.sectionRowIndex];
    });
    expect(focused).toEqual(['td', 1, 0]);
    const detail = dossier.getByTestId('cell-detail');
    await expect.poll(() => detail.textContent()).toContain('Brazil and India, two of the most important markets');
    expect(await detail.textContent()).toContain('Did not sign');
    expect(await dossier.$$eval('[tabindex="0"]', (els) => els.length)).toBe(1);
    await dossier.getByTestId('matrix-filter').fill('');
    expect(await seriousViolations(dossier)).toEqual([]);
  });

  it('lists the timeline’s events in order, each entity opening its card', async () => {
    const page = await gloss.visit('/who.html', 8);
    const { dossier } = await dossierFromPopup(page);
    const dates = await dossier.$$eval('.dossier-event', (items) => items.map((li) => li.getAttribute('data-date')));
    expect(dates).toEqual([...(pack.events ?? []).map((e) => e.date)].sort());
    expect(await dossier.$eval('.dossier-timeline', (ol) => ol.localName)).toBe('ol');
    await dossier.locator('.dossier-event[data-date="1996"] .dossier-entity').first().click();
    await expect
      .poll(() => dossier.getByTestId('dossier-card').locator('h2').textContent())
      .toBe('Wassenaar Arrangement');
  });

  it('shows an imported pack’s relations and events beside the bundled ones; the options page links to it', async () => {
    const example = await readFile(path.join(ROOT, 'docs/example-pack.json'), 'utf8');
    const imported = await (await worker()).evaluate(
      (text) => (globalThis as Hooked).glossBackground.importPack(text),
      example,
    );
    expect(imported.ok).toBe(true);
    try {
      const options = gloss.track(await gloss.browser.context.newPage());
      await options.goto(`chrome-extension://${gloss.browser.extensionId}/options.html`);
      await options.getByTestId('open-dossier').click();
      await options.waitForSelector('html[data-ready]');
      expect(new URL(options.url()).pathname).toBe('/dossier.html');
      const columns = await options.$$eval('thead th[data-column]', (ths) =>
        ths.map((th) => th.getAttribute('data-column')),
      );
      expect(columns).toContain('harbour-accord-example/initiative:harbour-data-accord');
      expect(columns).toContain('initiative:dfi');
      const dates = await options.$$eval('.dossier-event', (items) => items.map((li) => li.getAttribute('data-date')));
      expect(dates).toEqual(expect.arrayContaining(['2026-03-14', '2026-05', '1996']));
      // Without a tab there is nothing to mark, and every enabled pack has relations and events.
      expect(await options.getByTestId('only-on-page').count()).toBe(0);
      expect(await options.getByTestId('pack-notes').count()).toBe(0);
    } finally {
      await (await worker()).evaluate(() =>
        (globalThis as Hooked).glossBackground.removePack('harbour-accord-example'),
      );
    }
  });

  it('says so when no enabled pack has relations or events', async () => {
    await writeStorage(gloss.extension, { packs: { bundledEnabled: false, imported: [] } });
    try {
      const dossier = gloss.track(await gloss.browser.context.newPage());
      await dossier.goto(`chrome-extension://${gloss.browser.extensionId}/dossier.html`);
      await dossier.waitForSelector('html[data-ready]');
      expect(await dossier.getByTestId('no-matrix').isVisible()).toBe(true);
      expect(await dossier.getByTestId('no-events').isVisible()).toBe(true);
    } finally {
      await writeStorage(gloss.extension, { packs: { bundledEnabled: true, imported: [] } });
    }
  });
});

/**
 * The clipboard's text/plain and text/html, read from the served page (an extension page cannot be
 * granted the clipboard: its origin is opaque to the permission system; the clipboard is one).
 */
async function clearClipboard(page: Page): Promise<void> {
  await gloss.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await page.bringToFront();
  await page.evaluate(() => navigator.clipboard.writeText('(nothing copied)'));
}

async function readClipboard(page: Page): Promise<{ text: string; html: string | null }> {
  await gloss.browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], {
    origin: new URL(page.url()).origin,
  });
  await page.bringToFront();
  return page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    const html = item?.types.includes('text/html') ? await (await item.getType('text/html')).text() : null;
    return { text: await navigator.clipboard.readText(), html };
  });
}

describe('copy', () => {
  const brazilRole = () => {
    const brazil = pack.entities.find((e) => e.id === 'country:br');
    const role = brazil?.roles[0];
    const document = pack.documents.find((d) => d.id === role?.source);
    if (!brazil || !role || !document) throw new Error('Brazil has no role');
    return { brazil, role, document };
  };

  it('puts a role of the popup’s card on the clipboard as Markdown and HTML', async () => {
    const page = await gloss.visit('/who.html', 8);
    await clearClipboard(page);
    const popup = gloss.track(await openPopupFor(gloss.browser.context, gloss.browser.extensionId, page));
    await popup.click('.gloss-row[data-entity="country:br"]');
    const button = popup.getByTestId('copy-role').first();
    await button.focus();
    await popup.keyboard.press('Enter');
    await expect.poll(() => button.textContent()).toBe('Copied');
    const { brazil, role, document } = brazilRole();
    const { text, html } = await readClipboard(page);
    expect(text.startsWith(`**${brazil.name}**: `)).toBe(true);
    expect(text).toContain(`> ${role.quote.slice(0, 40)}`);
    expect(text).toContain(`— *${document.title}*`);
    expect(html).toContain(`<blockquote>`);
    expect(html).toContain(`<cite>`);
  });

  it.each([
    ['', false],
    [' where the page’s permissions policy refuses the asynchronous clipboard', true],
  ])('copies from the in-page card, in its closed shadow root, on a click%s', async (_, refused) => {
    const reader = await gloss.visit('/who.html', 8);
    await clearClipboard(reader);
    const page = await gloss.visit(refused ? refusing.url('/who.html') : '/who.html', 8);
    if (refused) {
      // The policy is in force: the page's own script is refused the asynchronous clipboard.
      const answer = await page.evaluate(() =>
        navigator.clipboard.writeText('x').then(
          () => 'allowed',
          (error: Error) => error.name,
        ),
      );
      expect(answer).toBe('NotAllowedError');
    }
    const session = await gloss.browser.context.newCDPSession(page);
    const box = await page.$eval('mark.gloss-mark[data-entity="country:br"]', (m) => {
      const r = m.getBoundingClientRect();
      return { x: r.left + 4, y: r.top + 4 };
    });
    await page.mouse.move(box.x, box.y);
    const point = async () =>
      inCardShadow<{ x: number; y: number; text: string }>(
        session,
        `function () {
          const button = this.querySelector('[data-testid="copy-role"]');
          if (!button) return null;
          const r = button.getBoundingClientRect();
          return { x: r.left + r.width / 2, y: r.top + r.height / 2, text: button.textContent };
        }`,
      );
    await expect.poll(point, { timeout: 5_000 }).not.toBeNull();
    const at = (await point()) as { x: number; y: number };
    await page.mouse.move(at.x, at.y, { steps: 4 });
    await page.mouse.click(at.x, at.y);
    await expect.poll(async () => (await point())?.text).toBe('Copied');
    const { brazil, role } = brazilRole();
    const { text, html } = await readClipboard(reader);
    expect(html).toContain('<blockquote>');
    const expected = roleMarkdown({
      entityName: brazil.name,
      text: role.text,
      quote: role.quote,
      document: { packId: 'gloss', packName: pack.name, bundled: true, id: role.source, title: '', date: undefined },
    });
    // The entity, role and quote lines as Markdown; the document as the card cites it.
    expect(text.split('\n— ')[0]).toBe(expected.split('\n— ')[0]);
    await session.detach();
  });
});

describe('export', () => {
  it('saves the page as CSV that reads back as RFC 4180, one record per role', async () => {
    const page = await gloss.visit('/who.html', 8);
    const counts = await marksByEntity(page);
    const popup = gloss.track(await openPopupFor(gloss.browser.context, gloss.browser.extensionId, page));
    await popup.getByTestId('export').waitFor();
    const downloading = popup.waitForEvent('download');
    await popup.getByTestId('export-csv').click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^gloss-127\.0\.0\.1-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(bytes.subarray(3).toString('utf8'));
    expect(records[0]).toEqual([...CSV_HEADER]);
    const byEntity = new Map<string, string[][]>();
    for (const record of records.slice(1)) {
      expect(record).toHaveLength(CSV_HEADER.length);
      const id = record[CSV_HEADER.indexOf('entity id')] ?? '';
      byEntity.set(id, [...(byEntity.get(id) ?? []), record]);
    }
    expect([...byEntity.keys()].sort()).toEqual([...counts.keys()].sort());
    for (const [id, rows] of byEntity) {
      const entity = pack.entities.find((e) => e.id === id);
      expect(rows.map((r) => r[CSV_HEADER.indexOf('quote')])).toEqual(entity?.roles.map((r) => r.quote));
      expect(rows[0]?.[CSV_HEADER.indexOf('mentions')]).toBe(String(counts.get(id)));
      expect(rows[0]?.[CSV_HEADER.indexOf('entity')]).toBe(entity?.name);
    }
    expect(await popup.getByText(download.suggestedFilename()).isVisible()).toBe(true);
  });
});
