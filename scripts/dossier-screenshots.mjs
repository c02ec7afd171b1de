// The dossier page's screenshots for the README (docs/dossier.png, docs/dossier-dark.png): the demo
// page's countries marked, the rows by memberships, the quote of the United States' cell under the
// Freedom Online Coalition shown.
// Run after a build: node scripts/dossier-screenshots.mjs (GLOSS_EXTENSION_PATH for another build).
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

const ext = resolve(process.env.GLOSS_EXTENSION_PATH ?? new URL('../.output/chrome-mv3', import.meta.url).pathname);
const out = new URL('../docs/', import.meta.url).pathname;
const html = await readFile(new URL('../demo/index.html', import.meta.url));
const server = await startStaticServer(() => ({ body: html }));
const url = server.url('/');

for (const dark of [false, true]) {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-shot-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: dark ? 'dark' : 'light',
    viewport: { width: 1280, height: 860 },
    args: [...CHROMIUM_ARGS, ...extensionArgs(ext)],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('mark.gloss-mark');
    const dossier = await context.newPage();
    await dossier.goto(`chrome-extension://${extensionId}/popup.html`);
    const tabId = await dossier.evaluate(async (pageUrl) => {
      const tabs = await chrome.tabs.query({});
      return tabs.find((t) => t.url === pageUrl)?.id;
    }, url);
    await dossier.goto(`chrome-extension://${extensionId}/dossier.html?tab=${tabId}`);
    await dossier.waitForSelector('tr.dossier-on-page');
    await dossier.selectOption('[data-testid="matrix-sort"]', 'memberships');
    await dossier.hover('tr[data-row="country:us"] td[data-relations="chairs"]');
    await dossier.waitForTimeout(300);
    await dossier.screenshot({ path: join(out, `dossier${dark ? '-dark' : ''}.png`) });
  } finally {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
await server.close();
