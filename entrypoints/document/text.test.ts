import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import raw from '@/data/knowledge.json';
import type { BundledPackFile } from '@/lib/knowledge/schema';
import { findQuote, paragraphs, pieces } from './text';

const pack = raw as BundledPackFile;
const sourceText = (file: string) => readFileSync(join(__dirname, '../../data/sources', file), 'utf8');

describe('paragraphs', () => {
  it('splits at blank lines and keeps offsets into the whole text', () => {
    const text = '\nTitle\n\nFirst line\nsame paragraph\n \n\n  Last.  \n';
    const list = paragraphs(text);
    expect(list.map((p) => p.text)).toEqual(['Title', 'First line\nsame paragraph', 'Last.']);
    for (const p of list) expect(text.slice(p.start, p.end)).toBe(p.text);
  });

  it('returns nothing for an empty or blank text', () => {
    expect(paragraphs('')).toEqual([]);
    expect(paragraphs(' \n\n \n')).toEqual([]);
  });

  it('keeps every non-blank character of each bundled document, in order', () => {
    for (const source of pack.documents) {
      const text = sourceText(source.file);
      const list = paragraphs(text);
      expect(list.length).toBeGreaterThan(3);
      for (const p of list) expect(text.slice(p.start, p.end)).toBe(p.text);
      expect(
        list
          .map((p) => p.text)
          .join('')
          .replace(/\s/g, ''),
      ).toBe(text.replace(/\s/g, ''));
    }
  });
});

describe('findQuote', () => {
  it('finds a quote word for word', () => {
    expect(findQuote('One. Two three. Four.', 'Two three.')).toEqual({ start: 5, end: 15, exact: true });
  });

  it('finds a quote whose spacing or quote marks differ, and says so', () => {
    const text = 'He said: “it’s  open\nand free” today.';
    const match = findQuote(text, `"it's open and free"`);
    expect(match?.exact).toBe(false);
    expect(text.slice(match?.start, match?.end)).toBe('“it’s  open\nand free”');
  });

  it('says null when the quote is not there', () => {
    expect(findQuote('One. Two.', 'Three.')).toBeNull();
    expect(findQuote('One. Two.', '   ')).toBeNull();
  });

  it('finds every quote of the pack word for word in its document', () => {
    const texts = new Map(pack.documents.map((s) => [s.id, sourceText(s.file)]));
    for (const entity of pack.entities) {
      for (const { source, quote } of [...entity.roles, ...entity.relations]) {
        const match = findQuote(texts.get(source) ?? '', quote);
        expect(match?.exact, `${entity.id}: ${quote.slice(0, 40)}`).toBe(true);
      }
    }
  });
});

describe('pieces', () => {
  const paragraph = { start: 10, end: 20, text: 'abcdefghij' };
  it('marks the part of the span inside the paragraph', () => {
    expect(pieces(paragraph, { start: 12, end: 15 })).toEqual([
      { text: 'ab', marked: false },
      { text: 'cde', marked: true },
      { text: 'fghij', marked: false },
    ]);
  });
  it('marks to the edge when the span runs on into the next or previous paragraph', () => {
    expect(pieces(paragraph, { start: 5, end: 12 })).toEqual([
      { text: 'ab', marked: true },
      { text: 'cdefghij', marked: false },
    ]);
    expect(pieces(paragraph, { start: 0, end: 40 })).toEqual([{ text: 'abcdefghij', marked: true }]);
  });
  it('leaves a paragraph outside the span whole', () => {
    expect(pieces(paragraph, { start: 20, end: 30 })).toEqual([{ text: 'abcdefghij', marked: false }]);
    expect(pieces(paragraph, null)).toEqual([{ text: 'abcdefghij', marked: false }]);
  });
});
