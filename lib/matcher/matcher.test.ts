import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matcherAliases } from '../knowledge/pack';
import { Matcher, normalizeSurface } from './matcher';

const matcher = new Matcher(matcherAliases());
const found = (text: string) => matcher.find(text).map((m) => [m.text, m.entityId]);

describe('Matcher on the real pack', () => {
  it.each([
    ['The US said', [['US', 'country:us']]],
    [
      'the U.S. and Canada',
      [
        ['U.S.', 'country:us'],
        ['Canada', 'country:ca'],
      ],
    ],
    ['The United States of America', [['United States of America', 'country:us']]],
    ['New Zealand signed', [['New Zealand', 'country:nz']]],
    ['the European Commission said', [['European Commission', 'org:european-commission']]],
    ["China's firewall", [['China', 'country:cn']]],
    ['China’s firewall', [['China', 'country:cn']]],
    ['Secretary Blinken spoke', [['Secretary Blinken', 'person:antony-blinken']]],
    ['Antony\u00a0Blinken spoke', [['Antony\u00a0Blinken', 'person:antony-blinken']]],
    ['Antony\nBlinken spoke', [['Antony\nBlinken', 'person:antony-blinken']]],
    [
      'the UK and the U.K.',
      [
        ['UK', 'country:gb'],
        ['U.K.', 'country:gb'],
      ],
    ],
    ['Britain', [['Britain', 'country:gb']]],
    ['Trinidad and Tobago', [['Trinidad and Tobago', 'country:tt']]],
    ['Niger and Nigeria', [['Niger', 'country:ne']]],
    [
      'the G7 and G20 groups',
      [
        ['G7', 'org:g7'],
        ['G20', 'org:g20'],
      ],
    ],
    ['Ms Power said', [['Ms Power', 'person:samantha-power']]],
    ['联合国', [['联合国', 'org:un']]],
    ['在联合国发言', [['联合国', 'org:un']]],
  ])('%j', (text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it.each([
    'let us go',
    'Us against them',
    'a USB stick',
    'focus on the bonus at the campus',
    'the un-American',
    'Eu sou',
    'Zealand alone',
    'the European view',
    'power and price',
    'a painter',
    'USA-Today'.toLowerCase(),
  ])('finds nothing in %j', (text) => {
    expect(found(text)).toEqual([]);
  });

  it('counts a bare surname only after the full name', () => {
    expect(found('Power said. Samantha Power said. Power added.')).toEqual([
      ['Samantha Power', 'person:samantha-power'],
      ['Power', 'person:samantha-power'],
    ]);
  });

  it('carries the page context across calls', () => {
    const context = new Set<string>();
    matcher.find('Ned Price spoke.', context);
    expect(matcher.find('Price added.', context).map((m) => m.entityId)).toEqual(['person:ned-price']);
    expect(matcher.find('Price added.').map((m) => m.entityId)).toEqual([]);
  });

  it('leaves demonyms out unless asked', () => {
    expect(found('Chinese and Dutch officials')).toEqual([]);
    const withDemonyms = new Matcher(matcherAliases(), { demonyms: true });
    expect(withDemonyms.find('Chinese and Dutch officials').map((m) => m.entityId)).toEqual([
      'country:cn',
      'country:nl',
    ]);
  });

  it('finds every alias of the pack in a sentence around it', () => {
    const misses: string[] = [];
    for (const alias of matcherAliases()) {
      if (alias.kind === 'demonym' || alias.kind === 'reference') continue;
      const text = `Yesterday ${alias.text} said.`;
      const match = matcher.find(text).find((m) => m.start === 10);
      // A longer alias of another entity may contain this one (e.g. "Republic of Moldova"),
      // but then the match must be at least as long.
      if (!match || match.end - match.start < alias.text.length) misses.push(alias.text);
      else if (match.end - match.start === alias.text.length && match.entityId !== alias.entityId)
        misses.push(`${alias.text} -> ${match.entityId}`);
    }
    expect(misses).toEqual([]);
  });
});

describe('Matcher properties', () => {
  const small = new Matcher([
    { text: 'United States', kind: 'name', entityId: 'country:us', entityType: 'country' },
    { text: 'US', kind: 'acronym', entityId: 'country:us', entityType: 'country' },
    { text: 'States', kind: 'short', entityId: 'x:states', entityType: 'organization' },
  ]);

  it('returns ordered, non-overlapping matches whose text is the slice', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('United States', 'US', 'States', 'us', ' ', '\u00a0', 'x', 'UStates', '.', "'s"), {
          maxLength: 30,
        }),
        (parts) => {
          const text = parts.join('');
          let last = 0;
          for (const m of small.find(text)) {
            expect(m.start).toBeGreaterThanOrEqual(last);
            expect(m.end).toBeGreaterThan(m.start);
            expect(text.slice(m.start, m.end)).toBe(m.text);
            last = m.end;
          }
        },
      ),
    );
  });

  it('never matches inside a word', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'b', 'U', 'S', 'é', '1', '_') }),
        fc.boolean(),
        (word, before) => {
          const text = before ? `${word}US` : `US${word}`;
          const touching = word.length > 0;
          expect(small.find(text).length === 0).toBe(touching);
        },
      ),
    );
  });

  it('normalizes spaces and apostrophes', () => {
    expect(normalizeSurface('People\u2019s\u00a0\n Republic')).toBe("People's Republic");
  });
});
