// Loads the built extension in Debian's Chromium, opens the demo page, the in-page card, the popup,
// the options page and the document viewer, and saves the screenshots the README shows.
// Run after `npm run build`: node scripts/screenshots.mjs (add --dark for the dark versions).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { openDemo, DOCS_DIR as out } from './demo-browser.mjs';

const dark = process.argv.includes('--dark');
const { context, extensionId, page, url, close } = await openDemo({ dark, viewport: { width: 1100, height: 900 } });
try {
  await page.waitForTimeout(300);
  const suffix = dark ? '-dark' : '';
  await page.screenshot({ path: join(out, `page${suffix}.png`) });

  // The in-page card opens on hover after a short delay.
  await page.hover('mark.gloss-mark[data-entity="initiative:dfi"]');
  await page.waitForSelector('gloss-card', { state: 'attached' });
  await page.waitForTimeout(800);
  await page.screenshot({ path: join(out, `in-page-card${suffix}.png`) });
  await page.mouse.move(5, 5);

  const popup = await context.newPage();
  await popup.setViewportSize({ width: 380, height: 600 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html`);
  const tabId = await popup.evaluate(async (pageUrl) => {
    const tabs = await chrome.tabs.query({});
    return tabs.find((t) => t.url === pageUrl)?.id;
  }, url);
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.waitForSelector('[data-testid=on-this-page]');
  await popup.screenshot({ path: join(out, `popup${suffix}.png`) });
  await popup.click('.gloss-row[data-entity="person:antony-blinken"]');
  await popup.waitForSelector('article.gloss-card');
  await popup.waitForTimeout(500);
  await popup.screenshot({ path: join(out, `card${suffix}.png`), fullPage: false });

  const options = await context.newPage();
  await options.setViewportSize({ width: 900, height: 1400 });
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.waitForSelector('h1');
  await options.waitForTimeout(300);
  await options.screenshot({ path: join(out, `options${suffix}.png`), fullPage: false });

  const viewer = await context.newPage();
  await viewer.setViewportSize({ width: 900, height: 700 });
  const pack = JSON.parse(await readFile(new URL('../data/knowledge.json', import.meta.url), 'utf8'));
  const role = pack.entities.find((e) => e.id === 'initiative:dfi').roles[0];
  const query = new URLSearchParams({ source: role.source, quote: role.quote });
  await viewer.goto(`chrome-extension://${extensionId}/document.html?${query}`);
  await viewer.waitForSelector('mark');
  await viewer.waitForTimeout(300);
  await viewer.screenshot({ path: join(out, `document${suffix}.png`) });
  console.log(`screenshots in ${out}`);
} finally {
  await close();
}
