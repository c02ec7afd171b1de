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
  if (ARABIC.test(alias) || UNSPACED.test(alias)) return null;
  let best: string | null = null;
  for (const [word] of fold(alias).matchAll(WORDS)) if (best === null || word.length > best.length) best = word;
  return best;
}

/** Which aliases a filter must let through: a `reference` alias counts only after its entity's name was found. */
export function filtered(alias: MatcherAlias, options: MatchOptions): boolean {
  return alias.kind !== 'reference' && (alias.kind !== 'demonym' || options.demonyms === true);
}

export interface WordSet {
  has(word: string): boolean;
}

/** What a filter knows of a set of aliases. */
export interface FilterData {
  words: WordSet;
  /** Some alias is written in Arabic script. */
  arabic: boolean;
  /** Some alias is written in a script without spaces (Chinese, Japanese, Thai). */
  unspaced: boolean;
  /** Some alias has no letter or digit at all, so no word can rule it out. */
  always: boolean;
}

export function filterData(aliases: readonly MatcherAlias[], options: MatchOptions): FilterData {
  const words = new Set<string>();
  const data: FilterData = { words, arabic: false, unspaced: false, always: false };
  for (const alias of aliases) {
    if (!filtered(alias, options)) continue;
    if (ARABIC.test(alias.text)) data.arabic = true;
    else if (UNSPACED.test(alias.text)) data.unspaced = true;
    else {
      const word = keyWord(alias.text);
      if (word === null) data.always = true;
      else words.add(word);
    }
  }
  return data;
}

/** False when no alias the filter was made from can be found in `text`; true when one may be. */
export function mayHold(filter: FilterData, text: string): boolean {
  if (filter.always) return text.length > 0;
  if (ZERO_WIDTH_SPACE.test(text)) return true;
  if (filter.arabic && ARABIC.test(text)) return true;
  if (filter.unspaced && UNSPACED.test(text)) return true;
  for (const [word] of fold(text).matchAll(WORDS)) if (filter.words.has(word)) return true;
  return false;
}
