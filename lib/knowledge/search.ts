// Typo-tolerant search over the pack's entities (names, aliases, role texts). Pure: no DOM, no browser API.
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { Entity } from './schema';

interface Indexed {
  id: string;
  name: string;
  aliases: string;
  roles: string;
}

/**
 * Folds case, accents and apostrophes so "Péru", "peru" and "PERU" are one term, and drops the
 * dots of abbreviations so "U.K." and "UK" are one term too.
 */
export function foldTerm(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019\u02BC]/g, "'")
    .toLowerCase();
}

/** "U.K." → "UK", "U.S.A." → "USA": the dots of an abbreviation are not word breaks. */
function joinAbbreviations(text: string): string {
  return text.replace(/(?<![\p{L}\p{N}])(?:\p{L}\.){2,}/gu, (abbreviation) => abbreviation.replaceAll('.', ''));
}

const WORD_BREAK = /[\n\r\p{Z}\p{P}\p{S}]+/u;

function tokenize(text: string): string[] {
  return joinAbbreviations(text).split(WORD_BREAK).filter(Boolean);
}

/** Terms this short match too much as prefixes or with an edit; they must match whole. */
const MIN_PREFIX = 2;
const MIN_FUZZY = 4;

const SEARCH_OPTIONS: SearchOptions = {
  boost: { name: 3, aliases: 2, roles: 1 },
  prefix: (term) => term.length >= MIN_PREFIX,
  // About one edit in five letters: "Blinkin" → Blinken, "Brasil" → Brazil, "Wasenaar" → Wassenaar.
  fuzzy: (term) => (term.length >= MIN_FUZZY ? 0.2 : false),
  maxFuzzy: 2,
};

/**
 * The query with two neighbouring letters swapped, once per place: a swap ("Xinhau") costs two
 * edits, more than a short word is allowed, yet it is the commonest slip of a typing hand.
 */
export function transpositions(query: string): string[] {
  const variants: string[] = [];
  for (const word of query.matchAll(/\p{L}{4,}/gu)) {
    const at = word.index;
    const letters = [...word[0]];
    for (let i = 0; i + 1 < letters.length; i++) {
      const chars = [...letters];
      if (chars[i] === chars[i + 1]) continue;
      [chars[i], chars[i + 1]] = [chars[i + 1] as string, chars[i] as string];
      variants.push(query.slice(0, at) + chars.join('') + query.slice(at + word[0].length));
    }
  }
  return variants;
}

function bestOf<T extends { score: number }>(lists: T[][]): T[] {
  let best: T[] = [];
  for (const list of lists) if ((list[0]?.score ?? 0) > (best[0]?.score ?? 0)) best = list;
  return best;
}

export interface EntitySearch {
  /** Best matches first; every word of the query must match (each allowing for a typo). */
  search(query: string, limit?: number): Entity[];
}

/** The whole query as one key: "U.K." and "uk" and "Uk" are the same name. */
function nameKey(text: string): string {
  return tokenize(text).map(foldTerm).filter(Boolean).join(' ');
}

export function createEntitySearch(entities: readonly Entity[]): EntitySearch {
  const byId = new Map(entities.map((e) => [e.id, e]));
  // A query that is exactly one of an entity's names goes first: "UK" is the United Kingdom
  // before it is the start of "Ukraine".
  const exact = new Map<string, string[]>();
  for (const entity of entities) {
    for (const name of new Set([entity.name, ...entity.aliases.map((a) => a.text)].map(nameKey))) {
      exact.set(name, [...(exact.get(name) ?? []), entity.id]);
    }
  }
  const index = new MiniSearch<Indexed>({
    fields: ['name', 'aliases', 'roles'],
    idField: 'id',
    tokenize,
    processTerm: (term) => foldTerm(term) || null,
    searchOptions: SEARCH_OPTIONS,
  });
  index.addAll(
    entities.map((entity) => ({
      id: entity.id,
      name: entity.name,
      aliases: entity.aliases.map((a) => a.text).join(' \n '),
      roles: entity.roles.map((r) => r.text).join(' \n '),
    })),
  );

  return {
    search(query, limit = 20) {
      if (tokenize(query).every((term) => !foldTerm(term))) return [];
      // Every word must match ("freedom onlin" is the Coalition, not everything free or online);
      // a text selected on a page ("Look up in Gloss") must not find an entity by one common word.
      let hits = index.search(query, { combineWith: 'AND' });
      if (hits.length === 0) hits = bestOf(transpositions(query).map((q) => index.search(q, { combineWith: 'AND' })));
      const first = exact.get(nameKey(query)) ?? [];
      const ids = [...first, ...hits.map((hit) => hit.id as string).filter((id) => !first.includes(id))];
      return ids
        .slice(0, limit)
        .map((id) => byId.get(id))
        .filter((e): e is Entity => e !== undefined);
    },
  };
}
