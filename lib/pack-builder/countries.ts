// The countries the matcher already knows (the bundled pack's, with their names in five languages)
// and the rest of the world from Intl.DisplayNames, found in a text. A user's pack reuses their ids and aliases, so a reader of two packs sees the same
// country, and a page in French finds "Chine" from an English briefing.
import raw from '../../data/knowledge.json';
import type { Alias, BundledPackFile } from '../knowledge/schema';

export interface KnownCountry {
  id: string;
  name: string;
  aliases: Alias[];
}

const bundled = raw as BundledPackFile;

const CURATED: readonly KnownCountry[] = bundled.entities
  .filter((entity) => entity.type === 'country')
  .map(({ id, name, aliases }) => ({ id, name, aliases }));

/** The languages of the bundled pack's translations, so a user's pack names countries as it does. */
const LANGUAGES = ['fr', 'es', 'ru', 'zh-Hans', 'ar'] as const;
/** Region codes that are no country: groupings, pseudo-locales, "Unknown Region", ISO's exceptional reservations. */
const NOT_COUNTRIES = new Set(['EU', 'EZ', 'UN', 'QO', 'ZZ', 'XA', 'XB', 'AC', 'CP', 'CQ', 'DG', 'EA', 'IC', 'TA']);

/** "Antigua & Barbuda" as text writes it; "Myanmar (Burma)" as two names; "Congo - Kinshasa" as none. */
function namesOf(display: string): string[] {
  if (display.includes(' - ') || display.includes('SAR')) return [];
  const paren = display.match(/^(.*) \((.*)\)$/);
  const names = paren ? [paren[1] as string, paren[2] as string] : [display];
  return names.flatMap((name) =>
    name.includes('&')
      ? [name.replace(/&/g, 'and'), name]
      : name.startsWith('St. ')
        ? [name.replace(/^St\. /, 'Saint ')]
        : [name],
  );
}

/**
 * The countries the bundled pack does not hold, named by the browser's own data (Intl.DisplayNames,
 * the CLDR names in every language, nothing fetched) in English and the bundled pack's languages.
 */
function otherCountries(): KnownCountry[] {
  const english = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });
  const others = LANGUAGES.map((lang) => ({
    lang,
    names: new Intl.DisplayNames([lang], { type: 'region', fallback: 'none' }),
  }));
  const curated = new Set(CURATED.map((country) => country.id));
  const countries: KnownCountry[] = [];
  const seen = new Set<string>();
  for (let a = 65; a <= 90; a++) {
    for (let b = 65; b <= 90; b++) {
      const code = String.fromCharCode(a, b);
      const id = `country:${code.toLowerCase()}`;
      const display = english.of(code);
      // A withdrawn code ("BU" for Burma) stands for its successor, which the loop meets too.
      if (!display || NOT_COUNTRIES.has(code) || curated.has(id) || seen.has(id)) continue;
      if (new Intl.Locale(`und-${code}`).region !== code) continue;
      const names = namesOf(display);
      if (names.length === 0) continue;
      seen.add(id);
      const aliases: Alias[] = names.map((text) => ({ text, kind: 'name' }));
      for (const { lang, names: local } of others) {
        const text = local.of(code);
        if (text && !names.includes(text) && !text.includes('(')) aliases.push({ text, kind: 'translation', lang });
      }
      countries.push({ id, name: names[0] as string, aliases });
    }
  }
  return countries;
}

/** Every country: the bundled pack's, with their curated aliases, then the rest of the world. */
export const KNOWN_COUNTRIES: readonly KnownCountry[] = [...CURATED, ...otherCountries()];

// The forms that name a country on their own: a capital or a demonym ("Chinese") says less.
const NAMING_KINDS = new Set<Alias['kind']>(['name', 'short', 'acronym', 'translation']);

const byText = new Map<string, KnownCountry>();
for (const country of KNOWN_COUNTRIES) {
  for (const alias of country.aliases) {
    if (NAMING_KINDS.has(alias.kind) && !byText.has(alias.text)) byText.set(alias.text, country);
  }
}

const demonyms = new Set(
  KNOWN_COUNTRIES.flatMap((country) =>
    country.aliases.filter((alias) => alias.kind === 'demonym').map((alias) => alias.text),
  ),
);

/** "Chinese", "Dutch": a word that says a country's people or things, never an entity on its own. */
export function isDemonym(text: string): boolean {
  return demonyms.has(text);
}

/** The country a name is, exactly as written ("Brazil", "U.S.", "Chine"), or undefined. */
export function countryNamed(text: string): KnownCountry | undefined {
  return byText.get(text);
}

// Chinese and Japanese names are written without spaces, so they need no word boundaries.
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
const WORD = /[\p{L}\p{N}]+/gu;
const WORD_CHAR = /[\p{L}\p{N}_]/u;

// The names by their first word (or, for CJK, their first character), longest first: one pass over
// the text's words finds them all. One alternation of ~1,500 names with a boundary check each took
// seconds on 20 kB; this takes milliseconds.
const byFirst = new Map<string, string[]>();
for (const text of [...byText.keys()].sort((a, b) => b.length - a.length)) {
  const key = CJK.test(text.charAt(0)) ? text.charAt(0) : text.match(/^[\p{L}\p{N}]+/u)?.[0];
  if (key) byFirst.set(key, [...(byFirst.get(key) ?? []), text]);
}

export interface CountryMention {
  country: KnownCountry;
  text: string;
  start: number;
}

/** Every country named in `text`, longest name first where two start at one place ("New Zealand"). */
export function countryMentions(text: string): CountryMention[] {
  const mentions: CountryMention[] = [];
  let after = 0;
  const tryAt = (start: number, key: string, cjk: boolean) => {
    if (start < after) return;
    for (const name of byFirst.get(key) ?? []) {
      if (!text.startsWith(name, start)) continue;
      const end = start + name.length;
      if (!cjk && WORD_CHAR.test(text.charAt(end))) continue;
      const country = byText.get(name);
      if (country) mentions.push({ country, text: name, start });
      after = end;
      return;
    }
  };
  for (const match of text.matchAll(WORD)) {
    const word = match[0];
    if (!CJK.test(word)) {
      if (text.charAt(match.index - 1) !== '_') tryAt(match.index, word, false);
      continue;
    }
    for (let i = 0; i < word.length; i++) tryAt(match.index + i, word.charAt(i), true);
  }
  return mentions.sort((a, b) => a.start - b.start);
}
