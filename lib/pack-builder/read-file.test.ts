// Each input kind and each bad input, read as the CLI reads them (jsdom, pdfjs-dist's legacy build).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nodeParsers } from '../../scripts/pack-parsers';
import { dedupe, MAX_DOCUMENT_BYTES, statedDate } from './documents';
import { readDocumentFile } from './read-file';

const DIR = 'tests/fixtures/pack-builder';
const bytes = (path: string) => new Uint8Array(readFileSync(`${DIR}/${path}`));
const read = async (name: string, data: Uint8Array) => readDocumentFile(name, data, await nodeParsers());
const ok = async (name: string, data: Uint8Array) => {
  const result = await read(name, data);
  if (!result.ok) throw new Error(`${name}: ${result.detail}`);
  return result.document;
};

describe('readDocumentFile: the kinds of input', () => {
  it('.txt: the first line is the title, the date the text states, the text verbatim', async () => {
    const document = await ok('reef-summit.txt', bytes('docs/reef-summit.txt'));
    expect(document).toMatchObject({
      id: 'reef-summit',
      title: 'Reef Summit closes with a pledge on coastal data',
      date: '2025-05-14',
    });
    expect(document.text).toBe(readFileSync(`${DIR}/docs/reef-summit.txt`, 'utf8'));
  });

  it('.md: the first heading is the title, without its #', async () => {
    const document = await ok('fisheries-note.md', bytes('docs/fisheries-note.md'));
    expect(document.title).toBe('Briefing note: the Atlantic Fisheries Compact');
    expect(document.date).toBe('2025-06-02');
  });

  it('.html: the readable article only (no menu, no footer), its title and publication date', async () => {
    const document = await ok('ports-article.html', bytes('docs/ports-article.html'));
    expect(document.title).toMatch(/Ports agree on shore power/);
    expect(document.date).toBe('2025-04-09');
    expect(document.text).toContain(
      'The ports of Rotterdam and Antwerp signed the Clean Berth Initiative on Wednesday',
    );
    expect(document.text).not.toMatch(/Subscribe|Sport/);
    // One paragraph a line, so a quote is a sentence of one paragraph.
    expect(document.text.split('\n\n').length).toBeGreaterThanOrEqual(4);
  });

  it('.html: a script in the page never runs', async () => {
    const html =
      '<html><body><article><p>Norway and Chile met in Oslo to talk about the sea, at length and in public.</p><script>globalThis.ran = true</script></article></body></html>';
    await ok('page.html', new TextEncoder().encode(html));
    expect((globalThis as { ran?: boolean }).ran).toBeUndefined();
  });

  it('.pdf: the text layer, a line per line, with the title of its metadata', async () => {
    const document = await ok('harbour-accord.pdf', bytes('docs/harbour-accord.pdf'));
    expect(document.title).toBe('Harbour Accord review');
    expect(document.date).toBe('2025-03-12');
    expect(document.text).toContain('The Harbour Accord was signed by Norway and Portugal in Lisbon.');
  });
});

describe('readDocumentFile: bad input, each with its reason', () => {
  it.each([
    ['empty.txt', 'empty'],
    ['image.txt', 'binary'],
    ['latin1.txt', 'not-utf8'],
    ['scanned.pdf', 'no-text-layer'],
  ])('%s: %s', async (file, problem) => {
    const result = await read(file, bytes(`bad/${file}`));
    expect(result).toMatchObject({ ok: false, problem });
    expect(result.ok ? '' : result.detail).not.toBe('');
  });

  it('a file over the stated limit is refused before it is decoded', async () => {
    const result = await read('huge.txt', new Uint8Array(MAX_DOCUMENT_BYTES + 1).fill(65));
    expect(result).toMatchObject({ ok: false, problem: 'too-large' });
  });

  it('a kind it does not read, a .pdf that is no PDF, an HTML page with no text', async () => {
    expect(await read('sheet.xlsx', new Uint8Array([1, 2]))).toMatchObject({ ok: false, problem: 'unsupported' });
    expect(await read('fake.pdf', new TextEncoder().encode('hello'))).toMatchObject({
      ok: false,
      problem: 'unreadable',
    });
    expect(await read('blank.html', new TextEncoder().encode('<html><body> </body></html>'))).toMatchObject({
      ok: false,
      problem: 'empty',
    });
  });

  it('without a DOM (the extension), HTML is read by the pure reader; PDF without pdfjs is refused', async () => {
    const html = await readDocumentFile('ports-article.html', bytes('docs/ports-article.html'), {});
    if (!html.ok) throw new Error(html.detail);
    expect(html.document).toMatchObject({ title: 'Ports agree on shore power | Harbour Times', date: '2025-04-09' });
    expect(html.document.text).toContain('The ports of Rotterdam and Antwerp signed the Clean Berth Initiative');
    expect(html.document.text).not.toMatch(/Subscribe|Sport/);
    const pdf = await readDocumentFile('harbour-accord.pdf', bytes('docs/harbour-accord.pdf'), {});
    expect(pdf).toMatchObject({ ok: false, problem: 'unsupported' });
  });

  it('the same text twice is kept once, the copy named; two files of one name get two ids', async () => {
    const one = await ok('reef-summit.txt', bytes('docs/reef-summit.txt'));
    const copy = await ok('reef-summit-copy.txt', bytes('bad/reef-summit-copy.txt'));
    const other = { ...(await ok('fisheries-note.md', bytes('docs/fisheries-note.md'))), id: 'reef-summit' };
    const { kept, duplicates } = dedupe([
      { file: 'a/reef-summit.txt', document: one },
      { file: 'b/reef-summit-copy.txt', document: copy },
      { file: 'c/reef-summit.md', document: other },
    ]);
    expect(duplicates).toEqual([{ file: 'b/reef-summit-copy.txt', of: 'a/reef-summit.txt' }]);
    expect(kept.map((item) => item.document.id)).toEqual(['reef-summit', 'reef-summit-2']);
  });
});

describe('statedDate', () => {
  it.each([
    ['Published 14 May 2025', '2025-05-14'],
    ['WASHINGTON, Dec. 10, 2021 — The', '2021-12-10'],
    ['remarks (2022-4-29)', '2022-04-29'],
    ['April 28, 2022', '2022-04-28'],
    ['In 2022 and later', undefined],
    ['on 31 Foo 2020', undefined],
  ])('%s', (text, date) => {
    expect(statedDate(text)).toBe(date);
  });
});
