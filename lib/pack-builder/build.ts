// Documents in, a proposed pack out: countries the matcher knows, names compromise tags, acronyms
// the text defines, each with the aliases the text uses and roles quoting the sentences that
// mention it. Pure: no DOM, no browser API (runs in Node for the CLI and in the options page's Worker).
import { type Alias, type Entity, type EntityType, ID_PREFIX, PACK_FORMAT, type Pack } from '../knowledge/schema';
import { acronymDefinitions } from './acronyms';
import { countryMentions, countryNamed, isDemonym } from './countries';
import { headOf, typeOfHead } from './heads';
import { namesIn } from './names';
import { type Sentence, sentencesOf } from './sentences';

/** A document read from a file: what the pack keeps of it. */
export interface SourceDocument {
  id: string;
  title: string;
  date?: string;
  text: string;
}

export interface BuildOptions {
  id: string;
  name: string;
  version?: string;
  /** The roles kept per entity: the first sentences that mention it, in document order. */
  maxRoles?: number;
  onProgress?: (done: number, total: number) => void;
}

export interface Proposal {
  entity: Entity;
  /** How many times the documents name it (any alias). */
  mentions: number;
}

export interface BuildResult {
  /** Undefined when no document names anything. */
  pack?: Pack;
  proposals: Proposal[];
  /** Documents in which nothing was found: they are left out of the pack. */
  empty: string[];
}

interface Draft {
  type: EntityType;
  name: string;
  aliases: Map<string, Alias>;
  countryId?: string;
}

/** "Blinken" of "Antony Blinken", "de Vries" of "Pieter de Vries". */
export function surnameOf(name: string): string {
  const words = name.split(' ');
  const particle = words.findIndex((word, i) => i > 0 && /^\p{Ll}/u.test(word));
  return particle > 0 ? words.slice(particle).join(' ') : (words.at(-1) as string);
}
const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const draftKey = (type: EntityType, name: string) => `${type}\u0000${name}`;

function slug(text: string): string {
  const ascii = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return (ascii || 'x').slice(0, 80);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const boundary = (text: string) => new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(text)}(?![\\p{L}\\p{N}_])`, 'u');

/** Gather what each document names into drafts, one per entity. */
function collect(
  documents: readonly SourceDocument[],
  sentences: readonly Sentence[][],
  onDocument: (i: number) => void,
): Map<string, Draft> {
  const drafts = new Map<string, Draft>();
  const add = (type: EntityType, name: string, alias?: Alias) => {
    const key = draftKey(type, name);
    let draft = drafts.get(key);
    if (!draft) {
      draft = { type, name, aliases: new Map([[name, { text: name, kind: 'name' }]]) };
      drafts.set(key, draft);
    }
    if (alias && !draft.aliases.has(alias.text)) draft.aliases.set(alias.text, alias);
    return draft;
  };
  for (const [i, document] of documents.entries()) {
    const names = namesIn(document.text);
    // "Jordan" in "Michael Jordan", "Canada" in "IT World Canada": a country inside a longer name is not the country.
    const inside = (start: number, length: number) =>
      names.some(
        (found) =>
          found.kind !== 'place' &&
          found.start <= start &&
          start + length <= found.start + found.name.length &&
          found.name.length > length,
      );
    for (const { country, text, start } of countryMentions(document.text)) {
      if (inside(start, text.length)) continue;
      const draft = add('country', country.name);
      draft.countryId = country.id;
      for (const alias of country.aliases) draft.aliases.set(alias.text, alias);
    }
    for (const sentence of sentences[i] ?? []) {
      for (const { short, long } of acronymDefinitions(sentence.text)) {
        const country = countryNamed(long);
        if (country) continue;
        add(typeOfHead(headOf(long)) ?? 'organization', long, { text: short, kind: 'acronym' });
      }
    }
    for (const found of names) {
      if (found.kind === 'place' || countryNamed(found.name)) continue;
      const type: EntityType = found.kind === 'person' || found.kind === 'title-person' ? 'official' : found.kind;
      add(type, found.name);
    }
    onDocument(i);
  }
  return mergePeople(drafts, documents);
}

/**
 * "Blinken" alone and "Secretary Blinken" are Antony Blinken where the documents name him in full:
 * the surname becomes a reference alias of the full name (the matcher then counts it only after the
 * full name on a page), a title with it a title alias. A one-word name nobody's surname stays itself.
 */
function mergePeople(drafts: Map<string, Draft>, documents: readonly SourceDocument[]): Map<string, Draft> {
  const people = [...drafts.values()].filter((draft) => draft.type === 'official');
  const full = people.filter((draft) => draft.name.includes(' '));
  const ownersOf = (surname: string) =>
    full.filter((person) => [surnameOf(person.name), capitalise(surnameOf(person.name))].includes(surname));
  for (const draft of people) {
    if (full.includes(draft) && !ownersOf(draft.name).some((owner) => owner !== draft)) continue;
    const owners = ownersOf(draft.name).filter((owner) => owner !== draft);
    if (owners.length === 1) drafts.delete(draftKey('official', draft.name));
  }
  // "Power" tagged an organization where it is Samantha Power's surname; "Ms" or "Chinese" alone names nobody.
  const personal = new Set(full.flatMap((person) => [person.name, surnameOf(person.name)]));
  for (const [key, draft] of drafts) {
    const lone = !draft.name.includes(' ');
    if (draft.type !== 'official' && personal.has(draft.name)) drafts.delete(key);
    else if (lone && (/^(Mr|Mrs|Ms|Dr|Prof)$/.test(draft.name) || isDemonym(draft.name))) drafts.delete(key);
  }
  // "ICANN" alone is the acronym the text defined for a longer name.
  const acronyms = new Set(
    [...drafts.values()].flatMap((draft) =>
      [...draft.aliases.values()].filter((alias) => alias.kind === 'acronym').map((alias) => alias.text),
    ),
  );
  for (const [key, draft] of drafts) if (draft.aliases.size === 1 && acronyms.has(draft.name)) drafts.delete(key);
  // A name that holds a person's full name ("State Antony Blinken") is that person, badly cut.
  for (const [key, draft] of drafts) {
    if (draft.type !== 'official' && full.some((person) => draft.name.endsWith(` ${person.name}`))) drafts.delete(key);
  }
  const texts = documents.map((document) => document.text);
  for (const person of full) {
    if (!drafts.has(draftKey('official', person.name))) continue;
    const surname = surnameOf(person.name);
    if (ownersOf(surname).length > 1) continue;
    for (const form of new Set([surname, capitalise(surname)])) {
      const usesSurname = texts.some((text) => {
        const first = text.indexOf(person.name);
        return first >= 0 && boundary(form).test(text.slice(first + person.name.length));
      });
      if (usesSurname) person.aliases.set(form, { text: form, kind: 'reference' });
    }
    for (const text of texts) {
      for (const match of text.matchAll(
        new RegExp(`(?<![\\p{L}])(\\p{Lu}[\\p{L}]+\\.?) ${escapeRegExp(surname)}(?![\\p{L}])`, 'gu'),
      )) {
        if (
          match[0] !== person.name &&
          /^(Mr|Mrs|Ms|Dr|Prof|President|Secretary|Minister|Ambassador|Administrator|Spokesperson|Spokesman|Senator|Governor|Chancellor|Director|Commissioner)\.?$/.test(
            match[1] ?? '',
          )
        ) {
          person.aliases.set(match[0], { text: match[0], kind: 'title' });
        }
      }
    }
  }
  // "the Coalition" after "Freedom Online Coalition": the head alone, as a reference, where the text writes it so.
  const heads = new Map<string, Draft[]>();
  for (const draft of drafts.values()) {
    if (draft.type !== 'initiative' && draft.type !== 'organization') continue;
    const head = headOf(draft.name);
    if (head === draft.name || typeOfHead(head) === undefined) continue;
    heads.set(head, [...(heads.get(head) ?? []), draft]);
  }
  for (const [head, owners] of heads) {
    if (owners.length !== 1) continue;
    const draft = owners[0] as Draft;
    const used = texts.some((text) => {
      const first = text.indexOf(draft.name);
      return (
        first >= 0 &&
        new RegExp(`\\b[Tt]he ${escapeRegExp(head)}(?![\\p{L}\\p{N}_]| \\p{Lu})`, 'u').test(
          text.slice(first + draft.name.length),
        )
      );
    });
    if (used) draft.aliases.set(head, { text: head, kind: 'reference' });
  }
  return drafts;
}

/** Aliases shared by two drafts are flagged ambiguous on both, as the pack format asks. */
function flagShared(drafts: readonly Draft[]): void {
  const owners = new Map<string, number>();
  for (const draft of drafts) for (const text of draft.aliases.keys()) owners.set(text, (owners.get(text) ?? 0) + 1);
  for (const draft of drafts) {
    for (const [text, alias] of draft.aliases)
      if ((owners.get(text) ?? 0) > 1) draft.aliases.set(text, { ...alias, ambiguous: true });
  }
}

// The forms a page writes and a reader means; demonyms and capitals say less, translations are not in the text.
const COUNTED = new Set<Alias['kind']>(['name', 'short', 'acronym', 'title', 'reference']);

/** A role's own words: what the builder knows, no more; the reviewer may write a better one. */
const roleText = (document: SourceDocument) => `Named in “${document.title}”.`;

/** Documents to a proposed pack; see BuildResult. */
export function buildPack(documents: readonly SourceDocument[], options: BuildOptions): BuildResult {
  const total = documents.length * 2;
  const sentences = documents.map((document) => sentencesOf(document.text));
  const drafts = [...collect(documents, sentences, (i) => options.onProgress?.(i + 1, total)).values()];
  flagShared(drafts);
  const maxRoles = options.maxRoles ?? 5;
  const usedIds = new Set<string>();
  const proposals: Proposal[] = [];
  const named = new Set<string>();
  // One pass over each sentence with every counted alias, longest first: where two names overlap
  // ("Freedom Online Coalition" holds "Coalition"), the longer one is the mention.
  const owners = new Map<string, Draft[]>();
  for (const draft of drafts) {
    for (const alias of draft.aliases.values()) {
      if (COUNTED.has(alias.kind)) owners.set(alias.text, [...(owners.get(alias.text) ?? []), draft]);
    }
  }
  const pattern = new RegExp(
    `(?<![\\p{L}\\p{N}_])(?:${[...owners.keys()]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|')})(?![\\p{L}\\p{N}_])`,
    'gu',
  );
  const found = new Map<Draft, { mentions: number; roles: Entity['roles']; last?: Sentence }>(
    drafts.map((draft) => [draft, { mentions: 0, roles: [] }]),
  );
  for (const [d, document] of documents.entries()) {
    for (const sentence of sentences[d] as Sentence[]) {
      for (const match of owners.size > 0 ? sentence.text.matchAll(pattern) : []) {
        for (const draft of owners.get(match[0]) ?? []) {
          const of = found.get(draft);
          if (!of) continue;
          of.mentions++;
          named.add(document.id);
          if (of.last !== sentence && of.roles.length < maxRoles) {
            of.roles.push({ text: roleText(document), source: document.id, quote: sentence.text });
          }
          of.last = sentence;
        }
      }
    }
    options.onProgress?.(documents.length + d + 1, total);
  }
  for (const draft of drafts) {
    const { mentions, roles } = found.get(draft) as { mentions: number; roles: Entity['roles'] };
    if (roles.length === 0) continue;
    const base = draft.countryId ?? `${ID_PREFIX[draft.type]}${slug(draft.name)}`;
    let id = base;
    for (let n = 2; usedIds.has(id); n++) id = `${base}-${n}`;
    usedIds.add(id);
    proposals.push({
      entity: { id, type: draft.type, name: draft.name, aliases: [...draft.aliases.values()], roles, relations: [] },
      mentions,
    });
  }
  proposals.sort((a, b) => b.mentions - a.mentions || a.entity.name.localeCompare(b.entity.name));
  const empty = documents.filter((document) => !named.has(document.id)).map((document) => document.id);
  const kept = documents.filter((document) => named.has(document.id));
  if (proposals.length === 0) return { proposals, empty };
  return { pack: packOf(kept, proposals, options), proposals, empty };
}

/** The pack of reviewed proposals: the options page calls it again after the user's edits. */
export function packOf(
  documents: readonly SourceDocument[],
  proposals: readonly Proposal[],
  options: BuildOptions,
): Pack {
  return {
    format: PACK_FORMAT,
    id: options.id,
    name: options.name,
    version: options.version ?? new Date().toISOString().slice(0, 10),
    description: `Built by Gloss from ${documents.length} document${documents.length === 1 ? '' : 's'}; proposals to review.`,
    documents: documents.map(({ id, title, date, text }) => ({ id, title, ...(date ? { date } : {}), text })),
    entities: proposals.map((proposal) => proposal.entity),
  };
}
