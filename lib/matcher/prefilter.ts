// A cheap test that tells, before any pattern is built, that a text cannot hold a name: most
// frames of most pages mention nothing Gloss knows and should pay next to nothing. Pure.
//
// Each alias is reduced to its key word: the longest word it has once accents, vowel marks and
// invisible characters are taken out ("Côte d'Ivoire" -> "Ivoire"). Wherever the matcher finds an
// alias, its key word stands in the text as a whole word: words are cut at the same places (spaces,
// hyphens, apostrophes, dots: anything not a letter or digit), in the same case (the matcher is
// case-sensitive), with accents dropped on both sides (the matcher reads "Etats" for "États").
// So a text none of whose words is a key word holds no name, and only texts that may are matched.
// The few spellings where that reasoning fails are let through: zero-width spaces, which the
// matcher may read as a word break or not, and the scripts whose names are not cut into words
// (Arabic with its attached prefixes, Chinese and Japanese without spaces).
import type { MatcherAlias, MatchOptions } from './matcher';

const ARABIC = /\p{Script=Arabic}/u;
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const ZERO_WIDTH_SPACE = /\u200B/;
// Printable ASCII and its usual spaces need no folding (the rest goes the long way, just as right).
const NOT_PLAIN = /[^\t\n\r -~]/;
// Accents and vowel marks, the invisible characters that join what they separate, tatweel.
// biome-ignore lint/suspicious/noMisleadingCharacterClass: each joiner is dropped alone; none is read as part of a sequence
const DROPPED = /[\p{M}\u00AD\u200C\u200D\u2060\uFEFF\u0640]/gu;
// U+02BC (ʼ) is a letter in Unicode but an apostrophe in text: it parts words, as in the matcher.
const WORDS = /[\p{L}\p{N}]+/gu;
const MODIFIER_APOSTROPHE = /\u02BC/g;

/** A text as the filter reads it: no accents, no joining invisible characters. */
export function fold(text: string): string {
  if (!NOT_PLAIN.test(text)) return text;
  return text.normalize('NFD').replace(DROPPED, '').replace(MODIFIER_APOSTROPHE, ' ');
}

/** The word an alias can be found by, or null where it has none (a name in Arabic or Chinese). */
export function keyWord(alias: string): string | null {
  return keyWords(alias)?.[0] ?? null;
}

/**
 * The two words an alias can be found by, the longest first (one for a one-word alias), or null
 * where it has none. Both stand in any text that holds the alias: a text with "United" but no
 * "States" cannot hold "United States", which most news that says "United" does not.
 */
export function keyWords(alias: string): [string] | [string, string] | null {
  if (ARABIC.test(alias) || UNSPACED.test(alias)) return null;
  const words = [...new Set(Array.from(fold(alias).matchAll(WORDS), ([word]) => word))];
  // Longest first; a stable sort keeps the first of two of the same length.
  words.sort((a, b) => b.length - a.length);
  const [first, second] = words;
  if (first === undefined) return null;
  return second === undefined ? [first] : [first, second];
}

/** Which aliases a filter must let through: a `reference` alias counts only after its entity's name was found. */
export function filtered(alias: MatcherAlias, options: MatchOptions): boolean {
  return alias.kind !== 'reference' && (alias.kind !== 'demonym' || options.demonyms === true);
}

export interface WordSet {
  has(word: string): boolean;
}

/** The second key words of the names a key word keys ('' for a name of one word). */
export interface KeyLookup {
  get(word: string): ReadonlySet<string> | undefined;
}

/** What a filter knows of a set of aliases. */
export interface FilterData {
  /** The key word (the longest) of every alias. */
  words: WordSet;
  /**
   * For each key word, the second key word of each alias it keys ('' for an alias of one word):
   * a text must hold both. Absent where only the key words are known (a Bloom filter of a large
   * pack), and then the key word alone lets a text through.
   */
  partners?: KeyLookup;
  /**
   * Where only a Bloom filter of the key words is kept (a large imported pack): the same filter of
   * the pairs "first second" ("first " for a name of one word). A text then needs a key word with
   * its second key word at most `span` words away, as they stand in any text that holds the name.
   */
  pairs?: WordSet;
  /** The most words a name has, once cut as the filter cuts words. */
  span?: number;
  arabic: boolean;
  /** Some alias is written in a script without spaces (Chinese, Japanese, Thai). */
  unspaced: boolean;
  /** Some alias has no letter or digit at all, so no word can rule it out. */
  always: boolean;
}

export function filterData(
  aliases: readonly MatcherAlias[],
  options: MatchOptions,
): FilterData & { words: Set<string>; partners: Map<string, Set<string>> } {
  const words = new Set<string>();
  const partners = new Map<string, Set<string>>();
  const data = { words, partners, arabic: false, unspaced: false, always: false };
  for (const alias of aliases) {
    if (!filtered(alias, options)) continue;
    if (ARABIC.test(alias.text)) data.arabic = true;
    else if (UNSPACED.test(alias.text)) data.unspaced = true;
    else {
      const keys = keyWords(alias.text);
      if (keys === null) data.always = true;
      else addKeys(data, keys);
    }
  }
  return data;
}

type KeyMaps = { words: Set<string>; partners: Map<string, Set<string>> };

function addKeys(data: KeyMaps, [first, second]: [string] | [string, string]): void {
  data.words.add(first);
  let set = data.partners.get(first);
  if (!set) {
    set = new Set();
    data.partners.set(first, set);
  }
  set.add(second ?? '');
}

/** Key words as a string ("first second|first|…"), for a build to write into a script. */
export function writeKeys(data: { partners: Map<string, Set<string>> }): string {
  const entries: string[] = [];
  for (const [first, seconds] of data.partners) {
    for (const second of seconds) entries.push(second === '' ? first : `${first} ${second}`);
  }
  return entries.join('|');
}

/** The key words writeKeys wrote, back into a filter's words and partners. */
export function readKeys(keys: string, into: KeyMaps): void {
  if (keys === '') return;
  for (const entry of keys.split('|')) {
    const [first, second] = entry.split(' ') as [string, string | undefined];
    addKeys(into, second === undefined ? [first] : [first, second]);
  }
}

/** Lookups in the string itself before this many: a frame with a few words builds no map. */
const SCANS_BEFORE_MAP = 64;

/**
 * The key words writeKeys wrote, looked up in the string itself (a few microseconds each, nothing
 * built) until a text asks for many, then in maps built once: an ad frame that says
 * "Advertisement" costs a string search, a long article a map.
 */
export function keyLookup(keys: string): KeyLookup & { readonly built: boolean } {
  const text = `|${keys}|`;
  let maps: KeyMaps | null = null;
  let scans = 0;
  const scan = (word: string): ReadonlySet<string> | undefined => {
    let found: Set<string> | undefined;
    for (let at = text.indexOf(`|${word}`); at >= 0; at = text.indexOf(`|${word}`, at + 1)) {
      const end = at + 1 + word.length;
      const next = text.charAt(end);
      if (next === '|') {
        found ??= new Set();
        found.add('');
      } else if (next === ' ') {
        found ??= new Set();
        found.add(text.slice(end + 1, text.indexOf('|', end)));
      }
    }
    return found;
  };
  return {
    get built() {
      return maps !== null;
    },
    get(word) {
      if (maps) return maps.partners.get(word);
      if (++scans <= SCANS_BEFORE_MAP) return scan(word);
      maps = { words: new Set(), partners: new Map() };
      readKeys(keys, maps);
      return maps.partners.get(word);
    },
  };
}

/** False when no alias the filter was made from can be found in `text`; true when one may be. */
export function mayHold(filter: FilterData, text: string): boolean {
  if (filter.always) return text.length > 0;
  if (ZERO_WIDTH_SPACE.test(text)) return true;
  if (filter.arabic && ARABIC.test(text)) return true;
  if (filter.unspaced && UNSPACED.test(text)) return true;
  const { words, partners, pairs } = filter;
  if (pairs) return holdsPair(words, pairs, filter.span ?? 1, fold(text));
  if (!partners) {
    for (const [word] of fold(text).matchAll(WORDS)) if (words.has(word)) return true;
    return false;
  }
  // Most texts hold no key word at all: only then are the text's words gathered.
  let inText: Set<string> | null = null;
  for (const [word] of fold(text).matchAll(WORDS)) {
    const seconds = partners.get(word);
    if (!seconds) continue;
    if (seconds.has('')) return true;
    inText ??= new Set(Array.from(fold(text).matchAll(WORDS), ([w]) => w));
    for (const second of seconds) if (inText.has(second)) return true;
  }
  return false;
}

function holdsPair(firsts: WordSet, pairs: WordSet, span: number, text: string): boolean {
  const words = Array.from(text.matchAll(WORDS), ([word]) => word);
  for (let i = 0; i < words.length; i++) {
    const first = words[i] as string;
    if (!firsts.has(first)) continue;
    if (pairs.has(`${first} `)) return true;
    const from = Math.max(0, i - span);
    const to = Math.min(words.length - 1, i + span);
    for (let j = from; j <= to; j++) if (j !== i && pairs.has(`${first} ${words[j]}`)) return true;
  }
  return false;
}

/** The pairs of key words of every alias, and the most words an alias has (see FilterData.pairs). */
export function pairKeys(aliases: readonly MatcherAlias[], options: MatchOptions): { pairs: string[]; span: number } {
  const pairs = new Set<string>();
  let span = 1;
  for (const alias of aliases) {
    if (!filtered(alias, options)) continue;
    const keys = keyWords(alias.text);
    if (keys === null) continue;
    pairs.add(`${keys[0]} ${keys[1] ?? ''}`);
    span = Math.max(span, Array.from(fold(alias.text).matchAll(WORDS)).length);
  }
  return { pairs: [...pairs], span };
}
