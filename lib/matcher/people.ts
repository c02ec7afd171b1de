// What the words around an official's name say about who is meant: an office beside it (the
// official), or a title, a class year, a life's span or a signature that none of the pack's officials
// has (a namesake); and how far around a name another bearer of the surname is looked for. Pure.

/**
 * Words of office and public life near a person's name, that say the page means an official of the
 * documents and not a namesake: "Antony J. Blinken, Secretary of State", "Samantha Power,
 * Administrator, USAID", "Jim Love, Chief Content Officer".
 */
export const OFFICE_NEAR =
  /\b(?:[Ss]pokes(?:man|woman|person)|[Ss]ecretary|[Aa]dministrator|[Aa]mbassador|[Mm]inist(?:er|ry)|[Dd]iplomat(?:s|ic)?|[Cc]oordinator|[Ee]nvoy|[Oo]fficials?|[Gg]overnment|[Dd]irector|[Cc]hief [A-Z]?\w* ?[Oo]fficer|[Ee]ditor|[Jj]ournalist|State Department|White House|cyber\w*)\b/;

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
const BEARER_REACH = 400;

export const around = (text: string, start: number, end: number) =>
  text.slice(Math.max(0, start - BEARER_REACH), end + BEARER_REACH);
