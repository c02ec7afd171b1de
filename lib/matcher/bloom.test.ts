import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BloomFilter } from './bloom';

const word = fc.string({ minLength: 1, maxLength: 20 });

/** `count` different words none of which is in `not`, from a seeded generator so runs repeat. */
function freshWords(count: number, not: ReadonlySet<string>, seed: number): string[] {
  const words = new Set<string>();
  for (const sample of fc.sample(fc.string({ minLength: 3, maxLength: 14, unit: 'grapheme-ascii' }), {
    numRuns: count * 3,
    seed,
  })) {
    if (!not.has(sample)) words.add(sample);
    if (words.size === count) break;
  }
  return [...words];
}

describe('BloomFilter', () => {
  it('never says no to a word it was made of', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 300 }), fc.constantFrom(0.1, 0.01, 0.001), (words, rate) => {
        const filter = BloomFilter.of(words, rate);
        for (const w of words) expect(filter.has(w), w).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it.each([0.01, 0.001])('wrongly says maybe for about %s of other words', (rate) => {
    const members = new Set(freshWords(2000, new Set(), 1));
    const filter = BloomFilter.of(members, rate);
    const others = freshWords(20000, members, 2);
    expect(others.length).toBe(20000);
    const wrong = others.filter((w) => filter.has(w)).length / others.length;
    // Near the target (seeded words: about 1.05 and 0.77 times it): at most twice it (a weak hash
    // gives far more), and not far below it (a filter sized far larger than asked).
    expect(wrong).toBeLessThan(rate * 2);
    expect(wrong).toBeGreaterThan(rate / 4);
  });

  it('says no to most words when made of none', () => {
    const filter = BloomFilter.of([]);
    expect(freshWords(1000, new Set(), 3).filter((w) => filter.has(w))).toEqual([]);
  });

  it('answers the same after a trip through toData, JSON and from', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 200 }), fc.array(word, { maxLength: 50 }), (words, probes) => {
        const filter = BloomFilter.of(words, 0.01);
        const copy = BloomFilter.from(JSON.parse(JSON.stringify(filter.toData())));
        expect(copy.hashes).toBe(filter.hashes);
        expect(copy.toData()).toEqual(filter.toData());
        for (const w of [...words, ...probes]) expect(copy.has(w)).toBe(filter.has(w));
      }),
      { numRuns: 200 },
    );
  });

  it('stays small: about 1.8 bytes a word at 0.001', () => {
    const words = freshWords(5000, new Set(), 4);
    const { bits } = BloomFilter.of(words, 0.001).toData();
    const bytes = atob(bits).length;
    // -ln(0.001) / ln(2)^2 = 14.4 bits a word.
    expect(bytes).toBeGreaterThan(words.length * 1.7);
    expect(bytes).toBeLessThan(words.length * 1.9);
  });
});
