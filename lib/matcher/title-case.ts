// Lines written in Title Case, where a capital letter says nothing about a word being a name:
// "Bone China Plates", "Turkey Dinner Recipes". A country's name that is also a common noun
// (COMMON_NOUN_NAMES) needs support there. Pure.

/** Words a Title Case line may leave in lower case. */
const MINOR_WORDS = new Set(
  'a an the and or nor but of for in on at to by from as with into onto over under via per vs vs. versus is'.split(' '),
);

/** Where a line ends: a line break, the end of a sentence, or a separator of menus and breadcrumbs. */
const LINE_END = /[\n.!?|•·›»:;]/;

/** How far around a match a line is looked at, in UTF-16 units. */
const REACH = 120;

const WORDS = /\p{L}[\p{L}\p{M}'’-]*/gu;

/** The start and end of the line around [start, end). */
export function lineAround(text: string, start: number, end: number): [number, number] {
  let from = start;
  const limit = Math.max(0, start - REACH);
  while (from > limit && !LINE_END.test(text.charAt(from - 1))) from--;
  let to = end;
  const stop = Math.min(text.length, end + REACH);
  while (to < stop && !LINE_END.test(text.charAt(to))) to++;
  return [from, to];
}

/**
 * True when the line around [start, end) is in Title Case: it has at least one other word that is
 * not a minor word, and every such word starts with a capital.
 */
export function isTitleCaseLine(text: string, start: number, end: number): boolean {
  const [from, to] = lineAround(text, start, end);
  const rest = `${text.slice(from, start)} ${text.slice(end, to)}`;
  let words = 0;
  for (const [word] of rest.matchAll(WORDS)) {
    if (MINOR_WORDS.has(word.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(word)) return false;
    words++;
  }
  return words > 0;
}

/**
 * Verbs of headlines: after a name in a Title Case line they make it the subject acting, a country
 * ("China Tightens Rules", "Japan Signs Pact"), not a noun in a compound.
 */
export const HEADLINE_VERBS: ReadonlySet<string> = new Set(
  `says said warns wins signs signed joins joined urges calls bans plans rejects denies vows backs slams seeks
  sends hits beats faces launches unveils announces defends blocks condemns agrees approves accuses threatens
  responds criticises criticizes opens cuts raises tightens eases imposes lifts expands reports tops leads
  loses edges draws is was has had will would can could may must should to does did declines refuses pledges
  hosts meets votes moves sets sign join ban back warn win reject deny vow seek send hit beat face launch unveil
  announce defend block condemn agree approve accuse threaten respond open cut raise tighten ease impose lift
  expand report top lead lose draw decline refuse pledge host meet vote move set say call urge plan assumes
  assume takes take gives give makes make becomes become remains remain returns return wants want needs need`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words before a name that make it a place or an actor: "Made In China", "Flights To Turkey". */
const PLACE_WORDS = new Set('in to from against between across into visit visits and vs versus with'.split(' '));

const NEXT_WORD = /^[\s\u00A0]+(\p{L}+)/u;

/** Whether a headline verb follows ("China Tightens", "Japan Signs"). */
export function headlineVerbAfter(after: string): boolean {
  const next = NEXT_WORD.exec(after)?.[1];
  return next !== undefined && HEADLINE_VERBS.has(next.toLowerCase());
}
const PREVIOUS_WORD = /(\p{L}+)[\s\u00A0]+$/u;

/**
 * Whether the words right around a name in a Title Case line read it as the country: a possessive,
 * a headline verb after it, or a preposition before it.
 */
export function readsAsCountry(before: string, after: string): boolean {
  if (/^['’]s(?!\p{L})/u.test(after)) return true;
  const next = NEXT_WORD.exec(after)?.[1];
  if (next && HEADLINE_VERBS.has(next.toLowerCase())) return true;
  // "Osaka, Japan": a town, then its country.
  if (/\p{Lu}[\p{L}\p{M}.'’-]*,[\s\u00A0]+$/u.test(before)) return true;
  const previous = PREVIOUS_WORD.exec(before)?.[1];
  return previous !== undefined && PLACE_WORDS.has(previous.toLowerCase());
}
