// The bundled knowledge pack and the lookups the UI needs. Pure: no DOM, no browser API.
import raw from '../../data/knowledge.json';
import type { MatcherAlias } from '../matcher/matcher';
import { type Entity, type KnowledgePack, RELATION_TYPES, type RelationType, type Source } from './schema';
import { createEntitySearch, type EntitySearch } from './search';

// Validated against KnowledgePackSchema by pack.test.ts; parsing it on every page load would
// cost each tab time for no gain.
export const pack = raw as KnowledgePack;

const entitiesById = new Map(pack.entities.map((e) => [e.id, e]));
const sourcesById = new Map(pack.sources.map((s) => [s.id, s]));

export function getEntity(id: string): Entity | undefined {
  return entitiesById.get(id);
}

export function getSource(id: string): Source | undefined {
  return sourcesById.get(id);
}

export interface RelationView {
  type: RelationType;
  /** "Signed", or "Signed by" when seen from the target. */
  phrase: string;
  other: Entity;
  source: string;
  quote: string;
}

function buildRelationIndex(): Map<string, RelationView[]> {
  const index = new Map<string, RelationView[]>();
  const add = (id: string, view: RelationView) => {
    const list = index.get(id) ?? [];
    list.push(view);
    index.set(id, list);
  };
  for (const subject of pack.entities) {
    for (const relation of subject.relations) {
      const target = entitiesById.get(relation.target);
      if (!target) continue;
      const phrases = RELATION_TYPES[relation.type];
      const common = { type: relation.type, source: relation.source, quote: relation.quote };
      add(subject.id, { ...common, phrase: phrases.forward, other: target });
      add(target.id, { ...common, phrase: phrases.inverse, other: subject });
    }
  }
  return index;
}

const relationIndex = buildRelationIndex();

/** What the documents say links this entity to others, in both directions. */
export function relationsOf(id: string): RelationView[] {
  return relationIndex.get(id) ?? [];
}

export function matcherAliases(entities: readonly Entity[] = pack.entities): MatcherAlias[] {
  return entities.flatMap((entity) =>
    entity.aliases.map((alias) => ({
      text: alias.text,
      kind: alias.kind,
      entityId: entity.id,
      entityType: entity.type,
    })),
  );
}

let entitySearch: EntitySearch | null = null;

/**
 * Entities whose name, alias or role text matches the query, typos and missing accents
 * forgiven; names rank above aliases, aliases above role texts. The index is built on first use:
 * pages that never search never pay for it.
 */
export function searchEntities(query: string, limit = 20): Entity[] {
  entitySearch ??= createEntitySearch(pack.entities);
  return entitySearch.search(query, limit);
}
