// Decides whether a candidate mention names its entity: from the words around it (rules.ts, the
// place rules) and from what the page said before (page-evidence.ts, one sense per page). The
// matcher finds candidates; this says yes, no, or "only if the line names something else too".
// Pure.
import type { AliasKind, EntityType } from '../knowledge/schema';
import {
  COMMON_GIVEN_NAMES,
  COMMON_NOUN_NAMES,
  COMMON_SURNAMES,
  HONORIFICS,
  WELL_KNOWN_ACRONYMS,
  WORDLIKE_NAMES,
} from './common-words';
import { beginsCompanyName, beginsLongerName, beginsVenueName } from './longer-names';
import type { MentionContext } from './matcher';
import { capitalisedBefore, describedAsThing, GIVEN_NAMES, nameShape } from './name-shapes';
import { type Bearer, bearersOf } from './namesakes';
import { evidenceOf, type PageEvidence } from './page-evidence';
import { fullNameSupport, noteOtherBearers, personNamedBefore, titleUsable } from './people';
import { datelineTown, townAfter, townBefore } from './place-names';
import {
  isSentenceStart,
  isShouted,
  referenceFits,
  SURFACE_RULES,
  type SurfaceRule,
  WINDOW,
  WORDLIKE_ACRONYMS,
} from './rules';
import { headlineVerbAfter, isTitleCaseLine, lineAround, readsAsCountry } from './title-case';
import type { Verdict, Weak } from './verdicts';

export type { Verdict, Weak };

export interface AliasTarget {
  entityId: string;
  entityType: EntityType;
  kind: AliasKind;
  /** A title made of an honorific and a common surname ("Mr Price"): counts only with support. */
  commonTitle: boolean;
  /** A full name ("Ned Price", "Spokesperson Ned Price"): lets titles and surnames count after it. */
  full: boolean;
  /**
   * An acronym of an organization or initiative that has a longer name ("FOC", not "ZTE", whose
   * name it is): it needs support on pages about something else. Set by markShortForms.
   */
  shortForm: boolean;
  /**
   * How an official's alias names them, for namesakes (namesakes.ts): by a full name without an
   * office ("Jim Love"), or by the surname alone or with an honorific ("Zhao", "Mr. Zhao").
   */
  personal: 'full' | 'surname' | null;
  /**
   * A full name many people share: a frequent given name or surname ("Samantha Power", "Ned
   * Price", "David Masson"; not "Antony Blinken" or "Zhao Lijian"). It needs support on a page.
   */
  shared: boolean;
  /** The official's surname and own names, set by finishEntries. */
  bearer?: Bearer;
  /** The entities an official's roles relate them to (their organization). */
  related: ReadonlySet<string>;
  /**
   * An official the pack calls President ("President Biden"): named on every kind of page as
   * themselves, so their full name needs no support. Set by finishEntries.
   */
  president?: boolean;
}

/** What a matched surface can name, found by its key. */
export interface Entry {
  key: string;
  targets: AliasTarget[];
  rule: SurfaceRule | undefined;
  /** An acronym that is also a two-letter word ("US"): not counted in ALL-CAPS text. */
  wordlike: boolean;
  /** A country's or capital's name in words: the place rules apply ("Lebanon, Ohio", "China Garden"). */
  place: boolean;
  /** A country's name that is also a common noun ("China", "Turkey"): weak in Title Case lines. */
  commonNoun: boolean;
  /** A place's name that is also a frequent surname ("Washington", "Jordan"). */
  surnameToo: boolean;
  /** A country's name that takes "the" ("the United States", "the Netherlands"). */
  takesArticle: boolean;
  /** Only an initiative's name ("Great Canon"): not at the head of a longer title. */
  initiative: boolean;
  /**
   * Only organizations' names of several words ("White House", "United Nations"): not at the head
   * of a shop's or an eatery's name.
   */
  venue: boolean;
  /**
   * Other names of the same country (its capital, its people) whose presence nearby says the
   * pack's sense: "Beijing: China's central bank". Set by finishEntries.
   */
  cues: readonly string[];
}

/** Right after an organization's acronym: its meetings and members ("G7 summit", "G20 leaders"). */
const GATHERING_AFTER =
  /^[\s\u00A0]+(?:summits?|talks|negotiations|ministers?['’]?|ministerial|leaders?['’]?|foreign ministers|finance ministers|communiqu[eé]|presidency|member states|members|countries|nations|economies|meeting of)\b/;

/** A preposition of place right before a name: a place, whoever else on the page bears the name. */
const PLACE_PREPOSITION_BEFORE = /\b(?:from|in|to|into|across|throughout|toward|towards|visit(?:ed|ing|s)?)[^\S\n\r]+$/;

/** Words only a country fits, whatever the page's town is called: its envoys, trade, travel abroad. */
const ABROAD =
  /\b(?:delegations?|embass(?:y|ies)|consulates?|ambassadors?|sister[- ]cit(?:y|ies)|abroad|overseas|visas?|passports?|immigrants?|emigrants?|emigrated|immigrated|exports?|imports?|tariffs?)\b/;

/** Countries whose names take "the" ("the United States", "the Netherlands", "the UK", "the Gambia"). */
const TAKES_ARTICLE =
  /^(?:United\b|Republic\b|Kingdom\b|Czech|Dominican|Central African|Gambia$|Congo$|Sudan$|Ukraine$|Lebanon$|Vatican$|Holy See$|[\p{Lu}.]+$)|s$/u;

/** A name joined to the one before or after it by "and", "or" or a comma: one of a list. */
const IN_A_LIST_BEFORE = /(?:\band|\bor|&|,)(?:[^\S\n\r]*,?[^\S\n\r]*(?:yes|even|of course|too),)?[^\S\n\r]+$/;
const IN_A_LIST_AFTER = /^(?:[^\S\n\r]*,|[^\S\n\r]+(?:and|or|&)\b)/;
/** How far around a listed name the other names of its list are looked for. */
const LIST_REACH = 30;

const LONGER_TITLE = /^[^\S\n\r]+of[^\S\n\r]+\p{Lu}/u;

/** Kinds of alias that spell a place's name in words (not an acronym, a demonym or a reference). */
const PLACE_KINDS: ReadonlySet<AliasKind> = new Set(['name', 'short', 'capital', 'translation']);

export function newEntry(key: string): Entry {
  return {
    key,
    targets: [],
    rule: SURFACE_RULES.get(key),
    wordlike: false,
    place: false,
    commonNoun: COMMON_NOUN_NAMES.has(key),
    surnameToo: COMMON_SURNAMES.has(key),
    takesArticle: TAKES_ARTICLE.test(key),
    initiative: true,
    venue: /\s/.test(key),
    cues: [],
  };
}

/** Adds what one alias can name to its surface's entry. */
export function addTarget(
  entry: Entry,
  alias: { text: string; kind: AliasKind; entityId: string; entityType: EntityType; related?: readonly string[] },
) {
  if (alias.kind === 'acronym' && WORDLIKE_ACRONYMS.has(entry.key)) entry.wordlike = true;
  if (alias.entityType === 'country' && PLACE_KINDS.has(alias.kind)) entry.place = true;
  if (alias.entityType !== 'initiative' || alias.kind === 'acronym') entry.initiative = false;
  if (alias.entityType !== 'organization') entry.venue = false;
  if (entry.targets.some((t) => t.entityId === alias.entityId)) return;
  const words = alias.text.split(/\s+/);
  const commonTitle =
    alias.kind === 'title' &&
    words.length === 2 &&
    HONORIFICS.has(words[0] as string) &&
    COMMON_SURNAMES.has(words[1] as string);
  const full =
    alias.kind === 'name' ||
    (alias.kind !== 'reference' && !commonTitle && words.length >= 3) ||
    (alias.kind === 'short' && words.length >= 2);
  const personal =
    alias.entityType !== 'official'
      ? null
      : alias.kind === 'name' || (alias.kind === 'short' && words.length >= 2)
        ? 'full'
        : alias.kind === 'reference' ||
            (alias.kind === 'short' && words.length === 1) ||
            (alias.kind === 'title' && words.length === 2 && HONORIFICS.has(words[0] as string))
          ? 'surname'
          : null;
  entry.targets.push({
    entityId: alias.entityId,
    entityType: alias.entityType,
    kind: alias.kind,
    commonTitle,
    full,
    shortForm: false,
    personal,
    shared:
      personal === 'full' &&
      (COMMON_GIVEN_NAMES.has(words[0] as string) || COMMON_SURNAMES.has(words[words.length - 1] as string)),
    related: new Set(alias.related ?? []),
  });
}

/**
 * What needs every alias to be known: which acronyms stand for a longer name of their entity
 * (AliasTarget.shortForm), and the cues of each place's sense (Entry.cues).
 */
export function finishEntries(
  entries: Iterable<Entry>,
  aliases: readonly { text: string; kind: AliasKind; entityId: string; entityType: EntityType }[],
): void {
  const named = new Set(aliases.filter((a) => a.kind === 'name').map((a) => a.entityId));
  const bearers = bearersOf(aliases);
  const presidents = new Set(aliases.filter((a) => a.text.startsWith('President ')).map((a) => a.entityId));
  const cuesOf = new Map<string, string[]>();
  for (const a of aliases) {
    if (a.kind !== 'capital' && a.kind !== 'demonym') continue;
    cuesOf.set(a.entityId, [...(cuesOf.get(a.entityId) ?? []), a.text]);
  }
  for (const entry of entries) {
    for (const t of entry.targets) {
      t.shortForm = t.kind === 'acronym' && t.entityType !== 'country' && named.has(t.entityId);
      if (t.personal) {
        t.bearer = bearers.get(t.entityId);
        t.president = presidents.has(t.entityId);
      }
    }
    if (entry.place) {
      entry.cues = entry.targets.flatMap((t) => cuesOf.get(t.entityId) ?? []).filter((cue) => cue !== entry.key);
    }
  }
}

/**
 * Whether the words around a place's name say the country, whatever sense the page settled on:
 * its capital or people ("Beijing: China's central bank"), words of foreign affairs ("a delegation
 * of eleven from Italy", on the page of Italy, Texas), or, where the page's other sense was a
 * person's, a preposition of place ("cottons from India" beside a quilter called India).
 */
function countryAround(entry: Entry, before: string, after: string, evidence: PageEvidence): boolean {
  return (
    hasWord(before, entry.cues) ||
    hasWord(after, entry.cues) ||
    ABROAD.test(before) ||
    ABROAD.test(after) ||
    (evidence.otherIsPeople(entry.key) && PLACE_PREPOSITION_BEFORE.test(before))
  );
}

/** Whether one of the words is in the text as a word of its own. */
function hasWord(text: string, words: readonly string[]): boolean {
  return words.some((word) => {
    const at = text.indexOf(word);
    return at >= 0 && !/\p{L}/u.test(text.charAt(at - 1)) && !/\p{L}/u.test(text.charAt(at + word.length));
  });
}

/**
 * Whether text[start, end), a surface of `entry`, names one of its entities on this page. A verdict
 * with a `line` is weak: the caller keeps it only if another mention is found in that line.
 */
export function judge(entry: Entry, text: string, start: number, end: number, context: MentionContext): Verdict {
  const evidence = evidenceOf(context);
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const after = text.slice(end, end + WINDOW);
  const surface = text.slice(start, end);

  // Cues in the words around: the name's own rule, then the place rules.
  let ours = entry.rule?.ourSense?.(before, after) ?? false;
  if (!ours) {
    if (entry.rule?.reject(before, after, surface)) {
      if (entry.rule.otherSense?.(before, after)) evidence.noteSense(entry.key, 'other');
      return undefined;
    }
    if (entry.place) {
      // "Lebanon, Ohio": this page is about the town; its bare uses follow (one sense per page).
      if (townAfter(after) || townBefore(before)) {
        evidence.noteSense(entry.key, 'other');
        return undefined;
      }
      if (beginsLongerName(after)) return undefined;
      const shape = placeInAnotherName(entry, text, start, before, after);
      if (shape) {
        // "Brian France", "Mrs. Ireland", "Georgia Whitaker": a person, and so are the page's bare
        // uses. (Not from a Title Case line: "Hazy India Pale Ale" says nothing of "from India".)
        // So is a name that an appositive says is a drink or a shop ("Malta, the malt soda").
        const person = shape.shape === 'surname' || (shape.shape === 'followed' && GIVEN_NAMES.has(entry.key));
        const named = shape.shape === 'described' || shape.shape === 'work' || shape.shape === 'animal';
        if ((person || named) && !shape.titleCase) evidence.noteSense(entry.key, 'other', person);
        return undefined;
      }
    }
  }
  // "the White House Sub Shop": a building's name at the head of a shop's, outside headings.
  if (!ours && entry.venue && beginsVenueName(after) && !isTitleCaseLine(text, start, end)) {
    return undefined;
  }
  // "the Great Canon of St. Andrew": an initiative's name at the head of a longer title; "Forward
  // Deployment, the third mission": the name of something else.
  if (entry.initiative && (LONGER_TITLE.test(after) || describedAsThing(after))) return undefined;
  // "Clean Network Ltd", "Clean Network Services", "the Forward Deployment Foster Program": a
  // company's or a programme's name that begins with an initiative's.
  if (entry.initiative && !ours && beginsCompanyName(after)) return undefined;
  const leaning = evidence.leaning(entry.key);
  const tentative = entry.place && !ours && leaning === null ? entry.key : undefined;
  if (ours) evidence.noteSense(entry.key, 'ours');
  // No cue here: the sense the page settled on, unless the words around lift it. In a list with
  // other names ("The EU and Washington have put off…") it counts if those are found.
  let listed: Weak | undefined;
  if (!ours && leaning === 'other' && !countryAround(entry, before, after, evidence)) {
    if (!IN_A_LIST_BEFORE.test(before) && !IN_A_LIST_AFTER.test(after)) return undefined;
    listed = { line: [Math.max(0, start - LIST_REACH), Math.min(text.length, end + LIST_REACH)], needs: 'any' };
  }
  ours ||= leaning === 'ours';

  const shouted = entry.wordlike && isShouted(text, start, end);
  const paragraph = noteOtherBearers(entry.targets, text, start, end, evidence);
  const usable = entry.targets.filter((t) => {
    if (t.kind === 'reference') {
      return personNamedBefore(t, text, start, context) && referenceFits(text, start, end);
    }
    if (t.kind === 'acronym') return !shouted;
    // "Trump early if you hold eight": a one-word name that is also a word, read like a bare surname.
    if (t.kind === 'short' && WORDLIKE_NAMES.has(entry.key)) return referenceFits(text, start, end);
    return !t.personal || titleUsable(t, paragraph(), evidence);
  });
  // An ambiguous alias goes to the entity the page has already named, else the first listed.
  const target = usable.length <= 1 ? usable[0] : (usable.find((t) => context.has(t.entityId)) ?? usable[0]);
  if (!target) return undefined;
  // "FOC" in a motor controller, "DFI" a board maker, "NSO" an orchestra: an organization's or an
  // initiative's acronym counts where the page names it in full or speaks of the documents, or
  // where its line names another of the documents' organizations ("OECD, WTO and ICANN").
  if (
    target.shortForm &&
    !WELL_KNOWN_ACRONYMS.has(entry.key) &&
    !evidence.namedInFull(target.entityId) &&
    !evidence.speaksOfTheDocuments(target.entityId) &&
    // "a G7 ministers' meeting", "the G7 summit": the organization's business.
    !GATHERING_AFTER.test(after)
  ) {
    return { target, tentative, weak: { line: lineAround(text, start, end), needs: 'world' } };
  }
  if (target.personal === 'full') {
    const support = fullNameSupport(target, before, after, evidence);
    if (support === 'someone else') return undefined;
    if (support === 'needed') {
      return { target, tentative, weak: { line: [0, text.length], needs: 'person', related: target.related } };
    }
  }
  // "Bone China Plates": in a Title Case line, a name that is also a noun needs support: the words
  // around it, another mention in its line, or a page about the documents' world. (A shop that
  // says "Made in China" elsewhere still sells bone china: having named the country is not enough.)
  if (
    entry.commonNoun &&
    !ours &&
    isTitleCaseLine(text, start, end) &&
    !readsAsCountry(before, after) &&
    !evidence.speaksOfTheDocuments(target.entityId)
  ) {
    return { target, tentative, weak: { line: lineAround(text, start, end), needs: 'any' } };
  }
  return listed ? { target, tentative, weak: listed } : { target, tentative };
}

/** "BRAZIL, Ind. —": a text that opens with a dateline settles its town's name as a town on the page. */
export function noteDateline(text: string, context: MentionContext, entryOf: (name: string) => Entry | undefined) {
  const town = datelineTown(text);
  const entry = town ? entryOf(town) : undefined;
  if (entry?.place) evidenceOf(context).noteSense(entry.key, 'other');
}

/**
 * How a country's name is part of another name here (name-shapes.ts), or null, and whether its
 * line is in Title Case. A headline verb after it ("China Tightens Rules") makes it the country.
 */
function placeInAnotherName(entry: Entry, text: string, start: number, before: string, after: string) {
  const titleCase = isTitleCaseLine(text, start, start);
  const previous = capitalisedBefore(before);
  const previousStarts = previous !== null && isSentenceStart(text, start - before.length + previous.at);
  const shape = nameShape(before, after, previousStarts, entry);
  if (!shape || (shape === 'followed' && headlineVerbAfter(after))) return null;
  return { shape, titleCase };
}
