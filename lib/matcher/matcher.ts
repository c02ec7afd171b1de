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
import { addTarget, type Entry, finishEntries, judge, newEntry, TextVerdicts } from './senses';

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

// Scripts written without spaces between words: their names cannot use word boundaries.
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

// Character class bodies.
const WORD = '\\p{L}\\p{N}\\p{M}_';
// Spaces real pages put between words: ordinary, line breaks, no-break, thin, narrow no-break...:
// \s but U+FEFF, which is treated as invisible. A negated class body: only use it as `[${SPACE}]`.
const SPACE = '^\\S\\uFEFF';
// Invisible characters allowed between two letters of a name.
const INVISIBLE = '\\u00AD\\u200B-\\u200D\\u2060\\uFEFF';
// Invisible characters that join what they separate: a name glued to a word by one is inside it.
// (A zero-width space is a word break, so it is not here.)
const GLUE = '\\u00AD\\u200C\\u200D\\u2060\\uFEFF';
// Arabic vowel marks and tatweel, allowed after any letter of an Arabic name.
const ARABIC_MARKS = '\\u064B-\\u065F\\u0670\\u0640';

const INSIDE_WORD = `[${INVISIBLE}]*`;
const BETWEEN_WORDS = `[${INVISIBLE}]*[${SPACE}][\\s${INVISIBLE}]*`;
const APOSTROPHE_CLASS = "['\\u2018\\u2019\\u02BC\\uFF07]";
const HYPHEN_CLASS = '[\\-\\u2010\\u2011]';
const QUOTE_CLASS = '["\\u201C\\u201D\\u201E]';

// Spans never searched for names, tried first at each position and skipped whole: URLs, e-mail
// addresses, domains (with a port and path), #hashtags and @handles. A URL, address or domain
// starts where no ASCII letter, digit, +, - or @ precedes, on a word followed by ":", "@" or "."
// and more (one lookahead, so most words are passed over at once). A # or @ followed by letters is
// a hashtag or handle wherever it stands.
const SKIPPED = [
  String.raw`(?<![A-Za-z0-9+\-@])(?=[\w.+\-]*[:@.][\w\/])(?:`,
  [
    // scheme://... (http, https, ftp...)
    String.raw`[A-Za-z][A-Za-z0-9+.\-]*:\/\/[^\s<>"“”]*`,
    // press@un.org, info@eu.example (and user@host/path, a URL without its scheme)
    String.raw`[\w.+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+(?:[\/?#][^\s<>"“”]*)?`,
    // www.example.com/US/, example.com/us, un.org: labels and a lowercase top-level domain, which
    // ends where the word ends ("la Chine.après", a missing space, is no domain "Chine.apr").
    String.raw`(?:[A-Za-z0-9](?:[A-Za-z0-9\-]*[A-Za-z0-9])?\.)+[a-z]{2,24}(?![\-${WORD}])(?::\d{1,5})?(?:[\/?#][^\s<>"“”]*)?`,
  ].join('|'),
  ')',
  `|[#@][${WORD}]+`,
].join('');

const SPACE_RUN = new RegExp(`[${SPACE}]+`, 'gu');
const APOSTROPHES = /['\u2018\u2019\u02BC\uFF07]/g;
const HYPHENS = /[\u2010\u2011]/g;
const QUOTES = /[\u201C\u201D\u201E]/g;
const MARKS_AND_INVISIBLES = new RegExp(`[\\p{M}${INVISIBLE}\\u0640]`, 'gu');

/** The key under which an alias and any text matching it are looked up. */
export function normalizeSurface(text: string): string {
  return text.replace(SPACE_RUN, ' ').replace(APOSTROPHES, "'").replace(HYPHENS, '-').replace(QUOTES, '"');
}

/**
 * normalizeSurface, and also without accents, vowel marks or invisible characters, alif without
 * hamza, ى as ي: every spelling one alias's pattern accepts has the same key as the alias.
 */
export function matchKey(text: string): string {
  return normalizeSurface(text.normalize('NFD').replace(MARKS_AND_INVISIBLES, '')).replace(/\u0649/g, '\u064A');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

const LATIN = /\p{Script=Latin}/u;
// The Arabic definite article at the start of a name, as one unit of the trie.
const ARTICLE = '\u0000ال';

const unitPatterns = new Map<string, string>();

/** The pattern for one character (or the Arabic article) of an alias; a trie repeats the same few. */
function unitPattern(unit: string): string {
  let pattern = unitPatterns.get(unit);
  if (pattern === undefined) {
    pattern = spellUnit(unit);
    unitPatterns.set(unit, pattern);
  }
  return pattern;
}

function spellUnit(unit: string): string {
  if (unit === "'") return APOSTROPHE_CLASS;
  if (unit === '-') return HYPHEN_CLASS;
  if (unit === '"') return QUOTE_CLASS;
  // ال, or after the preposition ل the article's lam alone ("للصين").
  // (The invisible characters are allowed inside this unit in both spellings of the pattern.)
  if (unit === ARTICLE) {
    return `(?:[اأإآ][${ARABIC_MARKS}${INVISIBLE}]*ل|(?<=ل[${ARABIC_MARKS}${INVISIBLE}]*)ل)[${ARABIC_MARKS}]*`;
  }
  if (ARABIC_SCRIPT.test(unit)) {
    // Alif with or without hamza, ى for final ي, and letters with hamza written decomposed.
    const base = unit.normalize('NFD').charAt(0);
    let letter = base === unit ? escapeRegExp(unit) : `[${unit}${base}]`;
    if ('اأإآ'.includes(unit)) letter = '[اأإآ]';
    else if (unit === 'ي' || unit === 'ى') letter = '[يى]';
    return `${letter}[${ARABIC_MARKS}]*`;
  }
  if (unit === 'е' || unit === 'Е') return `(?:[${unit}${unit === 'е' ? 'ё' : 'Ё'}]|${unit}\\u0308)`;
  const decomposed = unit.normalize('NFD');
  if (decomposed === unit) return escapeRegExp(unit);
  const base = decomposed.charAt(0);
  const forms = [escapeRegExp(unit), escapeRegExp(decomposed)];
  // Accents are often dropped in Latin script ("Etats-Unis"); ё is often written е.
  if (LATIN.test(base) || unit === 'ё' || unit === 'Ё') forms.push(escapeRegExp(base));
  return `(?:${forms.join('|')})`;
}

/** An alias as trie units: NFC characters with spaces, apostrophes, hyphens and quotes normalized. */
function aliasUnits(text: string): string[] {
  const units = Array.from(normalizeSurface(text.normalize('NFC').replace(new RegExp(`[${INVISIBLE}]`, 'gu'), '')));
  if (units[0] === 'ا' && units[1] === 'ل' && units.length > 2) units.splice(0, 2, ARTICLE);
  return units;
}

interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

function buildTrie(aliases: Iterable<string[]>): TrieNode {
  const root: TrieNode = { children: new Map(), end: false };
  for (const units of aliases) {
    let node = root;
    for (const unit of units) {
      let child = node.children.get(unit);
      if (!child) {
        child = { children: new Map(), end: false };
        node.children.set(unit, child);
      }
      node = child;
    }
    node.end = true;
  }
  return root;
}

// Besides itself, what a unit of an alias may be written as, for the first-character check.
const VARIANTS: Record<string, string> = {
  "'": "'\u2018\u2019\u02BC\uFF07",
  '-': '-\u2010\u2011',
  '"': '"\u201C\u201D\u201E',
  [ARTICLE]: 'اأإآل',
  ا: 'اأإآ',
  أ: 'اأإآ',
  إ: 'اأإآ',
  آ: 'اأإآ',
  ي: 'يى',
  ى: 'يى',
  е: 'ё',
  Е: 'Ё',
};

/**
 * A lookahead for the characters the aliases of a trie can start with: one class test rejects
 * most positions of a text before any branch is tried.
 */
function firstCharacters(node: TrieNode): string {
  const chars = new Set<string>();
  for (const unit of node.children.keys()) {
    for (const c of `${unit === ARTICLE ? '' : unit}${unit.normalize('NFD')}${VARIANTS[unit] ?? ''}`) chars.add(c);
  }
  for (const c of chars) if (c === '\u0000' || /\p{M}/u.test(c)) chars.delete(c);
  const escaped = [...chars].map((c) => (/[\\\][^-]/.test(c) ? `\\${c}` : c)).join('');
  return `(?=[${escaped}])`;
}

/**
 * The trie as a regex: `inside` is what may stand between two units of the same word,
 * `between` is a space between words.
 */
function trieSource(node: TrieNode, inside: string, between: string, previous?: string): string {
  const plain: string[] = [];
  const joined: string[] = [];
  for (const [unit, child] of node.children) {
    const branch = (unit === ' ' ? between : unitPattern(unit)) + trieSource(child, inside, between, unit);
    if (previous !== undefined && previous !== ' ' && unit !== ' ') joined.push(branch);
    else plain.push(branch);
  }
  if (joined.length === 1) plain.push(`${inside}${joined[0]}`);
  else if (joined.length > 1) plain.push(`${inside}(?:${joined.join('|')})`);
  if (plain.length === 0) return '';
  // Greedy: a longer alias through this node is tried before stopping here.
  if (node.end) return `(?:${plain.join('|')})?`;
  return plain.length === 1 ? (plain[0] as string) : `(?:${plain.join('|')})`;
}

/** The aliases by script, each its own pattern: a text compiles and runs only those it needs. */
const GROUPS = ['bounded', 'otherBounded', 'arabic', 'unbounded'] as const;
type Group = (typeof GROUPS)[number];

/**
 * The source of one group's pattern, for texts with (`tolerant`) or without zero-width spaces.
 * Every group's pattern tries the spans to skip first, so all of them skip the same URLs and
 * handles.
 */
function patternSource(group: Group, trie: TrieNode, tolerant: boolean): string {
  const inside = tolerant ? INSIDE_WORD : '';
  const between = tolerant ? BETWEEN_WORDS : `[${SPACE}]+`;
  const names = `${firstCharacters(trie)}${trieSource(trie, inside, between)}`;
  let branch = names;
  if (group === 'arabic') {
    const prefixes = `(?:[وف][${ARABIC_MARKS}]*)?(?:[بلك][${ARABIC_MARKS}]*)?`;
    branch = `(?<=(?:^|[^${WORD}${GLUE}])${prefixes})${names}(?![${GLUE}]*[${WORD}])`;
  } else if (group !== 'unbounded') {
    // U+02BC (ʼ) is a letter in Unicode but serves as an apostrophe: "Chinaʼs" is China.
    branch = `(?<![${WORD}][${GLUE}]*)${names}(?![${GLUE}]*(?!\\u02BC)[${WORD}])`;
  }
  return `(${SKIPPED})|${branch}`;
}

const GLUE_CHARACTER_SET = new Set(['\u00AD', '\u200C', '\u200D', '\u2060', '\uFEFF']);
const ZERO_WIDTH_SPACE = /\u200B/;
const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u;
/** A letter of a spaced script other than Latin and Arabic: Cyrillic, Greek... */
const OTHER_LETTER =
  /(?![\p{Script=Latin}\p{Script=Arabic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])\p{L}/u;

function groupOf(key: string): Group {
  if (UNSPACED_SCRIPT.test(key)) return 'unbounded';
  if (ARABIC_SCRIPT.test(key)) return 'arabic';
  return LATIN_ONLY.test(key) ? 'bounded' : 'otherBounded';
}

function execFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}

interface CompiledPattern {
  pattern: RegExp;
  /** Up to 2: V8 has compiled the pattern to machine code once it ran twice. */
  runs: number;
}

/** A text as the patterns read it, and the way back to offsets in the text that was given. */
interface ReadText {
  text: string;
  start: (at: number) => number;
  end: (at: number) => number;
}

const unchanged = (at: number) => at;
const WORD_CHARACTER = new RegExp(`[${WORD}]`, 'u');
const INVISIBLE_CHARACTERS = new RegExp(`[${INVISIBLE}]`, 'u');

/**
 * The text without the invisible characters that cannot part two words of a name: those that join
 * what they separate (soft hyphens, joiners) and zero-width spaces next to a space, punctuation or
 * either end, where something else already parts the words. The text reads the same without them,
 * so the plain patterns need not allow one between every two letters, a spelling several times
 * slower to compile. A zero-width space between two letters stays: it may part two words there.
 */
function readable(text: string): ReadText {
  if (!INVISIBLE_CHARACTERS.test(text)) return { text, start: unchanged, end: unchanged };
  const kept: number[] = [];
  let read = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charAt(i);
    if (GLUE_CHARACTER_SET.has(unit)) continue;
    if (unit === '\u200B' && !(WORD_CHARACTER.test(text.charAt(i - 1)) && WORD_CHARACTER.test(text.charAt(i + 1)))) {
      continue;
    }
    kept.push(i);
    read += unit;
  }
  return {
    text: read,
    start: (at) => kept[at] ?? text.length,
    end: (at) => (at === 0 ? 0 : (kept[at - 1] as number) + 1),
  };
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
