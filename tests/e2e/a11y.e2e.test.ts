// Accessibility of what Gloss adds to a page, checked with axe-core: the highlights on a news page,
// and the in-page card. The card lives in a closed shadow root, where axe cannot look; the test
// copies the open card's DOM and style sheets, as the browser rendered them, into an open shadow
// root of a blank page and runs axe there. (The popup, options page and document viewer have their
// own axe checks in popup.e2e and options.e2e.)
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './fixtures/documents';
import { type GlossBrowser, inCardShadow, launchBrowser, startServer, type TestServer, waitForMarks } from './helpers';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  targets: string[];
}

let browser: GlossBrowser;
let server: TestServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startServer({
    '/demo.html': readFileSync(path.join(ROOT, 'demo/index.html'), 'utf8'),
    '/blank.html':
      '<!doctype html><html lang="en"><head><title>Card copy</title></head><body><main id="host"></main></body></html>',
  });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Serious and critical violations axe finds under `selector` (the whole page by default). */
async function axeViolations(p: Page, include?: string): Promise<Violation[]> {
  await p.evaluate(AXE);
  return p.evaluate(async (scope) => {
    type Result = { violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] };
    const axe = (globalThis as unknown as { axe: { run(context?: unknown): Promise<Result> } }).axe;
    const result = await axe.run(scope ? { include: [[scope]] } : document);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, include ?? null);
}

/** The open card's shadow root as HTML (its <style> elements and adopted sheets included). */
async function cardHtml(p: Page): Promise<string> {
  const session = await browser.context.newCDPSession(p);
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const html = await inCardShadow<string>(
        session,
        `function () {
          if (!this.querySelector('[role="dialog"] h2')) return null;
          const adopted = [...this.adoptedStyleSheets].map((sheet) =>
            [...sheet.cssRules].map((rule) => rule.cssText).join('\\n'));
          return adopted.map((css) => '<style>' + css + '</style>').join('') + this.innerHTML;
        }`,
      );
      if (html !== null) return html;
      if (Date.now() > deadline) throw new Error('No open card');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  } finally {
    await session.detach();
  }
}

describe.each(['light', 'dark'] as const)('axe, %s', (colorScheme) => {
  it('finds no serious or critical violation in the highlights of a news page', async () => {
    const p = await browser.context.newPage();
    try {
      await p.emulateMedia({ colorScheme });
      await p.goto(server.url('/demo.html'));
      await waitForMarks(p, 10);
      const violations = await axeViolations(p);
      // The demo page is ours too: it must be clean as a whole, marks included.
      expect(violations).toEqual([]);
      // The check can fail: a mark whose text cannot be read against its tint is reported.
      await p.evaluate(() => {
        const mark = document.querySelector('mark.gloss-mark') as HTMLElement;
        mark.style.setProperty('color', '#e8f0ff', 'important');
      });
      expect((await axeViolations(p)).map((v) => v.id)).toContain('color-contrast');
    } finally {
      await p.close();
    }
  });

  it('finds no serious or critical violation in an open in-page card', async () => {
    const p = await browser.context.newPage();
    try {
      await p.emulateMedia({ colorScheme });
      await p.setViewportSize({ width: 1100, height: 800 });
      await p.goto(server.url('/demo.html'));
      await waitForMarks(p, 10);
      await p.hover('mark.gloss-mark[data-entity="initiative:dfi"]');
      const html = await cardHtml(p);
      expect(html).toContain('Declaration for the Future of the Internet');

      const copy = await browser.context.newPage();
      try {
        await copy.emulateMedia({ colorScheme });
        await copy.goto(server.url('/blank.html'));
        await copy.evaluate((content) => {
          const host = document.getElementById('host') as HTMLElement;
          const shadow = host.attachShadow({ mode: 'open' });
          // Test-only: our own card's markup, read back from the browser, into a test page.
          shadow.setHTMLUnsafe(content);
        }, html);
        expect(
          await copy.evaluate(() => !!document.getElementById('host')?.shadowRoot?.querySelector('[role="dialog"]')),
        ).toBe(true);
        expect(await axeViolations(copy)).toEqual([]);
      } finally {
        await copy.close();
      }
    } finally {
      await p.close();
    }
  });
});
