// Names in a text, by compromise (https://github.com/spencermountain/compromise): a small
// rule-and-lexicon English tagger, pure JavaScript with no model files, that runs the same in Node
// and in a Worker and reads 20 kB of news in well under a second. It tags people (first names,
// surnames, honorifics), places and organizations; we group its tagged words into names (a run of
// capitalised words, joined by "of", "for", "and"... where a head noun says it is one name) and
// keep the groups its tags or a head noun vouch for. Statistical taggers (wink-nlp's models,
// transformers) are larger, need model files and are no better on the short proper names a
// briefing holds.
import nlp from 'compromise';
import { CONNECTORS, headOf, typeOfHead } from './heads';

export type NameKind = 'person' | 'organization' | 'initiative' | 'place' | 'title-person';

export interface FoundName {
  /** The name as the text writes it, possessive dropped: `text.slice(start, start + name.length) === name`. */
  name: string;
  start: number;
  kind: NameKind;
  /** A title written before a person's name in the text ("Secretary", "Ms"), when there is one. */
  title?: { text: string; start: number };
}

interface Term {
  text: string;
  pre: string;
  post: string;
  tags: string[];
  offset: { start: number; length: number };
}

const POSSESSIVE = /['’]s?$/u;
const isCapitalised = (word: string) => /^\p{Lu}/u.test(word);
const has = (term: Term, ...tags: string[]) => tags.some((tag) => term.tags.includes(tag));
const isPersonWord = (term: Term) => has(term, 'Person', 'FirstName', 'LastName', 'MaleName', 'FemaleName');
// "Secretary", "Ms", "Spokesperson": compromise tags them as honorifics or as actors (nouns for people).
const HONORIFIC = /^(Mr|Mrs|Ms|Dr|Prof)$/;
const isTitleWord = (term: Term) =>
  has(term, 'Honorific') || HONORIFIC.test(term.text) || (has(term, 'Actor') && !has(term, 'FirstName', 'LastName'));
// Words only punctuation-free space apart belong to one name; a comma, a dash or a quote ends it.
// An abbreviated title keeps its full stop ("Ms. Power").
const joined = (before: Term, after: Term) =>
  (/^[^\S\n]+$/.test(before.post) || (HONORIFIC.test(before.text) && /^\.\s+$/.test(before.post))) && after.pre === '';
// A lowercase head ends a name that is one with it ("Biden administration", "Clean Network program").
const isLowercaseHead = (word: string) =>
  /^\p{Ll}/u.test(word) && typeOfHead(word.charAt(0).toUpperCase() + word.slice(1)) !== undefined;
// Words before a name that are no part of it: "The", "Today", "Senior".
// "IT" in "IT World Canada" is no pronoun: a word in capitals is kept.
const isLeadWord = (term: Term) =>
  /^(The|A|An|This|That|These|Those)$/.test(term.text) ||
  (!/^\p{Lu}{2,}$/u.test(term.text) &&
    has(term, 'Determiner', 'Adverb', 'Date', 'Pronoun', 'Conjunction', 'Preposition', 'Value'));

const functionWords = new Map<string, boolean>();
/** "As" in "By Derek Manky As predictions…": a capitalised word that is a function word in lowercase. */
function isFunctionWord(word: string): boolean {
  let known = functionWords.get(word);
  if (known === undefined) {
    const tags = (nlp(word.toLowerCase()).json() as { terms: Term[] }[])[0]?.terms[0]?.tags ?? [];
    known = ['Preposition', 'Conjunction', 'Determiner', 'Pronoun', 'Adverb', 'Copula'].some((tag) =>
      tags.includes(tag),
    );
    functionWords.set(word, known);
  }
  return known;
}

/** Runs of capitalised words, with connectors inside a run when a head noun makes them one name. */
function runsOf(terms: Term[]): Term[][] {
  const runs: Term[][] = [];
  let run: Term[] = [];
  const close = () => {
    // A run never ends on a connector ("Rights Initiative and") or another function word.
    while (run.length > 1 && (CONNECTORS.has((run.at(-1) as Term).text) || isFunctionWord((run.at(-1) as Term).text)))
      run.pop();
    if (run.length === 1 && CONNECTORS.has((run[0] as Term).text)) run.pop();
    if (run.length > 0) runs.push(run);
    run = [];
  };
  for (let i = 0; i < terms.length; i++) {
    const term = terms[i] as Term;
    const previous = terms[i - 1];
    if (run.length > 0 && previous && !joined(previous, term)) close();
    if (isCapitalised(term.text)) {
      if (run.length === 0 && isLeadWord(term)) continue;
      run.push(term);
      if (POSSESSIVE.test(term.text) || !/^\s*$/.test(term.post)) close();
    } else if (run.length > 0 && CONNECTORS.has(term.text)) {
      run.push(term);
    } else if (run.length > 0 && isLowercaseHead(term.text) && !CONNECTORS.has((run.at(-1) as Term).text)) {
      run.push(term);
      close();
    } else close();
  }
  close();
  return runs.flatMap(splitAtConnectors);
}

/**
 * "Canada and the U.S." is two names, "Export Controls and Human Rights Initiative" one: a run holding
 * connectors stays whole only when a head noun ends it or stands before its first connector.
 */
function splitAtConnectors(run: Term[]): Term[][] {
  const firstConnector = run.findIndex((term) => CONNECTORS.has(term.text));
  if (firstConnector < 0) return [run];
  // "Pieter de Vries": a particle between a first name and a surname.
  if (run[firstConnector]?.text === 'de' && firstConnector > 0 && has(run[firstConnector - 1] as Term, 'FirstName')) {
    // "Pieter de Vries of the Port Energy Council": the name, then whatever follows the next connector.
    const next = run.findIndex((term, i) => i > firstConnector + 1 && CONNECTORS.has(term.text));
    if (next < 0) return [run];
    let rest = next;
    while (rest < run.length && CONNECTORS.has((run[rest] as Term).text)) rest++;
    return [run.slice(0, next), ...splitAtConnectors(run.slice(rest))];
  }
  // "the Clean Berth Initiative on Wednesday": a date is no part of a name.
  const dated = run.findIndex((term, i) => i > 0 && CONNECTORS.has((run[i - 1] as Term).text) && has(term, 'Date'));
  if (dated > 0) {
    let cut = dated;
    while (cut > 0 && CONNECTORS.has((run[cut - 1] as Term).text)) cut--;
    return splitAtConnectors(run.slice(0, cut));
  }
  const text = run.map((term) => term.text).join(' ');
  const words = text.split(' ');
  // "Commissioner Lena Varga of the European Commission", "Valparaíso for the Blue Reef Summit":
  // a person or a place before the connector is a name of its own.
  const before = run.slice(0, firstConnector);
  const ownName = before.some((term) => isPersonWord(term) || has(term, 'Place'));
  if (typeOfHead(words.at(-1) ?? '') !== undefined && !ownName) return [run];
  if (typeOfHead(headOf(text)) !== undefined && !ownName) {
    // "Calgary Herald and the Brampton Daily Times" is two names; "Names and Numbers" one.
    const split = run.findIndex((term, i) => term.text === 'and' && run[i + 1]?.text === 'the');
    return split < 0 ? [run] : [run.slice(0, split), ...splitAtConnectors(run.slice(split + 2))];
  }
  const parts: Term[][] = [];
  let part: Term[] = [];
  for (const term of run) {
    if (CONNECTORS.has(term.text)) {
      if (part.length > 0) parts.push(part);
      part = [];
    } else part.push(term);
  }
  if (part.length > 0) parts.push(part);
  return parts;
}

function kindOf(run: Term[]): NameKind | undefined {
  const head = typeOfHead(headOf(run.map((term) => term.text.replace(POSSESSIVE, '')).join(' ')));
  if (head) return head;
  if (run.every((term) => isPersonWord(term) || has(term, 'ProperNoun'))) {
    if (run.some(isPersonWord) && !run.some((term) => has(term, 'Organization', 'Place'))) return 'person';
  }
  if (run.some((term) => has(term, 'Organization'))) return 'organization';
  if (run.some((term) => has(term, 'Place'))) return 'place';
  return undefined;
}

const OPEN_QUOTE = /[“"‘]$/u;
const CLOSE_QUOTE = /^[”"’]/u;

/** “social credit” system: a quoted term before a head noun names a programme by the quoted words. */
function quotedNames(terms: Term[], text: string): FoundName[] {
  const found: FoundName[] = [];
  for (let i = 0; i < terms.length; i++) {
    if (!OPEN_QUOTE.test((terms[i] as Term).pre)) continue;
    for (let j = i; j < Math.min(terms.length - 1, i + 4); j++) {
      const last = terms[j] as Term;
      if (!CLOSE_QUOTE.test(last.post)) continue;
      const next = terms[j + 1] as Term;
      const kind = typeOfHead(next.text);
      if (/^[”"’]\s+$/u.test(last.post) && /^\p{Ll}/u.test(next.text) && kind) {
        const start = (terms[i] as Term).offset.start;
        found.push({ name: text.slice(start, last.offset.start + last.offset.length), start, kind });
      }
      break;
    }
  }
  return found;
}

/** Most words capitalised: a headline or a menu, where capitals say nothing about names. */
const isTitleCaseLine = (terms: Term[]) =>
  terms.filter((term) => isCapitalised(term.text)).length * 2 > terms.filter((term) => /\p{L}/u.test(term.text)).length;

function named(text: string, run: Term[], kind: NameKind): FoundName {
  const first = run[0] as Term;
  const last = run.at(-1) as Term;
  const start = first.offset.start;
  return { name: text.slice(start, last.offset.start + last.offset.length).replace(POSSESSIVE, ''), start, kind };
}

/** Chunks of about this many characters, cut at line breaks, are tagged one at a time. */
const CHUNK = 8000;

/**
 * compromise's sentences of `text`, with offsets in `text`. A long text is tagged in chunks cut at
 * line breaks: one call on a megabyte holds the whole document's terms at once and slows down far
 * more than in proportion (minutes instead of seconds).
 */
function taggedSentences(text: string): { terms: Term[] }[] {
  const sentences: { terms: Term[] }[] = [];
  for (let from = 0; from < text.length; ) {
    let to = Math.min(text.length, from + CHUNK);
    if (to < text.length) {
      const cut = text.lastIndexOf('\n', to);
      to = cut > from ? cut + 1 : to;
    }
    const chunk = text.slice(from, to);
    for (const sentence of nlp(chunk).json({ offset: true }) as { terms: Term[] }[]) {
      for (const term of sentence.terms) term.offset.start += from;
      sentences.push(sentence);
    }
    from = to;
  }
  return sentences;
}

/** The names compromise finds in `text`, with their offsets in it. */
export function namesIn(text: string): FoundName[] {
  const found: FoundName[] = [];
  for (const { terms } of taggedSentences(text)) {
    found.push(...quotedNames(terms, text));
    const headline = isTitleCaseLine(terms);
    for (const whole of runsOf(terms)) {
      let run = whole;
      const at = (index: number): Term => run[index] as Term;
      // A single head word ("the Declaration") refers to a name; it names nothing on its own.
      if (run.length === 1 && typeOfHead(at(0).text.replace(POSSESSIVE, '')) !== undefined) continue;
      // "Chinese", "Dutch": a demonym alone is no name.
      if (run.length === 1 && has(at(0), 'Demonym', 'Adjective')) continue;
      // Titles before a name: "Secretary Blinken", "State Department Spokesperson Ned Price".
      let lastTitle = -1;
      for (let i = 0; i < run.length - 1; i++) if (isTitleWord(at(i))) lastTitle = i;
      let kind = kindOf(run);
      let personFrom = run.length;
      while (personFrom > 0 && isPersonWord(at(personFrom - 1)) && !isTitleWord(at(personFrom - 1))) personFrom--;
      // A first name compromise does not know, before a surname it does ("Christopher Painter").
      if (personFrom === run.length - 1 && personFrom > 0) {
        const before = at(personFrom - 1);
        if (has(before, 'ProperNoun') && !has(before, 'Organization', 'Place') && !isTitleWord(before)) personFrom--;
      }
      const particle = run.findIndex((term, i) => term.text === 'de' && i > 0 && has(at(i - 1), 'FirstName'));
      if (particle > 0) personFrom = particle - 1;
      const headed = typeOfHead(headOf(run.map((term) => term.text).join(' '))) !== undefined;
      const personal =
        particle > 0 || run.length - personFrom >= 2 || (personFrom > 0 && isTitleWord(at(personFrom - 1)));
      if (!headed && personFrom < run.length && (personal || kind !== 'organization')) {
        kind = 'person';
        lastTitle = personFrom - 1;
      } else if (lastTitle >= 0 && !headed) {
        // A proper noun after a title is a person even where compromise does not know the surname.
        const named = run.slice(lastTitle + 1);
        if (!named.every((term) => has(term, 'ProperNoun') && !isTitleWord(term))) continue;
        kind = 'person';
      } else lastTitle = -1;
      const titleTerm = lastTitle >= 0 && isTitleWord(at(lastTitle)) ? at(lastTitle) : undefined;
      if (lastTitle > 0 && kind === 'person') {
        // "State Department Spokesperson Ned Price": the words before the title may name his employer.
        const employer = run.slice(0, titleTerm ? lastTitle : lastTitle + 1);
        const employerKind = kindOf(employer);
        if (employer.length > 1 && (employerKind === 'organization' || employerKind === 'initiative')) {
          found.push(named(text, employer, employerKind));
        }
      }
      if (lastTitle >= 0) run = run.slice(lastTitle + 1);
      // Two capitalised words inside a sentence that compromise does not know ("its Great Firewall",
      // “Forward Deployment”) name a thing; programmes and systems are what a briefing names so.
      if (kind === undefined && !headline && run.length >= 2 && at(0) !== terms[0]) {
        if (run.every((term) => has(term, 'Noun', 'Adjective') && !has(term, 'Date', 'Value', 'Pronoun')))
          kind = 'initiative';
      }
      // One word inside a sentence that compromise tags a proper noun and knows nothing else of
      // ("at Darktrace", "blocked Instagram", "on ZTE", "the G7") is most often an organization.
      if (kind === undefined && !headline && run.length === 1 && at(0) !== terms[0]) {
        const word = at(0);
        const before = terms[terms.indexOf(word) - 1];
        // After a colon or an opening quote a word is capitalised for the sentence, not as a name.
        const starts = word.pre !== '' || (before !== undefined && /[:.!?“"]/u.test(before.post));
        const plain =
          has(word, 'Date', 'Value', 'Pronoun', 'Plural', 'Verb', 'Adjective', 'Ordinal') || isTitleWord(word);
        if (
          !starts &&
          !plain &&
          (has(word, 'ProperNoun') || /^\p{Lu}+\d*$/u.test(word.text)) &&
          !isFunctionWord(word.text)
        ) {
          kind = 'organization';
        }
      }
      if (kind === undefined) continue;
      if (kind === 'place' && run.length > 1) kind = 'organization';
      const first = at(0);
      const last = at(run.length - 1);
      const start = first.offset.start;
      const name = text.slice(start, last.offset.start + last.offset.length).replace(POSSESSIVE, '');
      if (!/\p{L}{2}/u.test(name)) continue;
      const title =
        titleTerm && kind === 'person' ? { text: titleTerm.text, start: titleTerm.offset.start } : undefined;
      found.push({ name, start, kind, ...(title ? { title } : {}) });
    }
  }
  return found;
}
