// Loads the built extension in Debian's Chromium, opens the demo page and the popup, and
// saves the screenshots the README shows. Run after `npm run build`: node scripts/screenshots.mjs
import { mkdtempSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from './chromium.mjs';

const ext = new URL('../.output/chrome-mv3', import.meta.url).pathname;
const out = new URL('../docs/', import.meta.url).pathname;
const html = await readFile(new URL('../demo/index.html', import.meta.url));
const server = createServer((_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(html);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const dark = process.argv.includes('--dark');
const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'gloss-shot-')), {
  executablePath: CHROMIUM_PATH,
  headless: true,
  colorScheme: dark ? 'dark' : 'light',
  viewport: { width: 1100, height: 900 },
  args: [...CHROMIUM_ARGS, ...extensionArgs(ext)],
});
try {
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  const page = await context.newPage();
  await page.goto(url);
  await page.waitForSelector('mark.gloss-mark');
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(out, 'page.png') });

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === pageUrl)?.id;
  }, url);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid=on-this-page]');
  await popup.screenshot({ path: join(out, dark ? 'popup-dark.png' : 'popup.png') });
  await popup.click('.gloss-row[data-entity="person:antony-blinken"]');
  await popup.waitForSelector('article.gloss-card');
  await popup.screenshot({ path: join(out, dark ? 'card-dark.png' : 'card.png'), fullPage: false });
  console.log(`screenshots in ${out}`);
} finally {
  await context.close();
  server.close();
}
