// @vitest-environment jsdom
// The scorer on small hand-made cases, and the corpus's gold files checked against their pages.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BundledPackFile } from '../../lib/knowledge/schema';
import {
  CORPUS_DIR,
  type CorpusPage,
  loadCorpus,
  loadHeldOut,
  loadHeldOut2,
  loadHeldOut3,
  loadHeldOut4,
  loadHeldOut5,
  loadOffTopic,
} from './pages';
import {
  describeErrors,
  findOccurrence,
  type GoldFile,
  locate,
  type MarkPiece,
  markdownTable,
  mergePieces,
  type ObservedMention,
  resolveGold,
  scorePage,
  totals,
  trapClassTable,
} from './score';

describe('locate', () => {
  const text = 'The US and the U.S. met. USB? No: US.';

  it('counts every occurrence, also inside longer words', () => {
    expect(findOccurrence(text, 'US', 1)).toBe(4);
    expect(findOccurrence(text, 'US', 2)).toBe(25);
    expect(findOccurrence(text, 'US', 3)).toBe(34);
    expect(findOccurrence(text, 'US', 4)).toBe(-1);
    expect(findOccurrence(text, '', 1)).toBe(-1);
    expect(findOccurrence('aaa', 'aa', 2)).toBe(1);
  });

  it('defaults to the first occurrence and checks the context', () => {
    expect(locate(text, { text: 'U.S.' })).toEqual({ start: 15, end: 19 });
    expect(locate(text, { text: 'US', occurrence: 3, context: 'No: US.' })).toEqual({ start: 34, end: 36 });
    expect(() => locate(text, { text: 'US', occurrence: 2, context: 'No: US.' })).toThrow(/not inside/);
    expect(() => locate(text, { text: 'UK' })).toThrow(/no occurrence 1/);
  });
});

describe('mergePieces', () => {
  const text = 'Antony Blinken met New Zealand and New Zealand.';
  const piece = (entity: string, start: number, end: number, continued = false): MarkPiece => ({
    entity,
    start,
    end,
    continued,
  });

  it('joins continued pieces of the same entity across spacing', () => {
    const pieces = [piece('person:a', 0, 6), piece('person:a', 7, 14, true), piece('country:nz', 19, 30)];
    expect(mergePieces(pieces, text)).toEqual([
      { entity: 'person:a', start: 0, end: 14, pieces: 2 },
      { entity: 'country:nz', start: 19, end: 30, pieces: 1 },
    ]);
  });

  it('keeps pieces apart without the continued flag, with another entity, or across words', () => {
    expect(mergePieces([piece('x', 0, 6), piece('x', 7, 14)], text)).toHaveLength(2);
    expect(mergePieces([piece('x', 0, 6), piece('y', 7, 14, true)], text)).toHaveLength(2);
    // "New Zealand" and "New Zealand" with " and " between them are two mentions.
    expect(mergePieces([piece('nz', 19, 30), piece('nz', 35, 46, true)], text)).toHaveLength(2);
  });

  it('sorts pieces by position first', () => {
    const merged = mergePieces([piece('person:a', 7, 14, true), piece('person:a', 0, 6)], text);
    expect(merged).toEqual([{ entity: 'person:a', start: 0, end: 14, pieces: 2 }]);
  });
});

describe('scorePage', () => {
  const text = 'China and the US. Power cut in Atlanta, Georgia. Mr. Zhao spoke in Beijing.';
  const gold: GoldFile = {
    mentions: [
      { entity: 'country:cn', text: 'China' },
      { entity: 'country:us', text: 'US' },
      { entity: 'person:zhao-lijian', text: 'Mr. Zhao' },
    ],
    traps: [
      { text: 'Power', why: 'electricity' },
      { text: 'Georgia', why: 'US state' },
    ],
    optional: [{ entity: 'country:cn', text: 'Beijing', why: 'the city' }],
  };
  const resolved = resolveGold(gold, text);
  const at = (entity: string, needle: string, occurrence = 1): ObservedMention => {
    const start = findOccurrence(text, needle, occurrence);
    return { entity, start, end: start + needle.length, pieces: 1 };
  };

  it('counts exact matches as found', () => {
    const score = scorePage('p', resolved, [
      at('country:cn', 'China'),
      at('country:us', 'US'),
      at('person:zhao-lijian', 'Mr. Zhao'),
    ]);
    expect(score).toMatchObject({ gold: 3, found: 3, tp: 3, fp: 0, fn: 0, precision: 1, recall: 1, f1: 1 });
    expect(score.trapsHit).toEqual([]);
  });

  it('counts a wrong entity or a wrong span as one false positive and one miss', () => {
    const score = scorePage('p', resolved, [
      at('country:tw', 'China'),
      at('country:us', 'US'),
      at('person:zhao-lijian', 'Zhao'),
    ]);
    expect(score).toMatchObject({ tp: 1, fp: 2, fn: 2 });
    expect(score.falsePositives[0]).toMatchObject({ entity: 'country:tw', expected: 'country:cn' });
    expect(score.falseNegatives.map((m) => m.text)).toEqual(['China', 'Mr. Zhao']);
    expect(score.precision).toBeCloseTo(1 / 3);
    expect(score.recall).toBeCloseTo(1 / 3);
  });

  it('reports a trap overlapped by any mark, which is also a false positive', () => {
    const score = scorePage('p', resolved, [at('person:samantha-power', 'Power'), at('country:ge', 'Georgia')]);
    expect(score.trapsHit.map((t) => t.text)).toEqual(['Power', 'Georgia']);
    expect(score.fp).toBe(2);
    // A mark that only overlaps a trap still hits it.
    const partial = { entity: 'x', start: text.indexOf('cut') - 3, end: text.indexOf('cut'), pieces: 1 };
    expect(scorePage('p', resolved, [partial]).trapsHit).toHaveLength(1);
  });

  it('ignores marks on optional spans of the given entity only', () => {
    expect(scorePage('p', resolved, [at('country:cn', 'Beijing')])).toMatchObject({ fp: 0, ignored: 1 });
    expect(scorePage('p', resolved, [at('country:us', 'Beijing')])).toMatchObject({ fp: 1, ignored: 0 });
  });

  it('describes every error with its context', () => {
    const score = scorePage('p', resolved, [at('country:ge', 'Georgia')]);
    const lines = describeErrors(score, text);
    expect(lines[0]).toMatch(/^- FN `country:cn` "China": …⟦China⟧ and the US\. Power cut in .*…$/);
    expect(lines.some((l) => l.startsWith('- FP `country:ge` "Georgia"'))).toBe(true);
    expect(lines.some((l) => l.startsWith('- TRAP "Georgia" (US state) hit by `country:ge` "Georgia"'))).toBe(true);
  });

  it('sums pages micro-averaged and prints a Markdown table', () => {
    const a = scorePage('a', resolved, [at('country:cn', 'China'), at('country:us', 'US')]);
    const b = scorePage('b', resolved, [at('country:cn', 'China'), at('country:ge', 'Georgia')]);
    const t = totals([a, b]);
    expect(t).toMatchObject({ pages: 2, gold: 6, found: 4, tp: 3, fp: 1, fn: 3, traps: 4, trapsHit: 1 });
    expect(t.precision).toBeCloseTo(0.75);
    expect(t.recall).toBeCloseTo(0.5);
    expect(t.f1).toBeCloseTo(0.6);
    const table = markdownTable([a, b]).split('\n');
    expect(table).toHaveLength(5);
    expect(table[2]).toBe('| a | 3 | 2 | 2 | 0 | 1 | 1.000 | 0.667 | 0.800 | 0/2 |');
    expect(table[4]).toBe('| **Overall** | 6 | 4 | 3 | 1 | 3 | **0.750** | **0.500** | **0.600** | 1/4 |');
  });

  it('counts traps and traps hit by class, over pages', () => {
    const classed = resolveGold(
      {
        mentions: [],
        traps: [
          { text: 'Power', class: 'bare-word', why: 'electricity' },
          { text: 'Georgia', class: 'us-state', why: 'US state' },
          { text: 'Atlanta', why: 'a city' },
        ],
      },
      text,
    );
    const a = scorePage('a', classed, [at('country:ge', 'Georgia')]);
    expect(a.trapClasses).toEqual({
      'bare-word': { traps: 1, hit: 0 },
      'us-state': { traps: 1, hit: 1 },
      '(none)': { traps: 1, hit: 0 },
    });
    const b = scorePage('b', classed, [at('person:samantha-power', 'Power'), at('country:ge', 'Georgia')]);
    expect(trapClassTable([a, b]).split('\n')).toEqual([
      '| Trap class | Traps | Hit | Share hit |',
      '| --- | ---: | ---: | ---: |',
      '| (none) | 2 | 0 | 0.000 |',
      '| bare-word | 2 | 1 | 0.500 |',
      '| us-state | 2 | 2 | 1.000 |',
      '| **All** | 6 | 3 | **0.500** |',
    ]);
    expect(
      describeErrors(b, text).filter((l) => l.startsWith('- TRAP "Georgia" [us-state] (US state) hit by')),
    ).toHaveLength(1);
  });

  it('treats a page without gold or marks as perfect, not as a division by zero', () => {
    const empty = scorePage('e', resolveGold({ mentions: [], traps: [] }, ''), []);
    expect(empty).toMatchObject({ precision: 1, recall: 1, f1: 1 });
  });
});

const pack: BundledPackFile = JSON.parse(readFileSync(path.join(CORPUS_DIR, '../../data/knowledge.json'), 'utf8'));
const entities = new Map(pack.entities.map((e) => [e.id, e]));
const bodyText = (html: string) => new DOMParser().parseFromString(html, 'text/html').body.textContent ?? '';

/** One test per page: every gold span is in the page text, with a known entity, and none overlap. */
function checkGoldFits(resolved: readonly { page: CorpusPage; text: string }[]): void {
  for (const { page, text } of resolved) {
    it(`${page.name}: every gold span is in the page text, with a known entity, and none overlap`, () => {
      const gold = resolveGold(page.gold, text);
      expect(gold.mentions.filter((m) => !entities.has(m.entity)).map((m) => m.entity)).toEqual([]);
      expect(gold.optional.filter((o) => o.entity && !entities.has(o.entity)).map((o) => o.entity)).toEqual([]);
      const spans = [...gold.mentions, ...gold.traps, ...gold.optional].sort((a, b) => a.start - b.start);
      const clashes: string[] = [];
      for (let i = 1; i < spans.length; i++) {
        const [a, b] = [spans[i - 1], spans[i]];
        if (a && b && b.start < a.end) clashes.push(`${JSON.stringify(a.text)} / ${JSON.stringify(b.text)}`);
      }
      expect(clashes).toEqual([]);
    });
  }
}

describe('the corpus', () => {
  const corpus = loadCorpus();
  const resolved = corpus.map((page) => ({ page, text: bodyText(page.html) }));

  it('has at least 15 pages, each with a description and gold mentions', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(15);
    for (const page of corpus) {
      expect({ page: page.name, described: Boolean(page.gold.description) }).toEqual({
        page: page.name,
        described: true,
      });
      expect(page.gold.mentions.length, page.name).toBeGreaterThan(0);
    }
  });

  checkGoldFits(resolved);

  const allGold = resolved.flatMap(({ page }) => page.gold.mentions.map((m) => ({ ...m, page: page.name })));
  const allTraps = resolved.flatMap(({ page }) => page.gold.traps);

  it('names all 61 signatories on the page made from itwc-61', () => {
    const signatories = pack.entities
      .filter((e) => e.relations.some((r) => r.type === 'signed' && r.target === 'initiative:dfi'))
      .filter((e) => e.type === 'country')
      .map((e) => e.id);
    expect(signatories).toHaveLength(61);
    const onPage = new Set(allGold.filter((m) => m.page === 'doc-itwc-61').map((m) => m.entity));
    expect(signatories.filter((id) => !onPage.has(id))).toEqual([]);
  });

  it('covers the forms of names the issue asks for', () => {
    const texts = new Set(allGold.map((m) => m.text));
    const wanted = [
      ...['US', 'U.S.', 'UN', 'U.N.', 'EU', 'UK', 'G7', 'G20', 'OECD', 'WTO', 'ICANN', 'IGF', 'USAID'],
      ...['Secretary Blinken', 'Ms Power', 'Mr. Zhao', 'Spokesperson Zhao Lijian', 'Beijing', 'Moscow', 'Washington'],
    ];
    expect(wanted.filter((w) => !texts.has(w))).toEqual([]);
    // Bare surnames that are also words, after the full name.
    for (const surname of ['Power', 'Painter']) {
      expect(
        allGold.some((m) => m.text === surname),
        surname,
      ).toBe(true);
    }
    // Names in each of the UN's other languages, as knowledge.json spells them.
    for (const lang of ['ar', 'es', 'ru', 'fr', 'zh-Hans']) {
      const found = allGold.some((m) =>
        entities.get(m.entity)?.aliases.some((a) => a.kind === 'translation' && a.lang === lang && a.text === m.text),
      );
      expect({ lang, found }).toEqual({ lang, found: true });
    }
    // Spacing and typography inside names.
    for (const [what, pattern] of [
      ['no-break space', /\u00A0/],
      ['thin space', /\u2009/],
      ['narrow no-break space', /\u202F/],
      ['soft hyphen', /\u00AD/],
      ['line break', /\n/],
      ['curly apostrophe', /\u2019/],
      ['straight apostrophe', /'/],
      ['diacritics', /[À-ɏ]/],
      ['combining accent', /\u0301/],
    ] as const) {
      expect({ what, found: allGold.some((m) => pattern.test(m.text)) }).toEqual({ what, found: true });
    }
  });

  it('sets the traps the issue lists', () => {
    const texts = new Set(allTraps.map((t) => t.text));
    const wanted = [
      ...['us', 'Us', 'USB', 'un-American', 'Eu', 'focus', 'bonus', 'campus', 'power', 'price', 'painter'],
      ...['Power', 'Price', 'Chinese', 'Russian', 'Dutch', 'Israeli', 'Georgia', '#US', '#China'],
      ...['press@un.org', 'contact@state.gov', 'https://example.com/US/news/declaration-text'],
    ];
    expect(wanted.filter((w) => !texts.has(w))).toEqual([]);
    for (const kind of ["the page's own <mark>", 'textarea', 'contenteditable', '<code>', '<pre>']) {
      expect({ kind, found: allTraps.some((t) => t.why.includes(kind)) }).toEqual({ kind, found: true });
    }
  });
});

describe('the off-topic set', () => {
  const offTopic = loadOffTopic();
  const resolved = offTopic.map((page) => ({ page, text: bodyText(page.html) }));
  const mentions = offTopic.flatMap((page) => page.gold.mentions);
  const traps = offTopic.flatMap((page) => page.gold.traps);

  it('has at least 12 described pages with at least 100 traps and 30 real mentions between them', () => {
    expect(offTopic.length).toBeGreaterThanOrEqual(12);
    expect(offTopic.filter((page) => !page.gold.description).map((page) => page.name)).toEqual([]);
    expect(traps.length).toBeGreaterThanOrEqual(100);
    expect(mentions.length).toBeGreaterThanOrEqual(30);
  });

  it('gives every trap a class and a reason, and has no page name in common with the corpus', () => {
    expect(traps.filter((t) => !t.class || !t.why).map((t) => t.text)).toEqual([]);
    const names = new Set(loadCorpus().map((page) => page.name));
    expect(offTopic.filter((page) => names.has(page.name)).map((page) => page.name)).toEqual([]);
  });

  it('sets the kinds of trap the issue lists, each more than once', () => {
    const counts = new Map<string, number>();
    for (const t of traps) counts.set(t.class ?? '', (counts.get(t.class ?? '') ?? 0) + 1);
    const wanted = ['town-state', 'neighbourhood', 'street', 'business-name', 'geographic', 'heading-common-noun'];
    wanted.push('title-surname', 'us-state', 'person-name', 'reference-word', 'acronym-other');
    expect(wanted.filter((kind) => (counts.get(kind) ?? 0) < 2)).toEqual([]);
  });

  checkGoldFits(resolved);
});

/** The held-out sets, in the order they were written; each checked against the sets before it. */
const HELD_OUT_SETS: { title: string; load: () => CorpusPage[]; spread: number; contexts: boolean }[] = [
  { title: 'the held-out set', load: loadHeldOut, spread: 8, contexts: false },
  { title: 'the second held-out set', load: loadHeldOut2, spread: 10, contexts: true },
  { title: 'the third held-out set', load: loadHeldOut3, spread: 10, contexts: true },
  { title: 'the fourth held-out set', load: loadHeldOut4, spread: 10, contexts: true },
  { title: 'the fifth held-out set', load: loadHeldOut5, spread: 10, contexts: true },
];

for (const [index, set] of HELD_OUT_SETS.entries()) {
  describe(set.title, () => {
    const pages = set.load();
    const resolved = pages.map((page) => ({ page, text: bodyText(page.html) }));
    const mentions = pages.flatMap((page) => page.gold.mentions);
    const traps = pages.flatMap((page) => page.gold.traps);

    it('has at least 10 described pages with at least 120 traps and 40 real mentions between them', () => {
      expect(pages.length).toBeGreaterThanOrEqual(10);
      expect(pages.filter((page) => !page.gold.description).map((page) => page.name)).toEqual([]);
      expect(traps.length).toBeGreaterThanOrEqual(120);
      expect(mentions.length).toBeGreaterThanOrEqual(40);
    });

    it('gives every trap a class and a reason (and a context), and shares no page name with the sets before', () => {
      expect(traps.filter((t) => !t.class || !t.why || (set.contexts && !t.context)).map((t) => t.text)).toEqual([]);
      const before = [loadCorpus, loadOffTopic, ...HELD_OUT_SETS.slice(0, index).map((s) => s.load)];
      const names = new Set(before.flatMap((load) => load()).map((page) => page.name));
      expect(pages.filter((page) => names.has(page.name)).map((page) => page.name)).toEqual([]);
    });

    it(`spreads its traps: at least ${set.spread} classes with 5 or more, none with more than a quarter`, () => {
      const counts = new Map<string, number>();
      for (const t of traps) counts.set(t.class ?? '', (counts.get(t.class ?? '') ?? 0) + 1);
      expect([...counts.values()].filter((n) => n >= 5).length).toBeGreaterThanOrEqual(set.spread);
      expect([...counts.entries()].filter(([, n]) => n > traps.length / 4)).toEqual([]);
    });

    checkGoldFits(resolved);
  });
}

describe('the fifth held-out set, its contexts', () => {
  it('gives every real mention and optional span a context', () => {
    const pages = loadHeldOut5();
    expect(
      pages
        .flatMap((page) => page.gold.mentions)
        .filter((m) => !m.context)
        .map((m) => m.text),
    ).toEqual([]);
    const optional = pages.flatMap((page) => page.gold.optional ?? []);
    expect(optional.filter((o) => !o.context).map((o) => o.text)).toEqual([]);
  });
});
