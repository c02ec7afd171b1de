import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markdownQuote, markdownText, unescapeMarkdown } from './markdown';

describe('markdownText', () => {
  it.each([
    ['plain words', 'plain words'],
    ['*bold* and _it_', '\\*bold\\* and \\_it\\_'],
    ['[link](x) <b>', '\\[link\\](x) \\<b\\>'],
    ['# not a heading', '\\# not a heading'],
    ['- not a list', '\\- not a list'],
    ['1996. Not a list', '1996\\. Not a list'],
    ['a - b # c', 'a - b # c'],
    ['back\\slash', 'back\\\\slash'],
  ])('%j -> %j', (text, expected) => {
    expect(markdownText(text)).toBe(expected);
  });

  const line = fc.string({
    unit: fc.constantFrom('a', ' ', '*', '_', '#', '-', '+', '1', '.', ')', '>', '<', '\\', '[', '`', '|'),
  });
  const text = fc.array(line, { minLength: 1, maxLength: 4 }).map((lines) => lines.join('\n'));

  it('reads back as the text it was given (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(unescapeMarkdown(markdownText(t))).toBe(t);
      }),
    );
  });

  it('leaves no markup character unescaped and starts no line with a block mark (property)', () => {
    fc.assert(
      fc.property(text, (t) => {
        for (const out of markdownText(t).split('\n')) {
          expect(out.replace(/\\./g, '')).not.toMatch(/[\\`*_[\]<>|~]/);
          expect(out).not.toMatch(/^\s*([#+-]|\d+[.)])/);
        }
      }),
    );
  });
});

describe('markdownQuote', () => {
  it('quotes every line, the empty ones too', () => {
    expect(markdownQuote('one\n\n*two*')).toBe('> one\n>\n> \\*two\\*');
  });
});
