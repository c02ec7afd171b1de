// Whether a name of an official means them: the words around it (one of their offices, or a
// title, a class year, a life's span or a signature that none of the pack's officials has), the
// page's evidence (their full name, their world, their organization), and another person on the
// page who bears their surname. Pure.
import type { MentionContext } from './matcher';
import { type Bearer, namedInFullIn, otherBearerIn } from './namesakes';
import type { PageEvidence } from './page-evidence';
import type { AliasTarget } from './senses';
import { namesakeOnPage } from './verdicts';

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
function someoneElse(before: string, after: string): boolean {
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

/**
 * Notes on the page any other bearer of an official's surname in the paragraph around a name of
 * theirs ("Zhao Wei … Mr. Zhao said"), and returns that paragraph, read at most once.
 */
export function noteOtherBearers(
  targets: readonly AliasTarget[],
  text: string,
  start: number,
  end: number,
  evidence: PageEvidence,
): () => string {
  let paragraph: string | undefined;
  const read = () => {
    paragraph ??= text.slice(Math.max(0, start - BEARER_REACH), end + BEARER_REACH);
    return paragraph;
  };
  for (const t of targets) {
    if (t.bearer && !evidence.otherBearer(t.entityId) && otherBearerIn(read(), t.bearer)) {
      evidence.noteOtherBearer(t.entityId);
    }
  }
  return read;
}

/**
 * Whether a bare surname ("Painter was its first chair") follows the official's full name: on the
 * page, or earlier in its text even where that full name still waits for support.
 */
export function personNamedBefore(t: AliasTarget, text: string, start: number, context: MentionContext): boolean {
  return (
    context.has(t.entityId) ||
    (t.bearer !== undefined && namedInFullIn(text.slice(Math.max(0, start - BEARER_REACH), start), t.bearer))
  );
}

/**
 * Whether an official's title or surname may stand for them. "Mr Price" with a common surname
 * counts where the page names them in full or speaks of the documents, or its paragraph names them
 * in full ("why Ms Power matters … Samantha Power has put USAID…"); any title or surname not where
 * someone else on the page bears it ("Zhao Wei … Mr. Zhao said").
 */
export function titleUsable(t: AliasTarget, paragraph: string, evidence: PageEvidence): boolean {
  if (t.commonTitle) {
    return (
      evidence.namedInFull(t.entityId) ||
      evidence.speaksOfTheDocuments(t.entityId) ||
      (t.bearer !== undefined && namedInFullIn(paragraph, t.bearer))
    );
  }
  return t.personal !== 'surname' || !namesakeOnPage(evidence, t.entityId);
}

/**
 * What an official's full name needs. 'someone else': the words around say so ("The Rev. Jim
 * Love", "Jim Love '75", "— Jim Love, Herkimer"). 'needed': a name many people share ("Her
 * trainer, Ned Price, wins at 24 percent") with nothing yet to say it is the official: it counts
 * if its text names one of the documents' initiatives or officials or an entity the pack relates
 * the person to. 'none': one of their offices is beside it ("Samantha Power, the administrator"),
 * the page speaks of the documents or of them, the name is rare, or the pack calls them President.
 */
export function fullNameSupport(
  t: AliasTarget,
  before: string,
  after: string,
  evidence: PageEvidence,
): 'someone else' | 'needed' | 'none' {
  if (someoneElse(before, after)) return 'someone else';
  const meant =
    !t.shared ||
    t.president === true ||
    evidence.chosenByReader ||
    evidence.namedInFull(t.entityId) ||
    evidence.hasNamedAny(t.related) ||
    evidence.speaksOfTheDocuments(t.entityId) ||
    ownOfficeNear(t.bearer, before, after);
  return meant ? 'none' : 'needed';
}
