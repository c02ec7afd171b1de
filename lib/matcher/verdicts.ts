// What one text's verdicts come to: a clear mention counts at once, a weak one if its line (or
// text) names the kind of entity it needs, a tentative one if no later cue in the text undoes it,
// and an official's surname if nothing on the page made it a namesake's. What is kept is recorded
// on the page's evidence. Pure.
import type { EntityType } from '../knowledge/schema';
import type { MentionContext } from './matcher';
import { evidenceOf, type PageEvidence } from './page-evidence';
import type { AliasTarget } from './senses';

/**
 * A mention that counts only if its line names another entity: of any kind ("Japan And Brazil
 * Sign"), of the documents' world for an organization's acronym ("the G7 and G20"), or for an
 * official's full name an initiative or official of the documents, or an entity their roles relate
 * them to ("Jim Love … IT World Canada"): not any organization, as Facebook is on every page.
 */
export interface Weak {
  line: [number, number];
  needs: 'any' | 'world' | 'person';
  related?: ReadonlySet<string>;
}

/**
 * The verdict on a candidate: its target; whether it is weak; and whether it is `tentative`: a
 * place's name taken with no cue either way, which a cue for another sense later in the same text
 * undoes ("Washington stars as Hannibal ... Washington, 70, has said").
 */
export type Verdict = { target: AliasTarget; weak?: Weak; tentative?: string } | undefined;

/**
 * Whether an official's surname may be another person's on this page: someone else bears it, and
 * nothing on the page says it is the official (their full name, the documents' world).
 */
export function namesakeOnPage(evidence: PageEvidence, entityId: string): boolean {
  return evidence.otherBearer(entityId) && !evidence.namedInFull(entityId) && !evidence.speaksOfTheDocuments(entityId);
}

/** Records on the page's evidence that a mention of `target` was found. */
export function noteFound(context: MentionContext, target: AliasTarget): void {
  context.add(target.entityId);
  evidenceOf(context).noteNamed(
    target.entityId,
    target.entityType,
    target.full,
    // "Mr. Zhao" or "Zhao" alone says nothing of the documents' world: it may be anyone's.
    !target.commonTitle && target.kind !== 'reference' && !target.shortForm && target.personal !== 'surname',
  );
}

/** Kinds of entity of the documents' world, for the support of an acronym by its line. */
const WORLD_KINDS: ReadonlySet<EntityType> = new Set(['initiative', 'organization', 'official']);
/** Kinds of entity that support an official's full name in its text, besides their own organization. */
const PERSON_WORLD_KINDS: ReadonlySet<EntityType> = new Set(['initiative', 'official']);

/**
 * The weak mentions kept: those whose line holds another mention (weak or not) of another entity,
 * of the kind each needs.
 */
export function supported<M extends { start: number; end: number; entityId: string; entityType: EntityType }>(
  strong: readonly M[],
  weak: readonly { match: M; weak: Weak }[],
): M[] {
  const all = [...strong, ...weak.map(({ match }) => match)];
  // A full name waiting for support gives none to an acronym ("Ned Price … DFI").
  const notPeople = [...strong, ...weak.filter(({ weak: w }) => w.needs !== 'person').map(({ match }) => match)];
  return weak
    .filter(({ match, weak: { line, needs, related } }) =>
      // Two names that each need support give it to each other in a Title Case line ("Japan And
      // Brazil Sign") or a list of acronyms ("the G7 and G20"), not to an official's full name.
      (needs === 'any' ? all : needs === 'world' ? notPeople : strong).some(
        (m) =>
          m.entityId !== match.entityId &&
          m.start >= line[0] &&
          m.end <= line[1] &&
          (needs === 'any' ||
            (needs === 'world' && WORLD_KINDS.has(m.entityType)) ||
            (needs === 'person' && (PERSON_WORLD_KINDS.has(m.entityType) || related?.has(m.entityId) === true))),
      ),
    )
    .map(({ match }) => match);
}

/**
 * The verdicts on one text's candidates, in order. A clear mention counts at once; weak ones are
 * kept at the end if their line supports them, tentative ones if no cue for another sense of their
 * name came later in the text. Only what is kept is recorded on the page's evidence.
 */
export class TextVerdicts<M extends { start: number; end: number; entityId: string; entityType: EntityType }> {
  private readonly clear: M[] = [];
  private readonly pending: { match: M; target: AliasTarget; weak?: Weak; tentative?: string }[] = [];

  constructor(private readonly context: MentionContext) {}

  /**
   * `line`: a weak verdict's line, in the offsets of the match. An official's surname or title
   * ("Mr. Masson") waits for the end of the text too, unless the page named them in full: their
   * full name later in the text may turn out to be a namesake's.
   */
  add(match: M, verdict: NonNullable<Verdict>, line?: [number, number]): void {
    const { target } = verdict;
    const bySurname = target.personal === 'surname' && !evidenceOf(this.context).namedInFull(target.entityId);
    if (!verdict.weak && !verdict.tentative && !bySurname) {
      this.clear.push(match);
      noteFound(this.context, target);
      return;
    }
    const weak = verdict.weak && line ? { ...verdict.weak, line } : undefined;
    this.pending.push({ match, target, weak, tentative: verdict.tentative });
  }

  finish(): M[] {
    if (this.pending.length === 0) return this.clear;
    const evidence = evidenceOf(this.context);
    const settled = this.pending.filter((p) => !(p.tentative && evidence.leaning(p.tentative) === 'other'));
    const weak = settled.filter((p): p is typeof p & { weak: Weak } => p.weak !== undefined);
    const supportedWeak = new Set(
      supported([...this.clear, ...settled.filter((p) => !p.weak).map((p) => p.match)], weak),
    );
    // "David Masson, 61, of Denmark, Wis." left plain: the page's Mr. Masson is that man too.
    for (const { match, target } of weak) {
      if (target.personal === 'full' && !supportedWeak.has(match)) evidence.noteOtherBearer(target.entityId);
    }
    const kept = settled.filter(
      (p) =>
        (!p.weak || supportedWeak.has(p.match)) &&
        !(p.target.personal === 'surname' && namesakeOnPage(evidence, p.target.entityId)),
    );
    for (const { target } of kept) noteFound(this.context, target);
    return [...this.clear, ...kept.map((p) => p.match)].sort((a, b) => a.start - b.start);
  }
}
