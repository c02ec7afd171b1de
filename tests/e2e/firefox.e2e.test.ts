// Gloss in Firefox: the Firefox build (.output/firefox-mv2) in Debian's Firefox ESR, driven over
// WebDriver BiDi by puppeteer-core (Playwright drives only its own patched Firefox). Chromium is the
// reference: every page must get the very same mentions in both browsers, with its text unchanged.
// (Firefox does not let an automated tab open the popup's moz-extension:// page: the popup, the
// same code in both browsers, is tested in Chromium.)
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import puppeteer, { type Browser, type Page as FirefoxPage } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIREFOX_PATH } from '../../scripts/firefox.mjs';
import { buildDocumentPage, DOCUMENT_IDS, ROOT } from './fixtures/documents';
import {
  CONTINUED,
  type GlossBrowser,
  launchBrowser,
  MARK,
  type Mention,
  readMentions,
  startServer,
  type TestServer,
} from './helpers';

/** The Firefox build; GLOSS_FIREFOX_EXTENSION_PATH points the tests at another one. */
const FIREFOX_EXTENSION_PATH = path.resolve(
  process.env.GLOSS_FIREFOX_EXTENSION_PATH ?? path.join(ROOT, '.output/firefox-mv2'),
);

const MIXED = `<!doctype html><html lang="en"><head><title>Mixed</title></head><body>
  <h1>Kenya and <em>New</em> Zealand join the Declaration</h1>
  <p>Secretary Blinken said the Freedom Online Coalition welcomed the U.S. and the EU.</p>
  <p>China's Zhao Lijian criticised the <a href="/x">Declaration for the Future of the Internet</a>.</p>
  <form><input value="Canada"><textarea>Japan in a textarea</textarea></form>
  <div contenteditable="true">Germany, being edited</div>
  <pre><code>const US = "China";</code></pre>
  <p>Read more at https://example.com/Canada or write to press@un.org.</p>
  <div id="host"></div>
  <div id="feed"></div>
  <script>
    document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
      '<p>In a shadow root: Samantha Power of USAID.</p>';
    setTimeout(() => {
      const p = document.createElement('p');
      p.textContent = 'Added later: the OECD and Peru.';
      document.getElementById('feed').append(p);
    }, 300);
  </script>
</body></html>`;

const documents = DOCUMENT_IDS.map((id) => buildDocumentPage(id));
const pages: Record<string, string> = { '/mixed.html': MIXED };
for (const doc of documents) pages[`/${doc.id}.html`] = doc.html;

let server: TestServer;
let chromium: GlossBrowser;
let firefox: Browser;

beforeAll(async () => {
  const needed: [string, string][] = [
    ['Firefox ESR', FIREFOX_PATH],
    ['the Firefox build (`npm run build:firefox`)', path.join(FIREFOX_EXTENSION_PATH, 'manifest.json')],
  ];
  for (const [what, where] of needed) if (!existsSync(where)) throw new Error(`No ${what} at ${where}.`);
  server = await startServer(pages);
  chromium = await launchBrowser();
  firefox = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX_PATH, headless: true });
  await firefox.installExtension(FIREFOX_EXTENSION_PATH);
});

afterAll(async () => {
  await firefox?.close();
  await chromium?.close();
  await server?.close();
});

/** Polls until `read` gives the same reading twice, 400 ms apart, with mentions (Gloss works in slices). */
async function settled(read: () => Promise<Reading>, timeoutMs = 20_000): Promise<Reading> {
  const deadline = Date.now() + timeoutMs;
  let previous = JSON.stringify(await read());
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, 400));
    const reading = await read();
    const json = JSON.stringify(reading);
    if (json === previous && reading.mentions.length > 0) return reading;
    if (Date.now() > deadline) throw new Error(`Highlights did not settle: ${json.slice(0, 200)}`);
    previous = json;
  }
}

/** What the page shows of Gloss: its mentions in document order, those in the shadow root, and its text. */
interface Reading {
  mentions: Mention[];
  shadow: string[];
  text: string;
  fields: string[];
}

/** Runs in the page: the entities highlighted in the shadow root of #host. */
function shadowEntities(mark: string): string[] {
  return [...(document.getElementById('host')?.shadowRoot?.querySelectorAll(mark) ?? [])].map(
    (m) => m.getAttribute('data-entity') ?? '',
  );
}

/** Runs in the page: its text, and the values of its form fields. */
function textAndFields(): { text: string; fields: string[] } {
  const fields = [...document.querySelectorAll('input, textarea')].map((f) => (f as HTMLInputElement).value);
  return { text: document.body.textContent ?? '', fields };
}

/** The same functions run in either browser: Playwright's and puppeteer's evaluate() agree for one argument. */
async function readPage(page: Page | FirefoxPage): Promise<Reading> {
  const inPage = page as Page;
  return {
    mentions: await inPage.evaluate(readMentions, [MARK, CONTINUED] as const),
    shadow: await inPage.evaluate(shadowEntities, MARK),
    ...(await inPage.evaluate(textAndFields)),
  };
}

async function inBoth(pathname: string): Promise<{ chromium: Reading; firefox: Reading; firefoxPage: FirefoxPage }> {
  const chromiumPage = await chromium.context.newPage();
  await chromiumPage.goto(server.url(pathname));
  const firefoxPage = await firefox.newPage();
  await firefoxPage.goto(server.url(pathname));
  const [inChromium, inFirefox] = await Promise.all([
    settled(() => readPage(chromiumPage)),
    settled(() => readPage(firefoxPage)),
  ]);
  await chromiumPage.close();
  return { chromium: inChromium, firefox: inFirefox, firefoxPage };
}

describe('Firefox', () => {
  for (const doc of documents) {
    it(`highlights the document ${doc.id} exactly as Chromium does, keeping its text`, async () => {
      const both = await inBoth(`/${doc.id}.html`);
      await both.firefoxPage.close();
      expect(both.firefox.mentions.length).toBeGreaterThan(5);
      expect(both.firefox.mentions).toEqual(both.chromium.mentions);
      expect(both.firefox.text).toBe(both.chromium.text);
    });
  }

  it('highlights split names, a shadow root and text added later, and leaves fields, editors and code alone', async () => {
    const both = await inBoth('/mixed.html');
    const { firefox: reading, firefoxPage } = both;
    expect(reading).toEqual(both.chromium);
    expect(reading.mentions.map((m) => [m.entity, m.text])).toEqual([
      ['country:ke', 'Kenya'],
      ['country:nz', 'New Zealand'],
      // "the Declaration" counts only once the page has named it in full (below)
      ['person:antony-blinken', 'Secretary Blinken'],
      ['initiative:foc', 'Freedom Online Coalition'],
      ['country:us', 'U.S.'],
      ['org:eu', 'EU'],
      ['country:cn', 'China'],
      ['person:zhao-lijian', 'Zhao Lijian'],
      ['initiative:dfi', 'Declaration for the Future of the Internet'],
      ['org:oecd', 'OECD'],
      ['country:pe', 'Peru'],
    ]);
    expect(reading.shadow).toEqual(['person:samantha-power', 'org:usaid']);
    expect(reading.fields).toEqual(['Canada', 'Japan in a textarea']);
    // The highlight styles reach the page and the shadow root: the mark is drawn, not just wrapped.
    const drawn = await firefoxPage.evaluate((mark: string) => {
      const inPage = document.querySelector(mark);
      const inShadow = document.getElementById('host')?.shadowRoot?.querySelector(mark);
      return [inPage, inShadow].map((m) => (m ? getComputedStyle(m).boxShadow : 'none'));
    }, MARK);
    for (const shadow of drawn) expect(shadow).toContain('inset');
    await firefoxPage.close();
  });
});
