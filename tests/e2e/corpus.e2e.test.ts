// Accuracy of the built extension on the gold corpus (tests/corpus): every page is served on
// 127.0.0.1 and opened in Chromium with Gloss loaded; its highlights are read back as offsets into
// body.textContent and scored against the page's hand-made gold. Prints the table, writes it to
// tests/corpus/RESULTS.md, and fails below the thresholds or when any trap is highlighted.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CorpusPage, loadCorpus, RESULTS_PATH } from '../corpus/pages';
import {
  describeErrors,
  type MarkPiece,
  markdownTable,
  mergePieces,
  type PageScore,
  resolveGold,
  scorePage,
  totals,
} from '../corpus/score';
import { ROOT } from './fixtures/documents';
import {
  CONTINUED,
  EXTENSION_PATH,
  type GlossBrowser,
  launchBrowser,
  MARK,
  parsedBodyText,
  sleep,
  startServer,
  type TestServer,
} from './helpers';

const THRESHOLDS = { recall: 0.97, precision: 0.98 };

const corpus = loadCorpus();
const pagePath = (page: CorpusPage) => `/${page.name}.html`;

interface PageResult {
  name: string;
  text: string;
  score?: PageScore;
  /** Gold that does not fit the page, or a page whose text the extension changed. */
  problems: string[];
}

const results: PageResult[] = [];
let browser: GlossBrowser;
let server: TestServer;

beforeAll(async () => {
  server = await startServer(Object.fromEntries(corpus.map((page) => [pagePath(page), page.html])));
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/**
 * Waits until the highlights stop changing: the same marks for `quietMs`, or no mark at all after
 * `emptyMs` (a page where Gloss finds nothing still gets scored).
 */
async function settle(page: Page, quietMs = 800, emptyMs = 6_000, timeoutMs = 30_000): Promise<void> {
  const started = Date.now();
  let last = '';
  let since = Date.now();
  for (;;) {
    const state = await page.evaluate((mark) => {
      const marks = document.querySelectorAll(mark);
      return { count: marks.length, signature: `${marks.length}:${document.body.innerHTML.length}` };
    }, MARK);
    const now = Date.now();
    if (state.signature !== last) {
      last = state.signature;
      since = now;
    }
    if (state.count > 0 && now - since >= quietMs) return;
    if (state.count === 0 && now - started >= emptyMs) return;
    if (now - started > timeoutMs) throw new Error(`Highlights still changing after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/** body.textContent and every Gloss mark as offsets into it, in document order. */
function readMarks(page: Page): Promise<{ text: string; pieces: MarkPiece[] }> {
  return page.evaluate(
    ([mark, continued]) => {
      const pieces: MarkPiece[] = [];
      const byMark = new Map<Element, MarkPiece>();
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let offset = 0;
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = (node as Text).data.length;
        const owner = node.parentElement?.closest(mark);
        if (owner) {
          const known = byMark.get(owner);
          if (known) {
            known.end = offset + length;
          } else {
            const piece = {
              entity: owner.getAttribute('data-entity') ?? '',
              start: offset,
              end: offset + length,
              continued: owner.hasAttribute(continued),
            };
            byMark.set(owner, piece);
            pieces.push(piece);
          }
        }
        offset += length;
      }
      return { text: document.body.textContent ?? '', pieces };
    },
    [MARK, CONTINUED] as const,
  );
}

describe('accuracy corpus', () => {
  for (const corpusPage of corpus) {
    it(`reads the highlights on ${corpusPage.name}`, async () => {
      const page = await browser.context.newPage();
      const result: PageResult = { name: corpusPage.name, text: '', problems: [] };
      results.push(result);
      try {
        await page.goto(server.url(pagePath(corpusPage)));
        await settle(page);
        const { text, pieces } = await readMarks(page);
        result.text = text;
        const served = await parsedBodyText(page, corpusPage.html);
        if (text !== served) result.problems.push('the page text differs from the served HTML after highlighting');
        try {
          const gold = resolveGold(corpusPage.gold, text);
          result.score = scorePage(corpusPage.name, gold, mergePieces(pieces, text));
        } catch (error) {
          result.problems.push(`gold does not fit the page: ${(error as Error).message}`);
        }
      } finally {
        await page.close();
      }
    });
  }

  it(`reaches recall >= ${THRESHOLDS.recall} and precision >= ${THRESHOLDS.precision} with no trap highlighted`, () => {
    const scores = results.flatMap((r) => (r.score ? [r.score] : []));
    const overall = totals(scores);
    const table = markdownTable(scores);
    const failures = [
      ...results.flatMap((r) => r.problems.map((p) => `${r.name}: ${p}`)),
      ...(results.length < corpus.length ? [`only ${results.length} of ${corpus.length} pages were read`] : []),
      ...(overall.recall < THRESHOLDS.recall ? [`recall ${overall.recall.toFixed(3)} < ${THRESHOLDS.recall}`] : []),
      ...(overall.precision < THRESHOLDS.precision
        ? [`precision ${overall.precision.toFixed(3)} < ${THRESHOLDS.precision}`]
        : []),
      ...(overall.trapsHit > 0 ? [`${overall.trapsHit} of ${overall.traps} traps highlighted`] : []),
    ];
    const details = results.flatMap((r) => {
      const lines = r.score ? describeErrors(r.score, r.text) : [];
      const all = [...r.problems.map((p) => `- PROBLEM ${p}`), ...lines];
      return all.length > 0 ? ['', `### ${r.name}`, '', ...all] : [];
    });
    const relative = path.relative(ROOT, EXTENSION_PATH);
    const extension = relative.startsWith('..') || path.isAbsolute(relative) ? EXTENSION_PATH : relative;
    const report = [
      '# Accuracy corpus: results',
      '',
      `Written by \`tests/e2e/corpus.e2e.test.ts\`: the extension at \`${extension}\``,
      `in Chromium, on the ${corpus.length} pages of \`tests/corpus/pages\` scored against their gold`,
      '(see `tests/corpus/README.md`). Precision, recall and F1 count mentions; the overall row is',
      'micro-averaged. Thresholds: recall >= 0.97, precision >= 0.98, no trap highlighted.',
      '',
      table,
      '',
      failures.length === 0 ? '**Pass.**' : `**Fail:** ${failures.join('; ')}.`,
      ...(details.length > 0
        ? [
            '',
            '## Misses, wrong highlights and traps hit',
            '',
            'FN: a gold mention with no mark of exactly its span and entity. FP: a mention that matches no',
            'gold mention. TRAP: a mark on text that must stay plain. ⟦ ⟧ shows the span in its context.',
            ...details,
          ]
        : []),
      '',
    ].join('\n');
    writeFileSync(RESULTS_PATH, report);
    console.log(`\n${report}`);
    expect(failures).toEqual([]);
  });
});
