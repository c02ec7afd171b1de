// What a page has said so far that bears on what its names mean, gathered as the matcher reads
// the page's texts one after another: the entities it named and how, and for each ambiguous name
// the evidence for the pack's sense and for another one (one sense per page). Pure.
import type { EntityType } from '../knowledge/schema';
import type { MentionContext } from './matcher';

/**
 * Kinds of entity that tell a page about the documents' world: their initiatives and officials.
 * Countries are named on every kind of page, and so are organizations (the EU, Huawei, Twitter).
 */
const WORLD_TYPES: ReadonlySet<EntityType> = new Set(['initiative', 'official']);

/**
 * How many other entities of the documents' world a page must name before a weak use (a title with
 * a common surname) counts on that alone.
 */
export const WORLD_SUPPORT = 2;

export type Sense = 'ours' | 'other';

export class PageEvidence {
  /**
   * The text is one the reader chose to look up ("Look up in Gloss"), not a page read in passing:
   * a full name is taken as the one they mean, namesakes or not.
   */
  chosenByReader = false;

  /** Per surface key, how often the page used it in the pack's sense and in another, by clear cues. */
  private readonly senses = new Map<string, { ours: number; other: number; people: number }>();
  /** Entities the page named by a full name ("Ned Price", not "Mr Price"). */
  private readonly inFull = new Set<string>();
  /** Entities named so far, with their type. */
  private readonly named = new Map<string, EntityType>();
  /** Officials someone else on the page shares a surname with ("Zhao Wei" for Zhao Lijian). */
  private readonly otherBearers = new Set<string>();

  /**
   * A clear cue for one sense of an ambiguous name ("Atlanta, Georgia"; "Tbilisi, Georgia");
   * `person` when the other sense is a person's name ("India Fletcher, aged twelve").
   */
  noteSense(key: string, sense: Sense, person = false): void {
    const counts = this.senses.get(key) ?? { ours: 0, other: 0, people: 0 };
    counts[sense]++;
    if (sense === 'other' && person) counts.people++;
    this.senses.set(key, counts);
  }

  /** Whether every other sense the page gave a name was a person's. */
  otherIsPeople(key: string): boolean {
    const counts = this.senses.get(key);
    return counts !== undefined && counts.other > 0 && counts.people === counts.other;
  }

  /**
   * The sense the page has settled on for a name, from its clear cues so far: null when it gave
   * none, or as many for each (then the pack's sense stands, as it would on any page).
   */
  leaning(key: string): Sense | null {
    const counts = this.senses.get(key);
    if (!counts || counts.ours === counts.other) return null;
    return counts.other > counts.ours ? 'other' : 'ours';
  }

  /** `clear`: named by a mention that needed no support (not "Mr Price", not a bare surname). */
  noteNamed(entityId: string, entityType: EntityType, full: boolean, clear: boolean): void {
    if (clear) this.named.set(entityId, entityType);
    if (full) this.inFull.add(entityId);
  }

  noteOtherBearer(entityId: string): void {
    this.otherBearers.add(entityId);
  }

  otherBearer(entityId: string): boolean {
    return this.otherBearers.has(entityId);
  }

  /** Whether the page has clearly named one of the entities. */
  hasNamedAny(entityIds: Iterable<string>): boolean {
    for (const id of entityIds) if (this.named.has(id)) return true;
    return false;
  }

  namedInFull(entityId: string): boolean {
    return this.inFull.has(entityId);
  }

  /** Whether the page clearly speaks of the documents' world: enough of its other entities named. */
  speaksOfTheDocuments(except: string): boolean {
    let count = 0;
    for (const [id, type] of this.named) {
      if (id !== except && WORLD_TYPES.has(type) && ++count >= WORLD_SUPPORT) return true;
    }
    return false;
  }
}

const evidenceByContext = new WeakMap<MentionContext, PageEvidence>();

/**
 * The evidence of the page a context belongs to. The annotator keeps one context per page (and a
 * new one when it starts again), so the evidence lives and ends with it.
 */
export function evidenceOf(context: MentionContext): PageEvidence {
  let evidence = evidenceByContext.get(context);
  if (!evidence) {
    evidence = new PageEvidence();
    evidenceByContext.set(context, evidence);
  }
  return evidence;
}
