// Finds mentions of pack entities in plain text with one compiled pattern. Pure: no DOM.
//
// How a text is read (each rule has table tests in matcher.test.ts):
// - One regex holds every alias, as a trie (shared prefixes written once), so the engine tries
//   only the branches that fit the next character. Greedy optional tails make the longest alias win
//   at any start ("New Zealand", not "Zealand"). find() is one pass of that regex plus a few cheap
//   checks per match (rules.ts), never a loop over aliases.
// - The same regex first tries URLs, e-mail addresses, domains, #hashtags and @handles; a text
//   span matched that way is skipped whole, so nothing inside it is a mention.
// - Case-sensitive: "US" and "U.S.", never "us", "Us" or "USB". Word boundaries are Unicode-aware.
// - Text forms: any space, line break or no-break/thin space between words; curly or straight
//   apostrophes and quotes; any hyphen; precomposed or decomposed accents (NFC or NFD text), and
//   Latin letters without their accent ("Etats-Unis" for "États-Unis", "Peru" for "Perú"), Russian
//   е for ё. Soft hyphens and zero-width characters (U+00AD, U+200B-U+200D, U+2060, U+FEFF) are
//   allowed between any two letters of a word ("Ger\u00ADmany"), but between words a visible space
//   is needed: "Zhao\u200BLijian" renders "ZhaoLijian" and is not the name. They are matched in
//   place, so offsets always point into the original text.
// - Scripts without spaces (Chinese) match without word boundaries: "美国和中国" finds both.
// - Arabic attaches one-letter words to the next: an Arabic alias may follow و or ف (and, so) and
//   then ب, ل or ك (with, for, like): "والصين" highlights "الصين". After ل the article's alif is
//   dropped ("للصين" = ل + الصين): that spelling matches too, highlighting "لصين". Vowel marks and
//   tatweel inside a name, and alif with or without hamza, are allowed.
import type { AliasKind, EntityType } from '../knowledge/schema';
import {
  ARABIC_SCRIPT,
  aliasUnits,
  buildTrie,
  type CompiledPattern,
  execFrom,
  GROUPS,
  type Group,
  groupOf,
  matchKey,
  NOT_LATIN,
  OTHER_LETTER,
  patternSource,
  readable,
  type TrieNode,
  UNSPACED_SCRIPT,
  ZERO_WIDTH_SPACE,
} from './patterns';
import { addTarget, type Entry, finishEntries, judge, newEntry, noteDateline } from './senses';
import { TextVerdicts } from './verdicts';

export { matchKey, normalizeSurface } from './patterns';

export interface MatcherAlias {
  text: string;
  kind: AliasKind;
  entityId: string;
  entityType: EntityType;
  /** For an official: the entities their roles relate them to (their organization). */
  related?: readonly string[];
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
 * common word, "the Coalition") only counts once its entity has been named in full. The matcher
 * keeps more of what the page said alongside it (page-evidence.ts): one context per page.
 */
export type MentionContext = Set<string>;

/** What the annotator needs of a matcher (Matcher, or LazyMatcher which builds one when needed). */
export interface TextMatcher {
  /** Whether the pattern every text needs is ready (see Matcher.warmUp). */
  readonly warm: boolean;
  warmUp(): boolean;
  wouldCompile(text: string): boolean;
  /** One step of the work find(text) would do first; a promise when that step is a wait. */
  prepare(text: string): boolean | Promise<void>;
  find(text: string, context?: MentionContext): Match[];
  readonly compiledPatterns: string[];
}

export class Matcher implements TextMatcher {
  private readonly tries = new Map<Group, TrieNode>();
  // Each group's pattern, compiled on first use, in the spelling a text needs. V8 compiles a
  // pattern in one blocking step that grows with its size (tens of ms for the Latin names), so a
  // text runs only the groups for the scripts it contains (a page in English never pays for the
  // Chinese, Arabic and Russian names), and the spelling that allows zero-width spaces inside
  // names, with a class between every two letters, only where the text has one. A group left out
  // could not match in the text, so every text finds what one pattern of all names would find.
  private readonly patterns = new Map<string, CompiledPattern>();
  /** Sources built ahead of their pattern by warmUp(). */
  private readonly sources = new Map<string, string>();
  private readonly entries = new Map<string, Entry>();
  readonly aliasCount: number;

  constructor(aliases: readonly MatcherAlias[], options: MatchOptions = {}) {
    const units = new Map<Group, string[][]>(GROUPS.map((group) => [group, []]));
    let count = 0;
    for (const alias of aliases) {
      if (alias.kind === 'demonym' && !options.demonyms) continue;
      const key = matchKey(alias.text);
      const entry = this.entries.get(key) ?? newEntry(key);
      addTarget(entry, alias);
      this.entries.set(key, entry);
      units.get(groupOf(key))?.push(aliasUnits(alias.text));
      count++;
    }
    this.aliasCount = count;
    finishEntries(this.entries.values(), aliases);
    for (const [group, aliasUnitsOfGroup] of units) {
      if (aliasUnitsOfGroup.length > 0) this.tries.set(group, buildTrie(aliasUnitsOfGroup));
    }
  }

  /** The patterns compiled so far, in the order they were first needed (for tests and benchmarks). */
  get compiledPatterns(): string[] {
    return [...this.patterns.keys()];
  }

  /**
   * Prepares the pattern that every text needs (the Latin names) ahead of the first find(), one
   * step per call (building its source, compiling it, compiling it to machine code), so that a
   * caller working in slices can yield between the steps, the longest that cannot be cut. False
   * when nothing was left.
   */
  warmUp(): boolean {
    const trie = this.tries.get('bounded');
    if (!trie || this.warm) return false;
    if (!this.sources.has('bounded') && !this.patterns.has('bounded')) {
      this.sources.set('bounded', patternSource('bounded', trie, false));
      return true;
    }
    return this.prepare('');
  }

  /** Runs a pattern from `from`. V8 compiles it to bytecode on its first run, to machine code on its second. */
  private run(compiled: CompiledPattern, text: string, from: number): RegExpExecArray | null {
    if (compiled.runs < 2) compiled.runs++;
    return execFrom(compiled.pattern, text, from);
  }

  /** Whether find(text) would first compile a pattern (a script or spelling not met before). */
  wouldCompile(text: string): boolean {
    return this.neededKeys(readable(text).text).some(([key]) => (this.patterns.get(key)?.runs ?? 0) < 2);
  }

  /**
   * Takes one compile step that find(text) would otherwise take (to bytecode, then to machine
   * code), so that a caller can give each a task of its own. False when no step was left.
   */
  prepare(text: string): boolean {
    const needed = this.neededKeys(readable(text).text).find(([key]) => (this.patterns.get(key)?.runs ?? 0) < 2);
    if (!needed) return false;
    this.run(this.compiled(...needed), '', 0);
    return true;
  }

  /** Whether the pattern every text needs is compiled, to machine code (see warmUp). */
  get warm(): boolean {
    return (this.patterns.get('bounded')?.runs ?? 0) >= 2 || !this.tries.has('bounded');
  }

  /** The pattern of a group in a spelling, built on first use. */
  private compiled(key: string, group: Group, trie: TrieNode, tolerant: boolean): CompiledPattern {
    let compiled = this.patterns.get(key);
    if (!compiled) {
      compiled = { pattern: new RegExp(this.sources.get(key) ?? patternSource(group, trie, tolerant), 'gu'), runs: 0 };
      this.patterns.set(key, compiled);
      this.sources.delete(key);
    }
    return compiled;
  }

  /** The groups a (readable) text needs, in the order of GROUPS, each with its pattern's key. */
  private neededKeys(text: string): [string, Group, TrieNode, boolean][] {
    const tolerant = ZERO_WIDTH_SPACE.test(text);
    const needed: [string, Group, TrieNode, boolean][] = [];
    // Most texts have no letter outside the Latin script: one scan tells, and no other test runs.
    const onlyLatin = !NOT_LATIN.test(text);
    for (const [group, trie] of this.tries) {
      if (group !== 'bounded' && onlyLatin) continue;
      if (group === 'otherBounded' && !OTHER_LETTER.test(text)) continue;
      if (group === 'arabic' && !ARABIC_SCRIPT.test(text)) continue;
      if (group === 'unbounded' && !UNSPACED_SCRIPT.test(text)) continue;
      needed.push([`${group}${tolerant ? ' tolerant' : ''}`, group, trie, tolerant]);
    }
    return needed;
  }

  /**
   * Mentions in `text`, in order, never overlapping. `context` carries what the page has
   * already named across calls; it is updated as mentions are found.
   */
  find(text: string, context: MentionContext = new Set()): Match[] {
    const read = readable(text);
    noteDateline(read.text, context, (name) => this.entries.get(matchKey(name)));
    const patterns = this.neededKeys(read.text).map((needed) => this.compiled(...needed));
    const verdicts = new TextVerdicts<Match>(context);
    // The next hit of each pattern at or after the cursor; the leftmost one is taken, as one
    // pattern of all the groups would (a span to skip is found by every pattern alike).
    const next = patterns.map((pattern) => this.run(pattern, read.text, 0));
    for (;;) {
      let first = -1;
      for (let i = 0; i < next.length; i++) {
        const found = next[i];
        if (found && (first < 0 || found.index < (next[first] as RegExpExecArray).index)) first = i;
      }
      if (first < 0) return verdicts.finish();
      const found = next[first] as RegExpExecArray;
      const surface = found[0];
      const start = found.index;
      let end = start + surface.length;
      // found[1]: a URL, e-mail address, domain, hashtag or handle, skipped whole.
      if (found[1] === undefined) {
        const entry = this.lookup(surface);
        const verdict = entry && judge(entry, read.text, start, end, context);
        if (verdict) {
          const from = read.start(start);
          const to = read.end(end);
          const { target } = verdict;
          const match = {
            start: from,
            end: to,
            entityId: target.entityId,
            entityType: target.entityType,
            text: text.slice(from, to),
          };
          const line = verdict.weak?.line;
          verdicts.add(match, verdict, line && [read.start(line[0]), read.end(line[1])]);
        } else {
          // Not a mention here: a shorter alias may still start inside it.
          end = start + ((surface.codePointAt(0) ?? 0) > 0xffff ? 2 : 1);
        }
      }
      for (let i = 0; i < next.length; i++) {
        const pending = next[i];
        if (pending && pending.index < end) next[i] = this.run(patterns[i] as CompiledPattern, read.text, end);
      }
    }
  }

  private lookup(surface: string): Entry | undefined {
    const key = matchKey(surface);
    // "لصين" from "للصين": the article's lam after the preposition ل.
    return this.entries.get(key) ?? (key.startsWith('ل') ? this.entries.get(`ا${key}`) : undefined);
  }
}
