// The options page in a real Chromium: every change is stored at once and reaches open pages live;
// site rules and the address tester; import and export; the damaged-settings notice; shortcuts.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { isDeepStrictEqual } from 'node:util';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  type GlossBrowser,
  launchBrowser,
  MARK,
  readStorage,
  setSwitch,
  startServer,
  type TestServer,
  waitForMarks,
  waitForNoMarks,
  writeStorage,
} from './helpers';

const NEWS = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>News</title></head><body>
<h1>Internet pledge</h1>
<p>Secretary of State Antony Blinken said the United States and the European Union back the
Declaration for the Future of the Internet.</p>
<p>Canada and Japan also signed the Declaration for the Future of the Internet, and the European
Union welcomed it; Antony Blinken called it a milestone.</p>
</body></html>`;

let glossBrowser: GlossBrowser;
let server: TestServer;
let options: Page;

const optionsUrl = () => `chrome-extension://${glossBrowser.extensionId}/options.html`;

async function openOptions(): Promise<Page> {
  const page = await glossBrowser.context.newPage();
  await page.goto(optionsUrl());
  await page.getByTestId('pause-switch').waitFor();
  return page;
}

async function openNews(): Promise<Page> {
  const page = await glossBrowser.context.newPage();
  await page.goto(server.url('/news.html'));
  await waitForMarks(page, 6);
  return page;
}

function marksOfType(page: Page, type: string): Promise<number> {
  return page.evaluate(([mark, t]) => document.querySelectorAll(`${mark}[data-entity-type="${t}"]`).length, [
    MARK,
    type,
  ] as const);
}

async function waitForStorage(page: Page, key: string, check: (value: unknown) => boolean, timeoutMs = 5_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await readStorage(page, key);
    if (check(value)) return value;
    if (Date.now() > deadline) throw new Error(`Storage "${key}" never matched; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function settingsFile(settings: unknown, version = 2): string {
  return JSON.stringify({ format: 'gloss-settings', version, settings });
}

async function importText(page: Page, name: string, text: string) {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

beforeAll(async () => {
  glossBrowser = await launchBrowser();
  server = await startServer({ '/news.html': NEWS });
  options = await openOptions();
});

afterAll(async () => {
  await glossBrowser?.close();
  await server?.close();
});

beforeEach(async () => {
  await writeStorage(options, { settings: structuredClone(DEFAULT_SETTINGS), 'settings-repair': null });
  await options.reload();
  await options.getByTestId('pause-switch').waitFor();
  for (const page of glossBrowser.context.pages()) if (page !== options) await page.close();
});

describe('the options page', () => {
  it('is the extension’s options page, opened in a tab', async () => {
    const manifest = await options.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getManifest(): unknown } } }).chrome.runtime.getManifest(),
    );
    expect(manifest).toMatchObject({ options_ui: { page: 'options.html', open_in_tab: true } });
    expect(await options.title()).toBe('Gloss settings');
    const headings = await options.locator('h2').allTextContents();
    expect(headings).toEqual([
      'General',
      'What to highlight',
      'Knowledge packs',
      'Highlight style',
      'Sites',
      'Keyboard shortcuts',
      'Back up and restore',
    ]);
  });

  it('has no accessibility violations that axe can find, in light and dark', async () => {
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    const axeSource = await readFile(axePath, 'utf8');
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      // Evaluated, not added as a <script>: the page's CSP allows only the extension's own scripts.
      await options.evaluate(axeSource);
      const violations = await options.evaluate(async () => {
        const axe = (
          globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }
        ).axe;
        const result = await axe.run();
        return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
      });
      expect(violations, colorScheme).toEqual([]);
    }
    await options.emulateMedia({ colorScheme: null });
  });

  it('stores a change at once and shows changes made elsewhere', async () => {
    await setSwitch(options, 'demonym-switch', true);
    await waitForStorage(options, 'settings', (s) => (s as { demonyms?: boolean }).demonyms === true);
    await setSwitch(options, 'pause-switch', true);
    await waitForStorage(options, 'settings', (s) => (s as { paused?: boolean }).paused === true);

    // Another page (the popup, a command) changes the settings: the options page follows.
    await writeStorage(options, { settings: { ...DEFAULT_SETTINGS, paused: false, demonyms: false } });
    await expect.poll(() => options.getByTestId('pause-switch').isChecked()).toBe(false);
    await expect.poll(() => options.getByTestId('demonym-switch').isChecked()).toBe(false);
  });

  it('switching a kind of name off removes its marks from an open page, live; on brings them back', async () => {
    const news = await openNews();
    expect(await marksOfType(news, 'country')).toBeGreaterThan(0);
    const official = await marksOfType(news, 'official');
    expect(official).toBeGreaterThan(0);

    await setSwitch(options, 'category-country', false);
    await expect.poll(() => marksOfType(news, 'country'), { timeout: 5_000 }).toBe(0);
    expect(await marksOfType(news, 'official')).toBe(official);
    expect((await readStorage(options, 'settings')) as typeof DEFAULT_SETTINGS).toMatchObject({
      categories: { country: false, initiative: true, organization: true, official: true },
    });

    await setSwitch(options, 'category-country', true);
    await expect.poll(() => marksOfType(news, 'country'), { timeout: 5_000 }).toBeGreaterThan(0);
  });

  it('a highlight style chosen here restyles the preview and open pages', async () => {
    const news = await openNews();
    await options.getByTestId('style-look-country').selectOption('underline');
    await options.getByTestId('style-color-country').fill('#c81e1e');
    await waitForStorage(options, 'settings', (s) => {
      const style = (s as typeof DEFAULT_SETTINGS).styles.country;
      return style.look === 'underline' && style.color === '#c81e1e';
    });
    const decoration = (page: Page) =>
      page.evaluate((mark) => {
        const el = document.querySelector(`${mark}[data-entity-type="country"]`);
        if (!el) return null;
        const style = getComputedStyle(el);
        return `${style.textDecorationLine} ${style.textDecorationColor}`;
      }, MARK);
    await expect.poll(() => decoration(options)).toBe('underline rgb(200, 30, 30)');
    await expect.poll(() => decoration(news), { timeout: 5_000 }).toBe('underline rgb(200, 30, 30)');

    await options.getByTestId('reset-styles').click();
    await waitForStorage(options, 'settings', (s) =>
      isDeepStrictEqual((s as typeof DEFAULT_SETTINGS).styles, DEFAULT_SETTINGS.styles),
    );
    expect(await options.getByTestId('reset-styles').isDisabled()).toBe(true);
  });
});

describe('site rules', () => {
  it('a rule for the open page’s host turns its highlights off live; deleting it brings them back', async () => {
    const news = await openNews();
    await options.getByTestId('rule-pattern').fill('127.0.0.1');
    // In "on every site" mode a new rule turns Gloss off unless the user picks otherwise.
    expect(await options.getByTestId('rule-enabled').inputValue()).toBe('off');
    await options.getByTestId('add-rule').click();
    await waitForNoMarks(news);
    expect(await readStorage(options, 'settings')).toMatchObject({
      site: { mode: 'everywhere', rules: [{ pattern: '127.0.0.1', enabled: false }] },
    });
    await expect.poll(() => options.getByTestId('rule-status').textContent()).toContain('Added the rule for 127.0.0.1');

    await options.getByRole('button', { name: 'Delete the rule for 127.0.0.1' }).click();
    await waitForMarks(news, 6);
    expect(await options.getByTestId('rules-empty').isVisible()).toBe(true);
    // Focus does not fall to the top of the page after a delete.
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('opt-pattern');
  });

  it('a rule’s switch turns the site back on without deleting the rule', async () => {
    await writeStorage(options, {
      settings: {
        ...DEFAULT_SETTINGS,
        site: { mode: 'everywhere', rules: [{ pattern: '127.0.0.1', enabled: false }] },
      },
    });
    const news = await glossBrowser.context.newPage();
    await news.goto(server.url('/news.html'));
    await setSwitch(options, 'rule-switch-0', true);
    await waitForMarks(news, 6);
    expect(await readStorage(options, 'settings')).toMatchObject({
      site: { rules: [{ pattern: '127.0.0.1', enabled: true }] },
    });
  });

  it('"only on sites I list" turns the page off until a rule turns it on', async () => {
    const news = await openNews();
    await options.getByTestId('mode-listed').check();
    await waitForNoMarks(news);
    await options.getByTestId('rule-pattern').fill(server.origin);
    expect(await options.getByTestId('rule-enabled').inputValue()).toBe('on');
    await options.getByTestId('add-rule').press('Enter');
    await waitForMarks(news, 6);
    const port = new URL(server.origin).port;
    expect(await readStorage(options, 'settings')).toMatchObject({
      site: { mode: 'listed', rules: [{ pattern: `http://127.0.0.1:${port}/*`, enabled: true }] },
    });
  });

  it('rejects a bad pattern with an error tied to the field, and stores nothing', async () => {
    const before = await readStorage(options, 'settings');
    const field = options.getByTestId('rule-pattern');
    await field.fill('exa mple.com');
    await options.getByTestId('add-rule').click();
    const error = options.getByTestId('rule-error');
    await expect.poll(() => error.textContent()).toBe('A pattern cannot contain spaces.');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    const describedBy = (await field.getAttribute('aria-describedby')) ?? '';
    expect(describedBy.split(' ')).toContain(await error.getAttribute('id'));
    expect(await options.evaluate(() => document.activeElement?.id)).toBe('opt-pattern');
    expect(await readStorage(options, 'settings')).toEqual(before);

    // Typing again clears the error.
    await field.fill('example.com');
    expect(await error.count()).toBe(0);
    expect(await field.getAttribute('aria-invalid')).toBe('false');
  });

  it('can be used with the keyboard alone', async () => {
    await options.getByTestId('rule-pattern').focus();
    await options.keyboard.type('*.example.org');
    await options.keyboard.press('Enter');
    await waitForStorage(options, 'settings', (s) => (s as typeof DEFAULT_SETTINGS).site.rules.length === 1);
    // Tab from the field to the rule's switch is not needed: focus the switch and press Space.
    await options.getByTestId('rule-switch-0').focus();
    await options.keyboard.press('Space');
    await waitForStorage(options, 'settings', (s) => {
      const rules = (s as { site: { rules: { pattern: string; enabled: boolean }[] } }).site.rules;
      return rules[0]?.pattern === '*.example.org' && rules[0].enabled === true;
    });
  });

  it('the address tester names the rule that decides', async () => {
    await writeStorage(options, {
      settings: {
        ...DEFAULT_SETTINGS,
        site: {
          mode: 'everywhere',
          rules: [
            { pattern: '*.example.com', enabled: false },
            { pattern: 'https://news.example.com/live/*', enabled: true },
          ],
        },
      },
    });
    await expect.poll(() => options.locator('li[data-rule]').count()).toBe(2);
    const field = options.getByTestId('test-url');
    const result = options.getByTestId('test-url-result');

    await field.fill('https://news.example.com/live/today');
    await expect.poll(() => result.textContent()).toContain('the rule “https://news.example.com/live/*”');
    expect(await result.textContent()).toContain('Gloss highlights this address');
    expect(await options.locator('li.is-deciding').getAttribute('data-rule')).toBe('https://news.example.com/live/*');

    await field.fill('shop.example.com/cart');
    await expect.poll(() => result.textContent()).toContain('the rule “*.example.com”');
    expect(await result.textContent()).toContain('does not highlight');

    await field.fill('https://example.org/');
    await expect.poll(() => result.textContent()).toContain('no rule matches');

    await field.fill('chrome://extensions');
    await expect.poll(() => result.textContent()).toContain('only reads http and https pages');

    // Deleting a rule puts focus on the rule that takes its place.
    await options.getByRole('button', { name: 'Delete the rule for *.example.com' }).click();
    await expect.poll(() => options.locator('li[data-rule]').count()).toBe(1);
    await expect
      .poll(() => options.evaluate(() => document.activeElement?.getAttribute('aria-label')))
      .toBe('Delete the rule for https://news.example.com/live/*');
  });
});

describe('import and export', () => {
  it.each([
    ['malformed JSON', 'broken.json', '{"format": "gloss-settings", "version": 2, ', /not valid JSON/],
    [
      'a __proto__ key',
      'proto.json',
      settingsFile(DEFAULT_SETTINGS).replace('"paused"', '"__proto__": {"paused": true}, "paused"'),
      /forbidden key \(“__proto__”\)/,
    ],
    ['another program’s file', 'other.json', JSON.stringify({ theme: 'dark' }), /not a Gloss settings file/],
    [
      'a damaged field',
      'colour.json',
      settingsFile({ ...DEFAULT_SETTINGS, styles: { country: 'red' } }),
      /cannot use \(styles\)/,
    ],
  ])('a file with %s shows an error and changes nothing', async (_name, fileName, text, message) => {
    await setSwitch(options, 'demonym-switch', true);
    const before = await waitForStorage(options, 'settings', (s) => (s as typeof DEFAULT_SETTINGS).demonyms === true);
    await importText(options, fileName, text);
    const status = options.getByTestId('import-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('error');
    expect(await status.textContent()).toMatch(message);
    expect(await status.textContent()).toContain(fileName);
    expect(await status.textContent()).toContain('Nothing was changed');
    expect(await status.getAttribute('role')).toBe('alert');
    expect(await readStorage(options, 'settings')).toEqual(before);
  });

  it('a file over the size limit is refused before it is read', async () => {
    const before = await readStorage(options, 'settings');
    await importText(options, 'huge.json', `"${'x'.repeat(300 * 1024)}"`);
    const status = options.getByTestId('import-status');
    await expect.poll(() => status.textContent()).toContain('too large');
    expect(await readStorage(options, 'settings')).toEqual(before);
  });

  it('exports a dated file that imports back; a valid file replaces the settings and can be undone', async () => {
    const custom = {
      ...DEFAULT_SETTINGS,
      demonyms: true,
      categories: { ...DEFAULT_SETTINGS.categories, organization: false },
      styles: { ...DEFAULT_SETTINGS.styles, official: { look: 'outline', color: '#123456' } },
      site: { mode: 'listed', rules: [{ pattern: '*.example.com', enabled: true }] },
    };
    await writeStorage(options, { settings: custom });
    await expect.poll(() => options.getByTestId('demonym-switch').isChecked()).toBe(true);

    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/^gloss-settings-\d{4}-\d{2}-\d{2}\.json$/);
    const today = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(download.suggestedFilename()).toBe(
      `gloss-settings-${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}.json`,
    );
    const exported = await readFile((await download.path()) as string, 'utf8');
    expect(JSON.parse(exported)).toEqual({ format: 'gloss-settings', version: 2, settings: custom });

    // Back to the defaults, then the exported file brings everything back.
    await writeStorage(options, { settings: structuredClone(DEFAULT_SETTINGS) });
    await expect.poll(() => options.getByTestId('demonym-switch').isChecked()).toBe(false);
    await importText(options, download.suggestedFilename(), exported);
    const status = options.getByTestId('import-status');
    await expect.poll(() => status.getAttribute('data-status')).toBe('imported');
    expect(await readStorage(options, 'settings')).toEqual(custom);
    await expect.poll(() => options.getByTestId('demonym-switch').isChecked()).toBe(true);
    expect(await options.getByTestId('category-organization').isChecked()).toBe(false);
    expect(await options.getByTestId('mode-listed').isChecked()).toBe(true);

    await options.getByRole('button', { name: 'Undo import' }).click();
    await expect.poll(() => status.getAttribute('data-status')).toBe('undone');
    expect(await readStorage(options, 'settings')).toEqual(DEFAULT_SETTINGS);
  });

  it('a version 1 file is migrated on import', async () => {
    await importText(
      options,
      'old.json',
      settingsFile({ paused: false, demonyms: true, sites: { 'example.com': false } }, 1),
    );
    await expect.poll(() => options.getByTestId('import-status').getAttribute('data-status')).toBe('imported');
    expect(await readStorage(options, 'settings')).toEqual({
      ...DEFAULT_SETTINGS,
      demonyms: true,
      site: { mode: 'everywhere', rules: [{ pattern: 'example.com', enabled: false }] },
    });
  });
});

describe('damaged settings', () => {
  it('are reported in words when the page opens, and the notice goes once dismissed', async () => {
    const damaged = {
      ...DEFAULT_SETTINGS,
      paused: 'yes',
      demonyms: true,
      styles: { country: 'red' },
      site: { mode: 'everywhere', rules: [{ pattern: 'ok.example', enabled: false }, { pattern: 'not a host!' }] },
    };
    await writeStorage(options, { settings: damaged });
    await options.reload();
    const notice = options.getByTestId('repair-notice');
    await notice.waitFor();
    const text = (await notice.textContent()) ?? '';
    expect(text).toContain('the “Pause everywhere” switch');
    expect(text).toContain('the highlight styles and colours');
    expect(text).toContain('a site rule that could not be read (removed)');
    expect(text).not.toContain('demonym');
    await notice.screenshot({ path: '/tmp/gloss-options-notice.png' });
    // What survived is shown as it was stored.
    expect(await options.getByTestId('demonym-switch').isChecked()).toBe(true);

    await options.getByTestId('dismiss-repair').click();
    await notice.waitFor({ state: 'detached' });
    expect(await readStorage(options, 'settings')).toEqual({
      ...DEFAULT_SETTINGS,
      demonyms: true,
      site: { mode: 'everywhere', rules: [{ pattern: 'ok.example', enabled: false }] },
    });
    // Cleared: WXT removes the key when an item is set to null.
    expect((await readStorage(options, 'settings-repair')) ?? null).toBeNull();

    await options.reload();
    await options.getByTestId('pause-switch').waitFor();
    expect(await options.getByTestId('repair-notice').count()).toBe(0);
  });

  it('a repair already made elsewhere is reported too', async () => {
    await writeStorage(options, { 'settings-repair': { problems: ['categories'], at: Date.now() } });
    await options.reload();
    await options.getByTestId('repair-notice').waitFor();
    expect(await options.getByTestId('repair-notice').textContent()).toContain('which kinds of names are highlighted');
  });
});

describe('keyboard shortcuts', () => {
  it('lists the extension’s commands with their shortcuts and says where to change them', async () => {
    const table = options.getByTestId('commands');
    await table.waitFor();
    for (const [name, words] of [
      ['toggle-site', 'Switch Gloss on or off for this site'],
      ['next-mention', 'next highlighted name'],
      ['prev-mention', 'previous highlighted name'],
    ] as const) {
      const row = table.locator(`tr[data-command="${name}"]`);
      expect(await row.textContent(), name).toContain(words);
      expect(await row.locator('td').nth(1).textContent(), name).toMatch(/^(Alt\+Shift\+[A-Z]|not set)$/);
    }
    expect(await options.locator('.opt-address').textContent()).toBe('chrome://extensions/shortcuts');
  });
});

describe('screenshots', () => {
  it('light and dark', async () => {
    await writeStorage(options, {
      settings: {
        ...DEFAULT_SETTINGS,
        categories: { ...DEFAULT_SETTINGS.categories, initiative: false },
        styles: { ...DEFAULT_SETTINGS.styles, official: { look: 'underline', color: '#dd6b20' } },
        site: {
          mode: 'everywhere',
          rules: [
            { pattern: '*.example.com', enabled: false },
            { pattern: 'news.example.com', enabled: true },
            { pattern: 'https://example.org/live/*', enabled: false },
          ],
        },
      },
    });
    await expect.poll(() => options.locator('li[data-rule]').count()).toBe(3);
    await options.getByTestId('test-url').fill('https://news.example.com/today');
    await options.setViewportSize({ width: 1000, height: 900 });
    for (const colorScheme of ['light', 'dark'] as const) {
      await options.emulateMedia({ colorScheme });
      await options.screenshot({ path: `/tmp/gloss-options-${colorScheme}.png`, fullPage: true });
    }
    await options.emulateMedia({ colorScheme: null });
  });
});
