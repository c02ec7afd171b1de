import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_PACK_BYTES, type PackProblem, packProblems, readPackFile, writePackFile } from './pack-file';
import type { Pack } from './schema';

const EXAMPLE_TEXT = readFileSync(join(__dirname, '../../docs/example-pack.json'), 'utf8');
const example = (): Pack => JSON.parse(EXAMPLE_TEXT) as Pack;
const read = (text: string, installed: readonly string[] = []) => readPackFile(text, text.length, installed);
/** A changed copy of the example pack, as a file. */
const edited = (change: (pack: Pack) => void): string => {
  const pack = example();
  change(pack);
  return JSON.stringify(pack);
};
const codes = (result: ReturnType<typeof readPackFile>): PackProblem['code'][] =>
  result.ok ? [] : result.problems.map((p) => p.code);

describe('readPackFile', () => {
  it('accepts docs/example-pack.json as it is', () => {
    const result = read(EXAMPLE_TEXT);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(result.pack.id).toBe('harbour-accord-example');
    expect(result.pack.entities.map((e) => e.id)).toEqual([
      'initiative:harbour-data-accord',
      'country:xr',
      'country:xf',
      'person:ingrid-halvorsen',
    ]);
    // An entity without relations gets an empty list, as the rest of Gloss expects.
    expect(result.pack.entities[0]?.relations).toEqual([]);
  });

  it('gives back the same pack from what writePackFile writes', () => {
    const first = read(EXAMPLE_TEXT);
    if (!first.ok) throw new Error('the example is refused');
    const again = read(writePackFile(first.pack));
    expect(again).toEqual(first);
  });

  const refused: [PackProblem['code'], () => ReturnType<typeof readPackFile>, Partial<PackProblem>?][] = [
    ['too-large', () => readPackFile(EXAMPLE_TEXT, MAX_PACK_BYTES + 1), { maxMegabytes: 20 }],
    ['not-json', () => read('{"format": "gloss-pack/1",')],
    [
      'forbidden-key',
      () => read(EXAMPLE_TEXT.replace('"format"', '"__proto__": {"x": 1},\n  "format"')),
      { key: '__proto__' },
    ],
    ['not-pack', () => read('{"version": 2, "settings": {}}')],
    [
      'newer-format',
      () => read(edited((p) => Object.assign(p, { format: 'gloss-pack/2' }))),
      { format: 'gloss-pack/2' },
    ],
    ['invalid', () => read(edited((p) => Object.assign(p, { id: 'Not A Valid Id' }))), { at: 'id' }],
    [
      'duplicate-entity',
      () => read(edited((p) => p.entities.push(structuredClone(p.entities[1] as Pack['entities'][number])))),
      { id: 'country:xr' },
    ],
    [
      'duplicate-document',
      () => read(edited((p) => p.documents.push(structuredClone(p.documents[0] as Pack['documents'][number])))),
      { id: 'accord-launch' },
    ],
    [
      'wrong-prefix',
      () => read(edited((p) => Object.assign(p.entities[3] as object, { type: 'organization' }))),
      { id: 'person:ingrid-halvorsen', expected: 'org:' },
    ],
    [
      'unknown-document',
      () => read(edited((p) => Object.assign(p.entities[0]?.roles[0] as object, { source: 'no-such-document' }))),
      { at: 'entities[0].roles[0].source', document: 'no-such-document' },
    ],
    [
      'quote-not-found',
      // One letter changed: a quote must be verbatim, not nearly.
      () =>
        read(
          edited((p) =>
            Object.assign(p.entities[2]?.roles[0] as object, { quote: 'had refused similar deals for a decadE' }),
          ),
        ),
      { at: 'entities[2].roles[0].quote', document: 'accord-editorial' },
    ],
    [
      'unknown-target',
      () =>
        read(edited((p) => Object.assign(p.entities[1]?.relations?.[0] as object, { target: 'initiative:nothing' }))),
      { at: 'entities[1].relations[0].target', target: 'initiative:nothing' },
    ],
    ['reserved-id', () => read(edited((p) => Object.assign(p, { id: 'gloss' }))), { id: 'gloss' }],
    [
      'already-installed',
      () => read(EXAMPLE_TEXT, ['other', 'harbour-accord-example']),
      { id: 'harbour-accord-example' },
    ],
  ];

  it('checks events as it checks roles: their documents, verbatim quotes, entities and dates', () => {
    const problems = (change: (event: NonNullable<Pack['events']>[number]) => void) => {
      const result = read(edited((p) => change(p.events?.[1] as NonNullable<Pack['events']>[number])));
      return result.ok ? [] : result.problems;
    };
    expect(problems((e) => Object.assign(e, { source: 'nowhere' }))).toEqual([
      { code: 'unknown-document', at: 'events[1].source', document: 'nowhere' },
    ]);
    expect(problems((e) => Object.assign(e, { quote: 'meets for the first time in June.' }))).toEqual([
      {
        code: 'quote-not-found',
        at: 'events[1].quote',
        document: 'accord-editorial',
        quote: 'meets for the first time in June.',
      },
    ]);
    expect(problems((e) => e.entities.push('country:nowhere'))).toEqual([
      { code: 'unknown-target', at: 'events[1].entities[2]', target: 'country:nowhere' },
    ]);
    for (const date of ['2026-13', '26-05', '2026-05-32', '2026/05', 'May 2026']) {
      expect(
        problems((e) => Object.assign(e, { date })).map((p) => p.code === 'invalid' && p.at),
        date,
      ).toEqual(['events[1].date']);
    }
    expect(problems((e) => Object.assign(e, { entities: [] })).map((p) => p.code)).toEqual(['invalid']);
    // A pack without events is a pack.
    expect(read(edited((p) => delete p.events)).ok).toBe(true);
  });

  it('has a case below for every problem code', () => {
    const all: Record<PackProblem['code'], true> = {
      'too-large': true,
      'not-json': true,
      'forbidden-key': true,
      'not-pack': true,
      'newer-format': true,
      invalid: true,
      'duplicate-entity': true,
      'duplicate-document': true,
      'wrong-prefix': true,
      'unknown-document': true,
      'quote-not-found': true,
      'unknown-target': true,
      'reserved-id': true,
      'already-installed': true,
    };
    expect(refused.map(([code]) => code).sort()).toEqual(Object.keys(all).sort());
  });

  it.each(refused)('refuses a file with exactly the problem %s', (code, result, details) => {
    const outcome = result();
    expect(codes(outcome)).toEqual([code]);
    if (!outcome.ok && details) expect(outcome.problems[0]).toMatchObject(details);
  });

  it('refuses a name of spaces only (names are trimmed before they are checked)', () => {
    expect(codes(read(edited((p) => Object.assign(p, { name: '   ' }))))).toEqual(['invalid']);
  });

  it('refuses unknown fields, an alias kind or relation type it does not know, and a bad url', () => {
    const cases = [
      edited((p) => Object.assign(p, { extra: 1 })),
      edited((p) => Object.assign(p.entities[0]?.aliases[0] as object, { kind: 'nickname' })),
      edited((p) => Object.assign(p.entities[1]?.relations?.[0] as object, { type: 'admires' })),
      edited((p) => Object.assign(p.documents[0] as object, { url: 'not a url' })),
      edited((p) => Object.assign(p.documents[0] as object, { date: '14 March 2026' })),
      edited((p) => Object.assign(p.entities[0] as object, { roles: [] })),
    ];
    for (const text of cases) expect(codes(read(text)), text.slice(0, 80)).toEqual(['invalid']);
  });

  it('lists every problem of a file, not only the first', () => {
    const text = edited((p) => {
      Object.assign(p.entities[0]?.roles[0] as object, { quote: 'not in the text' });
      Object.assign(p.entities[1]?.relations?.[0] as object, { target: 'country:nowhere' });
    });
    expect(codes(read(text)).sort()).toEqual(['quote-not-found', 'unknown-target']);
  });

  it('checks the size given, before reading anything', () => {
    expect(codes(readPackFile('not even json', MAX_PACK_BYTES + 1))).toEqual(['too-large']);
    expect(codes(readPackFile(EXAMPLE_TEXT, MAX_PACK_BYTES))).toEqual([]);
  });

  it('never throws, whatever the text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 300 }), fc.json()), (text) => {
        const result = read(text);
        expect(result.ok).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on any JSON, and takes nothing that is not a whole pack', () => {
    const header = fc.record({
      format: fc.constantFrom('gloss-pack/1', 'gloss-pack/2', 'gloss-pack/', 'other'),
      id: fc.oneof(fc.constantFrom('gloss', 'a-pack', 'x'), fc.string()),
      name: fc.string(),
      version: fc.string(),
    });
    const json = fc.oneof(
      fc.jsonValue(),
      fc.tuple(header, fc.dictionary(fc.string(), fc.jsonValue())).map(([h, rest]) => ({ ...rest, ...h })),
    );
    fc.assert(
      fc.property(json, (value) => {
        const result = read(JSON.stringify(value));
        // No random value is a pack: packs need documents and entities with at least one each.
        expect(result.ok).toBe(false);
        if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on the example with any one value replaced by any JSON', () => {
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) {
        for (const [i, item] of value.entries()) walk(item, [...path, i]);
      } else if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
      }
    };
    walk(example(), []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.filter((p) => p.length > 0)), fc.jsonValue(), (path, replacement) => {
        const pack = example() as unknown as Record<string | number, unknown>;
        let parent = pack;
        for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
        const last = path[path.length - 1] as string | number;
        const before = parent[last];
        parent[last] = replacement;
        const result = read(JSON.stringify(pack));
        if (result.ok) {
          // Taken only where the file is still a whole pack: a string in place of a string (a
          // quote still found, an id still unique...), or no relations or events at all.
          const emptyRelations =
            (last === 'relations' || last === 'events') && Array.isArray(replacement) && replacement.length === 0;
          expect(typeof replacement === 'string' || emptyRelations, JSON.stringify({ path, replacement })).toBe(true);
          expect(typeof before === 'string' || emptyRelations).toBe(true);
          expect(packProblems(result.pack)).toEqual([]);
        } else expect(JSON.stringify(replacement)).not.toBe(JSON.stringify(before));
      }),
      { numRuns: 500 },
    );
  });
});
