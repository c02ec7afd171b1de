import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matcherAliases } from '../knowledge/pack';
import { BloomFilter } from './bloom';
import { Matcher, type MatcherAlias } from './matcher';
import {
  type FilterData,
  filterData,
  filtered,
  fold,
  keyLookup,
  keyWord,
  keyWords,
  mayHold,
  pairKeys,
  readKeys,
  writeKeys,
} from './prefilter';

const aliases = matcherAliases();
const matchers = new Map([false, true].map((demonyms) => [demonyms, new Matcher(aliases, { demonyms })]));
const filters = new Map([false, true].map((demonyms) => [demonyms, filterData(aliases, { demonyms })]));
/** How many runs the soundness property takes (GLOSS_PREFILTER_RUNS=5000 for a long search). */
const RUNS = Number(process.env.GLOSS_PREFILTER_RUNS ?? 300);

const show = (text: string) =>
  JSON.stringify(text).replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The property itself: wherever the matcher finds a name, the filter lets the text through. */
function expectSound(text: string, demonyms: boolean): void {
  const found = (matchers.get(demonyms) as Matcher).find(text);
  if (found.length === 0) return;
  const passes = mayHold(filters.get(demonyms) as ReturnType<typeof filterData>, text);
  expect(passes, `${show(text)} (demonyms ${demonyms}) holds ${show(found[0]?.text ?? '')} but mayHold is false`).toBe(
    true,
  );
}

// Text forms the matcher reads as the same name.
const dropAccents = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '');
const SOFT_HYPHEN = '\u00AD';
const INVISIBLES = ['\u00AD', '\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'];
const SPACES = [' ', '\u00A0', '\u202F', '\u2009', '\n', '\r\n', '  ', '\t', '\u3000'];
const APOSTROPHES = ["'", '\u2019', '\u2018', '\u02BC', '\uFF07'];
const HYPHENS = ['-', '\u2010', '\u2011'];

/** An alias as a page may write it: each choice is one of the spellings the matcher accepts (or nearly). */
const writtenAlias = fc
  .record({
    alias: fc.constantFrom(...aliases),
    form: fc.constantFrom('as-is', 'nfc', 'nfd', 'no-accents', 'yo', 'upper'),
    space: fc.constantFrom(...SPACES),
    apostrophe: fc.constantFrom(...APOSTROPHES),
    hyphen: fc.constantFrom(...HYPHENS),
    invisible: fc.option(fc.tuple(fc.constantFrom(...INVISIBLES), fc.nat()), { nil: undefined }),
    possessive: fc.option(fc.constantFrom("'s", '\u2019s', '\u02BCs', "'", '\u2019'), { nil: undefined }),
  })
  .map(({ alias, form, space, apostrophe, hyphen, invisible, possessive }) => {
    let text = alias.text
      .replace(/ /g, space)
      .replace(/['\u2019]/g, apostrophe)
      .replace(/-/g, hyphen);
    if (form === 'nfc') text = text.normalize('NFC');
    else if (form === 'nfd') text = text.normalize('NFD');
    else if (form === 'no-accents') text = dropAccents(text);
    else if (form === 'yo') text = text.replace(/ё/g, 'е').replace(/е/g, 'ё');
    else if (form === 'upper') text = text.toUpperCase();
    if (invisible) {
      // Between two letters of one word, as soft hyphens and zero-width characters are written.
      const cuts = [...text.matchAll(/\p{L}(?=\p{L})/gu)].map((m) => m.index + m[0].length);
      if (cuts.length > 0) {
        const at = cuts[invisible[1] % cuts.length] as number;
        text = text.slice(0, at) + invisible[0] + text.slice(at);
      }
    }
    return text + (possessive ?? '');
  });

const WORDS = (
  'the a of and to in said on for with by at from that this is was were has have would will could not ' +
  'government officials talks minister president secretary state states united nations union group ' +
  'internet freedom online declaration coalition power price painter love china chinese american ' +
  'The A Officials Talks Minister President Secretary State States United Nations Union Group Internet ' +
  'Freedom Online Declaration Coalition Power Price Painter Love Purchasing Ms Mr Mr. Dr. Ambassador ' +
  'New Zealand Korea Republic Georgia Atlanta Washington Post Jersey Guinea Chad Jordan Turkey ' +
  'Monday January Paris Brazil India US U.S. UN EU UK OECD G7 G20 USB us un it is'
).split(' ');
const SEPARATORS = [
  ' ',
  ' ',
  ' ',
  ', ',
  '. ',
  '.',
  ': ',
  ' (',
  ') ',
  '"',
  '\u201C',
  '\u201D',
  '-',
  '\u2014',
  '/',
  '\n',
  '',
  '_',
  '#',
  '@',
  "'",
  '\u00A0',
  '\u200B',
  '\u00AD',
];

const piece = fc.oneof(
  { arbitrary: writtenAlias, weight: 4 },
  { arbitrary: fc.constantFrom(...WORDS), weight: 4 },
  { arbitrary: fc.string({ unit: 'grapheme', maxLength: 8 }), weight: 1 },
  {
    arbitrary: fc.string({
      unit: fc.constantFrom('a', 'e', 'é', 'U', 'S', '\u0301', 'ʼ', 'ـ', 'и', '中', 'و'),
      maxLength: 6,
    }),
    weight: 1,
  },
);

/** A sentence of names, words and noise, then as a whole in one text form. */
const sentence = fc
  .tuple(
    fc.array(fc.tuple(piece, fc.constantFrom(...SEPARATORS)), { minLength: 1, maxLength: 12 }),
    fc.constantFrom('as-is', 'nfc', 'nfd', 'no-accents', 'upper'),
  )
  .map(([parts, form]) => {
    const text = parts.map(([p, s]) => p + s).join('');
    if (form === 'nfc') return text.normalize('NFC');
    if (form === 'nfd') return text.normalize('NFD');
    if (form === 'no-accents') return dropAccents(text);
    if (form === 'upper') return text.toUpperCase();
    return text;
  });

describe('mayHold is sound on the bundled pack', () => {
  it(
    'lets through every text the matcher finds a name in (random sentences in many text forms)',
    () => {
      let holding = 0;
      fc.assert(
        fc.property(sentence, fc.boolean(), (text, demonyms) => {
          if ((matchers.get(demonyms) as Matcher).find(text).length > 0) holding++;
          expectSound(text, demonyms);
        }),
        { numRuns: RUNS },
      );
      // The sentences are no straw man: most of them hold a name.
      expect(holding).toBeGreaterThan(RUNS / 3);
    },
    20_000 + RUNS * 5,
  );

  it('lets through every alias of the pack, alone and in a sentence, in every text form', () => {
    const forms = [
      (t: string) => t,
      (t: string) => t.normalize('NFD'),
      dropAccents,
      (t: string) => t.replace(/ /g, '\u00A0'),
      (t: string) => t.replace(/ /g, '\n'),
      (t: string) => t.replace(/'/g, '\u2019'),
      (t: string) => t.replace(/'/g, '\u02BC'),
      (t: string) => t.replace(/(\p{L})(\p{L})/u, `$1${SOFT_HYPHEN}$2`),
      (t: string) => t.replace(/(\p{L})(\p{L})/u, '$1\u2060$2'),
      (t: string) => t.toUpperCase(),
      (t: string) => `${t}\u2019s`,
    ];
    let holding = 0;
    for (const alias of aliases) {
      for (const form of forms) {
        for (const text of [form(alias.text), `Yesterday ${form(alias.text)} said.`, `在${form(alias.text)}发言`]) {
          for (const demonyms of [false, true]) {
            if ((matchers.get(demonyms) as Matcher).find(text).length > 0) holding++;
            expectSound(text, demonyms);
          }
        }
      }
    }
    expect(holding).toBeGreaterThan(aliases.length * 10);
  });

  it('lets a reference alias through after its full name in the same text', () => {
    const text = 'Samantha Power, the administrator, arrived. Later, Power said the talks went well.';
    expect(
      matchers
        .get(false)
        ?.find(text)
        .map((m) => m.text),
    ).toEqual(['Samantha Power', 'Power']);
    expectSound(text, false);
  });
});

describe('mayHold turns away text with no name', () => {
  // About a bakery: not one name the pack knows, in the words of an ordinary local news story.
  const BAKERY = `On a quiet corner of the old market street, the Hollis family has baked bread for three
generations. Every morning at four, Margaret Hollis lights the ovens her grandfather built in 1952, and by
six the first sourdough loaves are cooling on wooden racks near the window. Regulars queue before the door
opens: nurses finishing the night shift, students on their way to lectures, and a retired teacher who has
bought the same rye loaf every weekday for twenty years. The shop sells about four hundred loaves a day,
along with cinnamon buns, apple turnovers and a dense fruit cake that customers order weeks ahead of the
holidays. Flour comes from a mill two valleys away, and the butter from a dairy just outside town. Rising
costs have been hard: the price of flour went up by almost a third last year, and the electricity bill
for the ovens doubled. Rather than cut corners, the family trimmed its opening hours and stopped baking on
Mondays. "People notice when you rush a loaf," Margaret says, brushing flour from her apron. Her daughter,
Ellen, has started weekend classes for beginners, where small groups learn to shape baguettes and braid
loaves. The classes sell out within hours. Ellen hopes they will keep the craft alive, and perhaps bring
in a little extra money during the slow winter months, when fewer visitors walk through the market.`;

  it.each([
    ['as written', BAKERY],
    ['in NFD', BAKERY.normalize('NFD')],
    ['with curly apostrophes and quotes', BAKERY.replace(/'/g, '\u2019').replace(/"/g, '\u201C')],
    ['with soft hyphens', BAKERY.replace(/(\p{L}{3})(\p{L}{3})/gu, `$1${SOFT_HYPHEN}$2`)],
    ['with no-break spaces', BAKERY.replace(/ /g, '\u00A0')],
  ])('a 200-word paragraph about a bakery, %s', (_form, text) => {
    expect(text.split(/\s+/).length).toBeGreaterThan(200);
    // The matcher agrees: the paragraph holds no name, so the filter has nothing to let through.
    expect(matchers.get(true)?.find(text)).toEqual([]);
    expect(mayHold(filters.get(false) as ReturnType<typeof filterData>, text)).toBe(false);
    expect(mayHold(filters.get(true) as ReturnType<typeof filterData>, text)).toBe(false);
  });

  it('turns away an empty text and one of spaces and punctuation', () => {
    for (const text of ['', ' ', '\n\t', '... -- !?', '1 2 3']) {
      expect(mayHold(filters.get(false) as ReturnType<typeof filterData>, text)).toBe(false);
    }
  });

  it('leaves reference aliases out of the filter ("Power" alone needs "Samantha Power" first)', () => {
    const power: MatcherAlias[] = [
      { text: 'Samantha Power', kind: 'name', entityId: 'person:samantha-power', entityType: 'official' },
      { text: 'Power', kind: 'reference', entityId: 'person:samantha-power', entityType: 'official' },
    ];
    const filter = filterData(power, {});
    expect(mayHold(filter, 'Power said the talks went well.')).toBe(false);
    expect(mayHold(filter, 'Samantha Power said the talks went well.')).toBe(true);
    // And the matcher indeed finds nothing in the first.
    expect(new Matcher(power).find('Power said the talks went well.')).toEqual([]);
  });

  it('turns away each reference alias of the pack alone unless another alias has its key words', () => {
    const filter = filters.get(false) as ReturnType<typeof filterData>;
    const references = aliases.filter((a) => a.kind === 'reference');
    expect(references.length).toBeGreaterThan(0);
    let turnedAway = 0;
    for (const reference of references) {
      const words = new Set(fold(reference.text).match(/[\p{L}\p{N}]+/gu));
      const shared = aliases.some((a) => {
        const keys = filtered(a, {}) ? keyWords(a.text) : null;
        return keys?.every((key) => words.has(key)) ?? false;
      });
      expect(mayHold(filter, reference.text), reference.text).toBe(shared);
      if (!shared) turnedAway++;
    }
    // "Power", "Price", "Zhao": a title alias ("Ms Power") needs its title beside the surname.
    expect(turnedAway).toBeGreaterThan(0);
  });

  it('needs both key words of a name of several words', () => {
    const filter = filters.get(false) as ReturnType<typeof filterData>;
    expect(mayHold(filter, 'The United Way raised money; the Secretary spoke.')).toBe(false);
    expect(mayHold(filter, 'Troops of the United States arrived.')).toBe(true);
    expect(mayHold(filter, 'Secretary Blinken spoke.')).toBe(true);
  });

  it('leaves demonyms out unless asked for', () => {
    const dutch: MatcherAlias[] = [
      { text: 'Netherlands', kind: 'name', entityId: 'country:nl', entityType: 'country' },
      { text: 'Dutch', kind: 'demonym', entityId: 'country:nl', entityType: 'country' },
    ];
    expect(mayHold(filterData(dutch, {}), 'Dutch bakers')).toBe(false);
    expect(mayHold(filterData(dutch, { demonyms: true }), 'Dutch bakers')).toBe(true);
  });
});

describe('the Bloom form of the filter (imported packs)', () => {
  const bloomFilter = (demonyms: boolean) => {
    const exact = filters.get(demonyms) as ReturnType<typeof filterData>;
    const { pairs, span } = pairKeys(aliases, { demonyms });
    return { ...exact, partners: undefined, words: BloomFilter.of(exact.words), pairs: BloomFilter.of(pairs), span };
  };
  const blooms = new Map([false, true].map((demonyms) => [demonyms, bloomFilter(demonyms)]));

  it('is sound too: whenever the matcher finds a name, the text gets through', () => {
    fc.assert(
      fc.property(sentence, fc.boolean(), (text, demonyms) => {
        const found = (matchers.get(demonyms) as Matcher).find(text).length > 0;
        return !found || mayHold(blooms.get(demonyms) as FilterData, text);
      }),
      { numRuns: RUNS },
    );
  });

  it('needs a key word with its second key word nearby, not either alone', () => {
    const filter = blooms.get(false) as FilterData;
    expect(mayHold(filter, 'The United Way raised money; the Secretary spoke.')).toBe(false);
    expect(mayHold(filter, 'United, the club, played the States team.')).toBe(true);
    expect(mayHold(filter, 'Troops of the United States arrived.')).toBe(true);
    expect(mayHold(filter, 'United is far, far away from here, as far as the eye can see, from States.')).toBe(false);
  });
});

describe('keyLookup', () => {
  it('answers as the maps do, in the string and once it has built them', () => {
    const filter = filters.get(true) as ReturnType<typeof filterData>;
    const keys = writeKeys(filter);
    const words = [...filter.partners.keys(), 'Bakery', 'Stat', 'States', 'U', '', 'Kingdo'];
    const lookup = keyLookup(keys);
    // Twice over: the first lookups read the string, the later ones the maps built from it.
    for (const round of [1, 2]) {
      for (const word of words) expect(lookup.get(word), `${word} (${round})`).toEqual(filter.partners.get(word));
    }
    expect(lookup.built).toBe(true);
    expect(keyLookup(keys).built).toBe(false);
  });

  it('gives mayHold the same answers as the maps', () => {
    const filter = filters.get(false) as ReturnType<typeof filterData>;
    const scanned = { ...filter, partners: keyLookup(writeKeys(filter)) };
    fc.assert(
      fc.property(sentence, (text) => mayHold(scanned, text) === mayHold(filter, text)),
      { numRuns: 300 },
    );
  });
});

describe('writeKeys and readKeys', () => {
  it('give back the same filter', () => {
    for (const demonyms of [false, true]) {
      const filter = filters.get(demonyms) as ReturnType<typeof filterData>;
      const read: ReturnType<typeof filterData> = { ...filter, words: new Set(), partners: new Map() };
      readKeys(writeKeys(filter), read);
      expect(read.partners).toEqual(filter.partners);
      expect(read.words).toEqual(filter.words);
    }
  });
});

describe('keyWord and fold', () => {
  it.each([
    ["Côte d'Ivoire", 'Ivoire'],
    ['United States', 'United'],
    ['U.S.', 'U'],
    ['G20', 'G20'],
    ['São Tomé and Príncipe', 'Principe'],
    ['Соединённые Штаты', 'Соединенные'],
    ['中国', null],
    ['الصين', null],
  ])('%s -> %s', (alias, word) => {
    expect(keyWord(alias)).toBe(word);
  });

  it('folds NFC and NFD text alike, and leaves plain ASCII as it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(fold(text.normalize('NFC'))).toBe(fold(text.normalize('NFD')));
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-ascii' }), (text) => {
        expect(fold(text)).toBe(text);
      }),
    );
  });
});
