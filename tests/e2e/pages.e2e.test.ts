// Gloss on pages that are not plain articles: shadow DOM, iframes, a React app, a page that
// never stops changing, and a page that fights back.
import path from 'node:path';
import { build } from 'esbuild';
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR } from './fixtures/documents';
import {
  countMarks,
  type GlossBrowser,
  launchBrowser,
  MARK,
  marksByEntity,
  openPopupFor,
  setSwitch,
  sleep,
  startServer,
  type TestServer,
  waitForMarks,
} from './helpers';

let browser: GlossBrowser;
let server: TestServer;
let otherOrigin: TestServer;

async function reactPage(): Promise<string> {
  const bundle = await build({
    entryPoints: [path.join(FIXTURES_DIR, 'react-app.mjs')],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  return `<!doctype html><html><head><meta charset="utf-8"><title>React news</title></head>
<body><div id="root"></div><script>${script.replace(/<\/script/g, '<\\/script')}</script></body></html>`;
}

const FRAME_BODY = '<p>Inside the frame: Norway and Denmark joined the initiative.</p>';

beforeAll(async () => {
  otherOrigin = await startServer({
    '/frame.html': `<!doctype html><html><body>${FRAME_BODY}</body></html>`,
  });
  server = await startServer({
    '/shadow.html': `<!doctype html><html><body>
      <p>Outside: Canada.</p>
      <div id="host"></div>
      <script>
        const root = document.getElementById('host').attachShadow({ mode: 'open' });
        root.innerHTML = '<style>p { color: rgb(1, 2, 3) }</style><p id="inner">Inside the shadow root: Antony Blinken met Zhao Lijian.</p>';
        const nested = document.createElement('div');
        root.append(nested);
        nested.attachShadow({ mode: 'open' }).innerHTML = '<p>Nested: the European Commission.</p>';
      </script></body></html>`,
    '/late-shadow.html': `<!doctype html><html><body>
      <p>Outside: Canada.</p>
      <news-card id="card"></news-card>
      </body></html>`,
    '/frames.html': `<!doctype html><html><body>
      <p>Top: Japan.</p>
      <iframe id="same" src="/frame.html"></iframe>
      <iframe id="srcdoc" srcdoc="<p>Srcdoc: Samantha Power and USAID.</p>"></iframe>
      <iframe id="cross" src="${otherOrigin.url('/frame.html')}"></iframe>
      </body></html>`,
    '/frame.html': `<!doctype html><html><body>${FRAME_BODY}</body></html>`,
    '/react.html': await reactPage(),
    '/storm.html': `<!doctype html><html><body>
      <p>Canada and the United States.</p><div id="ticker"></div><div id="feed"></div>
      <script>
        window.__ticks = 0;
        let n = 0;
        setInterval(() => { window.__ticks++; }, 10);
        // 200 changes a second: a ticker that rewrites itself and a feed that grows.
        window.__storm = setInterval(() => {
          n++;
          document.getElementById('ticker').textContent = 'Tick ' + n + ': Russia and China';
          if (n % 20 === 0) {
            const p = document.createElement('p');
            p.textContent = 'Item ' + n + ': Kenya and Peru signed.';
            document.getElementById('feed').append(p);
          }
        }, 5);
      </script></body></html>`,
    '/spa.html': `<!doctype html><html><body>
      <nav><a id="next" href="/spa/2">Next story</a></nav><main id="view"><p>Story one: Canada and Japan.</p></main>
      <script>
        document.getElementById('next').addEventListener('click', (event) => {
          event.preventDefault();
          history.pushState({}, '', '/spa/2');
          const view = document.getElementById('view');
          view.replaceChildren();
          const p = document.createElement('p');
          p.textContent = 'Story two: Secretary Blinken visited Kenya.';
          view.append(p);
        });
      </script></body></html>`,
    '/demonyms.html': `<!doctype html><html><body><p id="p">Dutch and Chinese officials met in Japan.</p></body></html>`,
    '/fight.html': `<!doctype html><html><body>
      <p id="fought">Ukraine and Argentina and New Zealand.</p><p>Canada stays.</p>
      <script>
        window.__removals = 0;
        new MutationObserver(() => {
          for (const mark of document.querySelectorAll('#fought mark')) {
            window.__removals++;
            mark.replaceWith(document.createTextNode(mark.textContent));
          }
        }).observe(document.body, { childList: true, subtree: true });
      </script></body></html>`,
  });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await otherOrigin?.close();
});

async function open(pathname: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(server.url(pathname));
  return page;
}

function frameMarks(frame: Frame): Promise<string[]> {
  return frame.evaluate(
    (selector) => [...document.querySelectorAll(selector)].map((m) => m.getAttribute('data-entity') ?? ''),
    MARK,
  );
}

describe('shadow DOM', () => {
  it('highlights inside open shadow roots, nested ones too, with our styles', async () => {
    const page = await open('/shadow.html');
    await waitForMarks(page, 1);
    const inner = await page.waitForFunction(
      (selector) => {
        const root = document.getElementById('host')?.shadowRoot;
        const nested = root?.querySelector('div')?.shadowRoot;
        const ids = [...(root?.querySelectorAll(selector) ?? []), ...(nested?.querySelectorAll(selector) ?? [])].map(
          (m) => m.getAttribute('data-entity'),
        );
        return ids.length >= 3 ? ids : null;
      },
      MARK,
      { timeout: 10_000 },
    );
    expect(await inner.jsonValue()).toEqual(['person:antony-blinken', 'person:zhao-lijian', 'org:european-commission']);
    const style = await page.evaluate(() => {
      const mark = document.getElementById('host')?.shadowRoot?.querySelector('mark.gloss-mark');
      return mark ? getComputedStyle(mark).boxShadow : '';
    });
    expect(style).toContain('inset');
    // The page's own style inside the shadow root still applies to its text.
    const color = await page.evaluate(() => {
      const p = document.getElementById('host')?.shadowRoot?.getElementById('inner');
      return p ? getComputedStyle(p).color : '';
    });
    expect(color).toBe('rgb(1, 2, 3)');
    await page.close();
  });

  it('highlights a shadow root the page attaches after Gloss read its host', async () => {
    const page = await open('/late-shadow.html');
    await waitForMarks(page, 1);
    // Defined only now, so its shadow root comes after the host was read: no mutation record tells.
    await page.evaluate(() => {
      customElements.define(
        'news-card',
        class extends HTMLElement {
          connectedCallback() {
            this.attachShadow({ mode: 'open' }).innerHTML = '<p>Samantha Power of USAID spoke.</p>';
          }
        },
      );
    });
    const inside = await page.waitForFunction(
      (selector) => {
        const ids = [...(document.getElementById('card')?.shadowRoot?.querySelectorAll(selector) ?? [])].map((m) =>
          m.getAttribute('data-entity'),
        );
        return ids.length >= 2 ? ids : null;
      },
      MARK,
      { timeout: 10_000 },
    );
    expect(await inside.jsonValue()).toEqual(['person:samantha-power', 'org:usaid']);
    await page.close();
  });
});

describe('iframes', () => {
  it('highlights same-origin, srcdoc and cross-origin frames, each in its own document', async () => {
    const page = await open('/frames.html');
    await waitForMarks(page, 1);
    expect([...(await marksByEntity(page)).keys()]).toEqual(['country:jp']);
    const byId = async (id: string) => {
      const handle = await page.$(`#${id}`);
      const frame = await handle?.contentFrame();
      if (!frame) return 'no frame';
      return frame
        .waitForSelector(MARK, { timeout: 10_000 })
        .then(() => frameMarks(frame))
        .catch(() => 'no marks');
    };
    expect({
      same: await byId('same'),
      srcdoc: await byId('srcdoc'),
      cross: await byId('cross'),
    }).toEqual({
      same: ['country:no', 'country:dk'],
      srcdoc: ['person:samantha-power', 'org:usaid'],
      cross: ['country:no', 'country:dk'],
    });
    await page.close();
  });
});

describe('a React app', () => {
  it('re-renders text inside highlights without errors and highlights the new text', async () => {
    const page = await open('/react.html');
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await waitForMarks(page, 5);
    for (let round = 1; round <= 4; round++) {
      await page.evaluate(() => {
        (window as unknown as { __next: () => void; __bump: () => void }).__next();
        (window as unknown as { __bump: () => void }).__bump();
      });
      await page.waitForFunction(
        (n) => document.getElementById('mixed')?.textContent?.startsWith(`Update ${n}:`),
        round,
      );
      // React must show exactly its text: no stale fragments of ours beside it.
      await page.waitForFunction(
        (n) =>
          document.getElementById('mixed')?.textContent ===
            `Update ${n}: China and Russia criticised the pledge, said Zhao Lijian.` &&
          document.querySelectorAll('#mixed mark.gloss-mark').length >= 3,
        round,
        { timeout: 10_000 },
      );
    }
    const headline = await page.textContent('#headline');
    expect(headline).toBe('Samantha Power announces funding at the Summit for Democracy');
    await page.waitForFunction(() => document.querySelectorAll('#headline mark.gloss-mark').length === 2, null, {
      timeout: 10_000,
    });
    expect(await page.evaluate(() => (window as unknown as { __errors?: string[] }).__errors ?? [])).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('demonyms', () => {
  it('are off by default and highlighted once the user turns them on in the popup', async () => {
    const page = await open('/demonyms.html');
    await waitForMarks(page, 1);
    expect([...(await marksByEntity(page)).keys()]).toEqual(['country:jp']);
    const popup = await openPopupFor(browser.context, browser.extensionId, page);
    await setSwitch(popup, 'demonym-switch', true);
    await page.waitForFunction(() => document.querySelectorAll('#p mark.gloss-mark').length === 3, null, {
      timeout: 10_000,
    });
    expect([...(await marksByEntity(page)).keys()]).toEqual(['country:nl', 'country:cn', 'country:jp']);
    expect(await page.textContent('#p')).toBe('Dutch and Chinese officials met in Japan.');
    await setSwitch(popup, 'demonym-switch', false);
    await page.waitForFunction(() => document.querySelectorAll('#p mark.gloss-mark').length === 1, null, {
      timeout: 10_000,
    });
    await popup.close();
    await page.close();
  });
});

describe('a single-page app', () => {
  it('highlights the new view after history.pushState navigation', async () => {
    const page = await open('/spa.html');
    await waitForMarks(page, 2);
    await page.click('#next');
    await page.waitForFunction(() => location.pathname === '/spa/2');
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('#view mark.gloss-mark')].map((m) => m.getAttribute('data-entity')).join() ===
        'person:antony-blinken,country:ke',
      null,
      { timeout: 10_000 },
    );
    expect(await page.textContent('#view')).toBe('Story two: Secretary Blinken visited Kenya.');
    await page.close();
  });
});

describe('pages that never stop changing', () => {
  it('keeps up with 200 changes a second while the page stays responsive', async () => {
    const page = await open('/storm.html');
    await page.waitForFunction((selector) => document.querySelectorAll(selector).length >= 2, MARK, {
      timeout: 10_000,
    });
    const ticksBefore = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    await sleep(2_000);
    const ticksAfter = await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks);
    // A 10 ms timer ticks about 200 times in 2 s; a page Gloss had stalled would barely tick.
    expect(ticksAfter - ticksBefore).toBeGreaterThan(50);
    await page.evaluate(() => clearInterval((window as unknown as { __storm: number }).__storm));
    await page.waitForFunction(
      () => {
        const items = [...document.querySelectorAll('#feed p')];
        return items.length > 0 && items.every((p) => p.querySelectorAll('mark.gloss-mark').length === 2);
      },
      null,
      { timeout: 10_000 },
    );
    await page.waitForFunction(() => document.querySelectorAll('#ticker mark.gloss-mark').length === 2, null, {
      timeout: 10_000,
    });
    const ticker = await page.textContent('#ticker');
    expect(ticker).toMatch(/^Tick \d+: Russia and China$/);
    await page.close();
  });

  it('backs off from a page that removes its marks instead of fighting forever', async () => {
    const page = await open('/fight.html');
    await waitForMarks(page, 1);
    await sleep(3_000);
    const first = await page.evaluate(() => (window as unknown as { __removals: number }).__removals);
    await sleep(3_000);
    const second = await page.evaluate(() => (window as unknown as { __removals: number }).__removals);
    expect(second - first).toBeLessThanOrEqual(3);
    expect(await page.textContent('#fought')).toBe('Ukraine and Argentina and New Zealand.');
    expect(await countMarks(page)).toBeGreaterThanOrEqual(1);
    await page.close();
  });
});
