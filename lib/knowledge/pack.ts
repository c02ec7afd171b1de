// The bundled knowledge pack and the lookups the UI needs. Pure: no DOM, no browser API.
import raw from '../../data/knowledge.json';
import type { MatcherAlias } from '../matcher/matcher';
import {
  type Entity,
  type EntityType,
  type KnowledgePack,
  RELATION_TYPES,
  type RelationType,
  type Source,
} from './schema';

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

export const TYPE_LABELS: Record<EntityType, { one: string; many: string }> = {
  country: { one: 'Country', many: 'Countries' },
  initiative: { one: 'Initiative', many: 'Initiatives' },
  organization: { one: 'Organization', many: 'Organizations' },
  official: { one: 'Official or person', many: 'Officials and people' },
};

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

function fold(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[\u2019']/g, "'")
    .toLowerCase();
}

const searchIndex = pack.entities.map((entity) => ({
  entity,
  names: [entity.name, ...entity.aliases.map((a) => a.text)].map(fold),
  roles: fold(entity.roles.map((r) => r.text).join(' ')),
}));

/**
 * Entities whose name, alias or role text contains every word of the query.
 * Name hits rank above role hits; ties keep the pack's order.
 */
export function searchEntities(query: string, limit = 20): Entity[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [];
  const scored: { entity: Entity; score: number }[] = [];
  for (const { entity, names, roles } of searchIndex) {
    let score = 0;
    for (const word of words) {
      if (names.some((n) => n === word)) score += 4;
      else if (names.some((n) => n.startsWith(word))) score += 3;
      else if (names.some((n) => n.includes(word))) score += 2;
      else if (roles.includes(word)) score += 1;
      else {
        score = 0;
        break;
      }
    }
    if (score > 0) scored.push({ entity, score });
  }
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map((s) => s.entity);
}
