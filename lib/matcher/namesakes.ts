// Another person with an official's surname: "Zhao Wei, who ran a dumpling house… 'Students want
// food with a taste,' Mr. Zhao said", "James Robert Love, known to everyone as Jim Love, died at
// home in Moscow, Idaho". Where a text names someone else with the surname, its "Mr. Zhao" is that
// person, and even the official's full name may be a namesake's. Pure.
import type { AliasKind, EntityType } from '../knowledge/schema';
import { HONORIFICS } from './common-words';
import { escapeRegExp } from './place-names';
import { isSentenceStart } from './rules';
import { isTitleCaseLine } from './title-case';

/** How an official's name is written: the surname, where it stands, and the words of their own names. */
export interface Bearer {
  surname: string;
  /** "Zhao Lijian": the surname comes first. */
  surnameFirst: boolean;
  /** Every word of the official's names and titles ("Lijian", "Spokesperson", "Mr."). */
  own: ReadonlySet<string>;
  /** The given names of their full names ("Samantha"; "Christopher", "Chris"). */
  given: ReadonlySet<string>;
  /** Their offices, in lower case, from the pack's titles for them ("spokesperson", "administrator"). */
  offices: ReadonlySet<string>;
}

/**
 * Capitalised words that come before a surname without being a given name: offices and ranks,
 * days and months (a sentence's first word is never taken for one, see otherBearerIn).
 */
const NOT_GIVEN = new Set(
  `President Vice Secretary Spokesperson Spokesman Spokeswoman Administrator Ambassador Minister Premier
  Chancellor Senator Sen Rep Representative Governor Gov Mayor Judge Justice General Gen Colonel Col Captain
  Capt Officer Director Chairman Chairwoman Chair Chief Commissioner Deputy Former Acting Then Envoy Adviser
  Advisor Professor Prof Dean Coach Rev Reverend Father Pastor Bishop Sister Brother Saint St Lord Lady King
  Queen Prince Princess Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April
  May June July August September October November December`
    .split(/\s+/)
    .filter(Boolean),
);

/** The bearers of the pack's officials' surnames, by entity, from their aliases. */
export function bearersOf(
  aliases: readonly { text: string; kind: AliasKind; entityId: string; entityType: EntityType }[],
): Map<string, Bearer> {
  const byEntity = new Map<string, { text: string; kind: AliasKind }[]>();
  for (const alias of aliases) {
    if (alias.entityType !== 'official' || alias.kind === 'translation') continue;
    byEntity.set(alias.entityId, [...(byEntity.get(alias.entityId) ?? []), alias]);
  }
  const bearers = new Map<string, Bearer>();
  for (const [entityId, own] of byEntity) {
    const name = own.find((a) => a.kind === 'name')?.text.split(/\s+/);
    if (!name || name.length < 2) continue;
    const titled = own
      .map((a) => a.text.split(/\s+/))
      .find((words) => words.length === 2 && HONORIFICS.has(words[0] as string));
    const single = own.find((a) => (a.kind === 'reference' || a.kind === 'short') && !/\s/.test(a.text));
    const surname = titled?.[1] ?? single?.text;
    if (!surname || !name.includes(surname)) continue;
    const fullNames = own.filter((a) => a.kind === 'name' || a.kind === 'short').map((a) => a.text.split(/\s+/));
    bearers.set(entityId, {
      surname,
      surnameFirst: name[0] === surname,
      own: new Set(own.flatMap((a) => a.text.split(/\s+/))),
      given: new Set(
        fullNames.filter((words) => words.length >= 2).flatMap((words) => words.filter((w) => w !== surname)),
      ),
      offices: officesOf(own, name),
    });
  }
  return bearers;
}

const WORD = String.raw`\p{Lu}\p{Ll}+`;
/** A middle name, an initial or a nickname in quotes: "Robert", "R.", "\"Jim\"". */
const MIDDLE = String.raw`(?:\p{Lu}\p{Ll}+|\p{Lu}\.|["“][^"”\n]{1,20}["”])`;
const SPACE = String.raw`[^\S\n\r]+`;

const patterns = new Map<string, RegExp>();

/**
 * Given names (with a middle name) before the surname; for a name written surname first ("Zhao
 * Lijian"), also a given name after it ("Zhao Wei"), as both orders are in use ("Daniel Zhao").
 */
function patternOf(bearer: Bearer): RegExp {
  const key = `${bearer.surname}|${bearer.surnameFirst}`;
  let pattern = patterns.get(key);
  if (!pattern) {
    const surname = escapeRegExp(bearer.surname);
    const givenFirst = String.raw`(?<![\p{L}\p{M}.])(${WORD})((?:${SPACE}${MIDDLE})?)${SPACE}${surname}(?![\p{L}\p{M}])`;
    const surnameFirst = String.raw`(?<![\p{L}\p{M}])${surname}${SPACE}(${WORD})()(?![\p{L}\p{M}])`;
    pattern = new RegExp(bearer.surnameFirst ? `${givenFirst}|${surnameFirst}` : givenFirst, 'gu');
    patterns.set(key, pattern);
  }
  pattern.lastIndex = 0;
  return pattern;
}

/**
 * Whether the text names another person with the bearer's surname: a given name that is none of the
 * official's own ("Zhao Wei", "Mary Price", "James Robert Love"). A sentence's first word counts
 * only with a middle name or a nickname after it ("Yesterday Power said" names no one), and Title
 * Case lines not at all ("Zhao Slams Critics").
 */
export function otherBearerIn(text: string, bearer: Bearer): boolean {
  for (const found of text.matchAll(patternOf(bearer))) {
    const { given, middle, givenFirst } = partsOf(found);
    // "Yesterday Antony Blinken": the official, after a sentence's first word.
    if ([given, middle].some((word) => bearer.own.has(word) || NOT_GIVEN.has(word) || HONORIFICS.has(word))) {
      continue;
    }
    const at = found.index ?? 0;
    if (isTitleCaseLine(text, at, at + found[0].length)) continue;
    if (givenFirst && !middle && isSentenceStart(text, at)) continue;
    return true;
  }
  return false;
}

/** The given name and middle name of a match of patternOf, and which order it was written in. */
function partsOf(found: RegExpMatchArray) {
  const givenFirst = found[1] !== undefined;
  return {
    given: (givenFirst ? found[1] : found[3]) ?? '',
    middle: ((givenFirst ? found[2] : '') ?? '').trim(),
    givenFirst,
  };
}

/** Whether the text names the official in full: one of their given names with the surname. */
export function namedInFullIn(text: string, bearer: Bearer): boolean {
  for (const found of text.matchAll(patternOf(bearer))) {
    const { given, middle } = partsOf(found);
    if (bearer.given.has(given) || bearer.given.has(middle)) return true;
  }
  return false;
}

/** Words of an official's titles that are offices: not names, honorifics or small words. */
function officesOf(aliases: readonly { text: string; kind: AliasKind }[], name: readonly string[]): Set<string> {
  const names = new Set(aliases.filter((a) => a.kind !== 'title').flatMap((a) => a.text.split(/\s+/)));
  return new Set(
    aliases
      .filter((a) => a.kind === 'title')
      .flatMap((a) => a.text.split(/\s+/))
      .filter((w) => /^\p{Lu}\p{Ll}{3,}$/u.test(w) && !names.has(w) && !name.includes(w) && !HONORIFICS.has(w))
      .filter((w) => w !== 'State')
      .map((w) => w.toLowerCase()),
  );
}
