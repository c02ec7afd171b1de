// What the words around an official's name say about who is meant: one of their offices beside
// it (the official), or a title, a class year, a life's span or a signature that none of the pack's officials
// has (a namesake); and how far around a name another bearer of the surname is looked for. Pure.
import type { Bearer } from './namesakes';

/**
 * Whether one of the official's own offices, as the pack's titles for them name it, stands near
 * their name: "Antony J. Blinken, Secretary of State", "Zhao Lijian, the ministry's spokesman",
 * "Samantha Power, Administrator, USAID". Not any office: "City Administrator Howard Solomon" is
 * someone else, Howard Solomon being a journalist.
 */
export function ownOfficeNear(bearer: Bearer | undefined, before: string, after: string): boolean {
  if (!bearer || bearer.offices.size === 0) return false;
  const near = `${before} ${after}`.toLowerCase();
  for (const office of bearer.offices) {
    const at = near.indexOf(office);
    if (at >= 0 && !/\p{L}/u.test(near.charAt(at - 1)) && !/\p{L}/u.test(near.charAt(at + office.length))) return true;
  }
  return false;
}

/**
 * Titles right before a full name that none of the pack's officials bears: a clergyman's, a
 * professor's, a doctor's, a coach's ("The Rev. Jim Love", "Professor Ned Price").
 */
const OTHER_TITLE_BEFORE =
  /\b(?:Rev\.?|Reverend|Pastor|Father|Fr\.|Deacon|Bishop|Rabbi|Imam|Sister|Brother|Msgr\.?|Professor|Prof\.|Dr\.?|Doctor|Coach|Judge|Sheriff|Sgt\.|Sergeant|Capt\.|Captain|Chef|Nurse|Dean)[^\S\n\r]+$/;
/**
 * After a full name, what marks someone else: a class year ("Jim Love '75"), a life's span
 * ("Ned Price (1822–1891)").
 */
const OTHER_PERSON_AFTER = /^(?:[^\S\n\r]+['’]\d{2}\b|[^\S\n\r]*\(?\d{4}[^\S\n\r]*[–—-][^\S\n\r]*\d{4}\)?)/;
/** A letter's signature: "— Jim Love, Herkimer". */
const SIGNATURE_BEFORE = /(?:^|\n)[^\S\n\r]*[—–][^\S\n\r]*$/;

/** Whether the words around an official's full name say it is someone else's. */
export function someoneElse(before: string, after: string): boolean {
  return (
    OTHER_TITLE_BEFORE.test(before) ||
    OTHER_PERSON_AFTER.test(after) ||
    (SIGNATURE_BEFORE.test(before) && /^,[^\S\n\r]*\p{Lu}/u.test(after))
  );
}

/**
 * How far around an official's name another bearer of the surname is looked for: a paragraph's
 * worth, so that a long text costs a constant amount per name.
 */
export const BEARER_REACH = 400;

export const around = (text: string, start: number, end: number) =>
  text.slice(Math.max(0, start - BEARER_REACH), end + BEARER_REACH);
