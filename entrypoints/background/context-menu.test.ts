import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LOOKUP_TEXT, parseMessage } from '@/lib/messages';
import { isLookupAnswer, lookupFallbackPath, lookupMenuTitle, lookupText } from './context-menu';

describe('lookupText', () => {
  it('collapses spaces and line breaks', () => {
    expect(lookupText('  Antony\n\tBlinken\u00a0 ')).toBe('Antony Blinken');
  });

  it.each([undefined, null, 42, {}, '', '   \n\t '])('has nothing to look up in %o', (selection) => {
    expect(lookupText(selection)).toBeNull();
  });

  it('keeps the start of a long selection, within what a page/lookup message allows', () => {
    const text = lookupText(`${'Freedom Online Coalition '.repeat(500)}`);
    expect(text).not.toBeNull();
    expect(text?.length).toBeLessThanOrEqual(MAX_LOOKUP_TEXT);
    expect(text?.startsWith('Freedom Online Coalition Freedom')).toBe(true);
  });

  it('does not cut a character in two', () => {
    const text = lookupText(`${'a'.repeat(MAX_LOOKUP_TEXT - 1)}😀 tail`);
    expect(text).toBe('a'.repeat(MAX_LOOKUP_TEXT - 1));
  });

  it('always makes a valid page/lookup message from any selection', () => {
    // Text made of what matters here (spaces of all kinds, letters, surrogate pairs and lone
    // halves), short or crossing the length limit with any of them at the cut.
    const unit = fc.constantFrom(' ', '\n', '\t', '\u00a0', '\u2003', 'a', 'é', '中', '😀', '\ud800', '\udc00');
    const selection = fc.oneof(
      fc.string({ unit, maxLength: 40 }),
      fc
        .tuple(fc.integer({ min: MAX_LOOKUP_TEXT - 4, max: MAX_LOOKUP_TEXT + 4 }), fc.string({ unit, maxLength: 8 }))
        .map(([length, tail]) => `${'a'.repeat(length)}${tail}`),
    );
    fc.assert(
      fc.property(selection, (text) => {
        const looked = lookupText(text);
        if (looked === null) return text.trim() === '';
        return (
          parseMessage({ type: 'page/lookup', text: looked, entityId: null }, 'page/lookup') !== null &&
          looked.trim() === looked
        );
      }),
      { numRuns: 300 },
    );
  });
});

describe('isLookupAnswer', () => {
  it.each([{ entityId: 'country:br' }, { entityId: null }])('accepts %o', (answer) => {
    expect(isLookupAnswer(answer)).toBe(true);
  });
  it.each([undefined, null, [], {}, { entityId: 3 }, { error: 'Malformed "page/lookup" message' }, 'country:br'])(
    'rejects %o',
    (answer) => {
      expect(isLookupAnswer(answer)).toBe(false);
    },
  );
});

describe('lookupFallbackPath', () => {
  it('opens the popup page searching for the text, about the tab it came from', () => {
    const path = lookupFallbackPath('Déclaration & co?', 12);
    const url = new URL(path, 'chrome-extension://id');
    expect(url.pathname).toBe('/popup.html');
    expect(url.searchParams.get('search')).toBe('Déclaration & co?');
    expect(url.searchParams.get('tab')).toBe('12');
    expect(new URL(lookupFallbackPath('x'), 'chrome-extension://id').searchParams.has('tab')).toBe(false);
  });
});

it('the menu title leaves %s for the browser to put the selection in, once', () => {
  expect(lookupMenuTitle()).toBe('Look up “%s” in Gloss');
  expect(lookupMenuTitle().split('%s')).toHaveLength(2);
});
