// Finds mentions of pack entities in plain text with one compiled pattern. Pure: no DOM.
import type { AliasKind, EntityType } from '../knowledge/schema';

export interface MatcherAlias {
  text: string;
  kind: AliasKind;
  entityId: string;
  entityType: EntityType;
}

export interface MatchOptions {
  /** Demonyms ("Chinese", "Dutch") name a country only loosely, so they are opt-in. */
  demonyms?: boolean;
}

export interface Match {
  start: number;
  end: number;
  entityId: string;
  entityType: EntityType;
  text: string;
}

/**
 * Entities already named on the page. A `reference` alias (a bare surname that is also a
 * common word, "the Coalition") only counts once its entity has been named in full.
 */
export type MentionContext = Set<string>;

interface AliasTarget {
  entityId: string;
  entityType: EntityType;
  kind: AliasKind;
}

// Scripts written without spaces between words: their names cannot use word boundaries.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const WORD_CHAR = '[\\p{L}\\p{N}\\p{M}_]';
// Spaces real pages put inside names: ordinary, line breaks, no-break, thin and narrow no-break.
const SPACE_CLASS = '[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+';
const APOSTROPHES = /['\u2019\u02BC]/g;
const SPACES = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/** The key under which an alias and any text matching it are looked up. */
export function normalizeSurface(text: string): string {
  return text.replace(SPACES, ' ').replace(APOSTROPHES, "'");
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function aliasPattern(text: string): string {
  return normalizeSurface(text)
    .split(' ')
    .map((word) => escapeRegExp(word).replace(/'/g, "['\\u2019\\u02BC]"))
    .join(SPACE_CLASS);
}

export class Matcher {
  private readonly pattern: RegExp;
  private readonly targets = new Map<string, AliasTarget[]>();
  readonly aliasCount: number;

  constructor(aliases: readonly MatcherAlias[], options: MatchOptions = {}) {
    const bounded = new Set<string>();
    const unbounded = new Set<string>();
    let count = 0;
    for (const alias of aliases) {
      if (alias.kind === 'demonym' && !options.demonyms) continue;
      const key = normalizeSurface(alias.text);
      const list = this.targets.get(key) ?? [];
      if (!list.some((t) => t.entityId === alias.entityId)) {
        list.push({ entityId: alias.entityId, entityType: alias.entityType, kind: alias.kind });
      }
      this.targets.set(key, list);
      (UNSPACED_SCRIPT.test(key) ? unbounded : bounded).add(key);
      count++;
    }
    this.aliasCount = count;
    // Alternation tries branches in order, so longest first makes the longest alias win
    // at any start ("New Zealand" before "Zealand", "European Commission" before "European").
    const byLength = (a: string, b: string) => b.length - a.length || (a < b ? -1 : 1);
    const branches: string[] = [];
    if (bounded.size > 0) {
      const alternatives = [...bounded].sort(byLength).map(aliasPattern).join('|');
      branches.push(`(?<!${WORD_CHAR})(?:${alternatives})(?!${WORD_CHAR})`);
    }
    if (unbounded.size > 0) {
      branches.push(`(?:${[...unbounded].sort(byLength).map(aliasPattern).join('|')})`);
    }
    this.pattern = new RegExp(branches.length > 0 ? branches.join('|') : '(?!)', 'gu');
  }

  /**
   * Mentions in `text`, in order, never overlapping. `context` carries what the page has
   * already named across calls; it is updated as mentions are found.
   */
  find(text: string, context: MentionContext = new Set()): Match[] {
    const matches: Match[] = [];
    const pattern = new RegExp(this.pattern);
    let found: RegExpExecArray | null = pattern.exec(text);
    while (found !== null) {
      const surface = found[0];
      const target = this.resolve(surface, context);
      if (target) {
        matches.push({
          start: found.index,
          end: found.index + surface.length,
          entityId: target.entityId,
          entityType: target.entityType,
          text: surface,
        });
        context.add(target.entityId);
      } else {
        // A reference not yet allowed: a shorter alias may still start inside it.
        pattern.lastIndex = found.index + 1;
      }
      found = pattern.exec(text);
    }
    return matches;
  }

  private resolve(surface: string, context: MentionContext): AliasTarget | undefined {
    const candidates = this.targets.get(normalizeSurface(surface)) ?? [];
    const usable = candidates.filter((t) => t.kind !== 'reference' || context.has(t.entityId));
    if (usable.length <= 1) return usable[0];
    // An ambiguous alias goes to the entity the page has already named, else the first listed.
    return usable.find((t) => context.has(t.entityId)) ?? usable[0];
  }
}
