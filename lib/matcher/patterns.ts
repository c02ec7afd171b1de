// How aliases become patterns, and how a text is read by them: the text forms a name may take
// (spaces, apostrophes, hyphens, accents, invisible characters, Arabic prefixes), the trie of all
// aliases written as one regex per script, and the spans skipped whole (URLs, addresses, handles).
// Pure. matcher.ts runs these patterns and says what they found.
// Scripts written without spaces between words: their names cannot use word boundaries.
export const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
export const ARABIC_SCRIPT = /\p{Script=Arabic}/u;

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
export function aliasUnits(text: string): string[] {
  const units = Array.from(normalizeSurface(text.normalize('NFC').replace(new RegExp(`[${INVISIBLE}]`, 'gu'), '')));
  if (units[0] === 'ا' && units[1] === 'ل' && units.length > 2) units.splice(0, 2, ARTICLE);
  return units;
}

export interface TrieNode {
  children: Map<string, TrieNode>;
  end: boolean;
}

export function buildTrie(aliases: Iterable<string[]>): TrieNode {
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
export const GROUPS = ['bounded', 'otherBounded', 'arabic', 'unbounded'] as const;
export type Group = (typeof GROUPS)[number];

/**
 * The source of one group's pattern, for texts with (`tolerant`) or without zero-width spaces.
 * Every group's pattern tries the spans to skip first, so all of them skip the same URLs and
 * handles.
 */
export function patternSource(group: Group, trie: TrieNode, tolerant: boolean): string {
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
export const ZERO_WIDTH_SPACE = /\u200B/;
export const NOT_LATIN = /[^\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]/u;
const LATIN_ONLY = /^[\p{Script=Latin}\p{Script=Common}\p{Script=Inherited}]*$/u;
/** A letter of a spaced script other than Latin and Arabic: Cyrillic, Greek... */
export const OTHER_LETTER =
  /(?![\p{Script=Latin}\p{Script=Arabic}\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}])\p{L}/u;

export function groupOf(key: string): Group {
  if (UNSPACED_SCRIPT.test(key)) return 'unbounded';
  if (ARABIC_SCRIPT.test(key)) return 'arabic';
  return LATIN_ONLY.test(key) ? 'bounded' : 'otherBounded';
}

export function execFrom(pattern: RegExp, text: string, from: number): RegExpExecArray | null {
  pattern.lastIndex = from;
  return pattern.exec(text);
}

export interface CompiledPattern {
  pattern: RegExp;
  /** Up to 2: V8 has compiled the pattern to machine code once it ran twice. */
  runs: number;
}

/** A text as the patterns read it, and the way back to offsets in the text that was given. */
export interface ReadText {
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
export function readable(text: string): ReadText {
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
