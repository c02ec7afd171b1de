import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Knowledge } from '../knowledge/knowledge';
import { matcherAliases } from '../knowledge/pack';
import type { Pack } from '../knowledge/schema';
import { BloomFilter } from './bloom';
import { type AliasSource, LazyMatcher, type MatcherEngine } from './lazy-matcher';
import { type Match, Matcher, type MatcherAlias, type MentionContext } from './matcher';
import { type FilterData, filterData, mayHold } from './prefilter';

const bundled = matcherAliases();
/** The engine at hand, as in the content script once the matcher's script has run. */
const engine: MatcherEngine = () => (aliases, options) => new Matcher(aliases, options);
const examplePack = JSON.parse(readFileSync(join(__dirname, '../../docs/example-pack.json'), 'utf8')) as Pack;
for (const entity of examplePack.entities) entity.relations ??= [];
/** The example pack as an imported pack: its ids namespaced ("example/country:xr"). */
const imported = new Knowledge([{ ...examplePack, id: 'example' }]).matcherAliases();

interface CountedSource extends AliasSource {
  /** How many times the names were asked for. */
  reads: number;
}

/** A source as the content script makes the bundled pack's: a word set, names at hand. */
function syncSource(aliases: readonly MatcherAlias[]): CountedSource {
  const filter = filterData(aliases, {});
  const source: CountedSource = {
    reads: 0,
    mayHold: (text) => mayHold(filter, text),
    aliases: () => {
      source.reads++;
      return aliases;
    },
  };
  return source;
}

/** A source as the content script makes an imported pack's: a Bloom filter, names read from storage. */
function promisedSource(aliases: readonly MatcherAlias[], fail = false): CountedSource {
  const data = filterData(aliases, {});
  const filter: FilterData = { ...data, words: BloomFilter.from(BloomFilter.of(data.words as Set<string>).toData()) };
  const source: CountedSource = {
    reads: 0,
    mayHold: (text) => mayHold(filter, text),
    aliases: () => {
      source.reads++;
      return fail ? Promise.reject(new Error('storage is gone')) : Promise.resolve(aliases);
    },
  };
  return source;
}

/** prepare() until nothing is left, waiting where it asks to. */
async function prepared(matcher: LazyMatcher, text: string): Promise<void> {
  for (let step = 0; step < 50; step++) {
    const next = matcher.prepare(text);
    if (next === false) return;
    if (next !== true) await next;
  }
  throw new Error('prepare() never ended');
}

const pairs = (matches: Match[]) => matches.map((m) => [m.text, m.entityId]);

const ORDINARY = [
  'The bakery opens at six and closes when the bread runs out.',
  'Flour prices rose by a third last year, the owner said.',
  'purchasing power fell; power cuts hit the ovens',
  '',
  '12:30 — 14:00',
];

describe('LazyMatcher', () => {
  it('builds nothing for text without names', () => {
    const source = syncSource(bundled);
    const matcher = new LazyMatcher(engine, [source]);
    for (const text of ORDINARY) {
      expect(matcher.wouldCompile(text)).toBe(false);
      expect(matcher.prepare(text)).toBe(false);
      expect(matcher.find(text)).toEqual([]);
    }
    expect(matcher.built).toBe(false);
    expect(matcher.compiledPatterns).toEqual([]);
    expect(matcher.warm).toBe(true);
    expect(source.reads).toBe(0);
  });

  it('builds on the first text that may hold a name, once', () => {
    const source = syncSource(bundled);
    const matcher = new LazyMatcher(engine, [source]);
    expect(matcher.find(ORDINARY[0] as string)).toEqual([]);
    expect(matcher.built).toBe(false);
    expect(matcher.wouldCompile('Talks in Canada went well.')).toBe(true);
    expect(pairs(matcher.find('Talks in Canada went well.'))).toEqual([['Canada', 'country:ca']]);
    expect(matcher.built).toBe(true);
    expect(matcher.compiledPatterns.length).toBeGreaterThan(0);
    expect(pairs(matcher.find('Then Norway and the US.'))).toEqual([
      ['Norway', 'country:no'],
      ['US', 'country:us'],
    ]);
    expect(source.reads).toBe(1);
  });

  it('builds for a dateline in capitals that names a place, so that it settles the page', () => {
    const matcher = new LazyMatcher(engine, [syncSource(bundled)]);
    const context = new Set<string>();
    expect(matcher.find('BRAZIL, Ind. — The school board voted on Monday night.', context)).toEqual([]);
    expect(matcher.built).toBe(true);
    expect(matcher.find('The bus routes north of Brazil are long.', context)).toEqual([]);
    // A dateline of a town no pack knows builds nothing.
    const other = new LazyMatcher(engine, [syncSource(bundled)]);
    expect(other.find('SPRINGFIELD, Ill. — The council met.')).toEqual([]);
    expect(other.built).toBe(false);
  });

  it('compiles step by step through prepare() before the first find', () => {
    const matcher = new LazyMatcher(engine, [syncSource(bundled)]);
    const text = 'Antony Blinken, the secretary of state, spoke in Brussels.';
    let steps = 0;
    for (let next = matcher.prepare(text); next !== false; next = matcher.prepare(text)) steps++;
    expect(steps).toBeGreaterThan(1);
    expect(matcher.built).toBe(true);
    expect(matcher.wouldCompile(text)).toBe(false);
    expect(pairs(matcher.find(text))).toEqual([['Antony Blinken', 'person:antony-blinken']]);
  });

  it('waits for a promised source through prepare(), then finds its names', async () => {
    const pack = promisedSource(imported);
    const matcher = new LazyMatcher(engine, [syncSource(bundled), pack]);
    const text = 'Ruritania and Canada signed the Harbour Data Accord.';
    const first = matcher.prepare(text);
    expect(first).toBeInstanceOf(Promise);
    await prepared(matcher, text);
    expect(pairs(matcher.find(text))).toEqual([
      ['Ruritania', 'example/country:xr'],
      ['Canada', 'country:ca'],
      ['Harbour Data Accord', 'example/initiative:harbour-data-accord'],
    ]);
    expect(pack.reads).toBe(1);
  });

  it('leaves a promised source out of a text found without prepare()', () => {
    const matcher = new LazyMatcher(engine, [syncSource(bundled), promisedSource(imported)]);
    expect(pairs(matcher.find('Ruritania and Canada.'))).toEqual([['Canada', 'country:ca']]);
  });

  it('does not read a promised source for text that cannot hold its names', () => {
    const pack = promisedSource(imported);
    const matcher = new LazyMatcher(engine, [syncSource(bundled), pack]);
    expect(matcher.prepare('Canada and Norway.')).toBe(true);
    expect(pack.reads).toBe(0);
  });

  it('goes on without a source whose names cannot be read', async () => {
    const matcher = new LazyMatcher(engine, [syncSource(bundled), promisedSource(imported, true)]);
    const text = 'Ruritania and Canada.';
    await prepared(matcher, text);
    expect(pairs(matcher.find(text))).toEqual([['Canada', 'country:ca']]);
  });

  const WORDS = 'the and said on in talks with officials Power Accord Minister Price Mr Ms signed of'.split(' ');
  const piece = fc.oneof(
    { arbitrary: fc.constantFrom(...bundled.map((a) => a.text)), weight: 2 },
    { arbitrary: fc.constantFrom(...imported.map((a) => a.text)), weight: 2 },
    { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
    { arbitrary: fc.string({ unit: 'grapheme', maxLength: 6 }), weight: 1 },
  );
  const texts = fc.array(
    fc.array(fc.tuple(piece, fc.constantFrom(' ', ', ', '. ', '\n', '\u00A0', "'s ", '')), { maxLength: 8 }),
    { minLength: 1, maxLength: 6 },
  );

  it('finds exactly what a plain Matcher of the same names finds, text after text', () => {
    fc.assert(
      fc.property(texts, (page) => {
        const lazy = new LazyMatcher(engine, [syncSource(bundled), syncSource(imported)]);
        const plain = new Matcher([...bundled, ...imported]);
        const lazyContext: MentionContext = new Set();
        const plainContext: MentionContext = new Set();
        for (const parts of page) {
          const text = parts.map(([p, s]) => p + s).join('');
          expect(lazy.find(text, lazyContext), text).toEqual(plain.find(text, plainContext));
        }
        expect(lazyContext).toEqual(plainContext);
      }),
      { numRuns: Number(process.env.GLOSS_LAZY_RUNS ?? 100) },
    );
  });

  it('finds what a plain Matcher finds, with a promised source prepared first', async () => {
    await fc.assert(
      fc.asyncProperty(texts, async (page) => {
        const lazy = new LazyMatcher(engine, [syncSource(bundled), promisedSource(imported)]);
        const plain = new Matcher([...bundled, ...imported]);
        const lazyContext: MentionContext = new Set();
        const plainContext: MentionContext = new Set();
        for (const parts of page) {
          const text = parts.map(([p, s]) => p + s).join('');
          await prepared(lazy, text);
          expect(lazy.find(text, lazyContext), text).toEqual(plain.find(text, plainContext));
        }
      }),
      { numRuns: 100 },
    );
  });

  // Sources join in the order the page needs them; the matcher is built in their order of
  // precedence all the same.
  it('gives a name two sources share to the first source, whichever joined first', () => {
    const other: MatcherAlias[] = [
      { text: 'Ruritania', kind: 'name', entityId: 'other/country:xr', entityType: 'country' },
      { text: 'Canada', kind: 'name', entityId: 'other/country:ca', entityType: 'country' },
    ];
    const lazy = new LazyMatcher(engine, [syncSource(bundled), syncSource(other)]);
    const plain = new Matcher([...bundled, ...other]);
    for (const text of ['Ruritania signed.', 'Canada signed.']) {
      expect(pairs(lazy.find(text))).toEqual(pairs(plain.find(text)));
    }
  });

  it('waits through prepare() for an engine still being loaded, then finds its names', async () => {
    let loads = 0;
    const later: MatcherEngine = () => {
      loads++;
      return Promise.resolve((aliases, options) => new Matcher(aliases, options));
    };
    const matcher = new LazyMatcher(later, [syncSource(bundled)]);
    const text = 'Brazil and India did not sign.';
    expect(matcher.find(text)).toEqual([]);
    await prepared(matcher, text);
    expect(matcher.find(text).map((m) => m.text)).toEqual(['Brazil', 'India']);
    expect(loads).toBe(1);
  });

  it('finds nothing, and asks nothing more, when the engine cannot be loaded', async () => {
    let loads = 0;
    const gone: MatcherEngine = () => {
      loads++;
      return Promise.reject(new Error('extension context invalidated'));
    };
    const matcher = new LazyMatcher(gone, [syncSource(bundled)]);
    const text = 'Brazil and India did not sign.';
    await prepared(matcher, text);
    expect(matcher.find(text)).toEqual([]);
    expect(matcher.wouldCompile(text)).toBe(false);
    expect(matcher.prepare(text)).toBe(false);
    expect(loads).toBe(1);
  });
});
