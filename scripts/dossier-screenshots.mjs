// The dossier page's screenshots for the README (docs/dossier.png, docs/dossier-dark.png): the demo
// page's countries marked, the rows by memberships, the quote of the United States' cell under the
// Freedom Online Coalition shown.
// Run after a build: node scripts/dossier-screenshots.mjs (GLOSS_EXTENSION_PATH for another build).
import { join } from 'node:path';
import { openDemo, DOCS_DIR as out } from './demo-browser.mjs';

for (const dark of [false, true]) {
  const { context, extensionId, url, close } = await openDemo({ dark, viewport: { width: 1280, height: 860 } });
  try {
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
    await close();
  }
}
