// The alias index: only what matching needs of a pack (ids, types, alias texts and kinds), in a
// compact form, for the content script; roles, quotes and documents stay with the extension's
// pages and background. Pure.
import type { MatcherAlias } from '../matcher/matcher';
import { ALIAS_KINDS, ENTITY_TYPES, type Entity } from './schema';

/**
 * Entities as [id, type index]; aliases as [text, kind index, entity index]; and, for officials,
 * the entities their roles relate them to as [entity index, [entity index...]] (an official's
 * organization, on a page, tells them from a namesake). An index stored before `related` existed
 * has none.
 */
export interface AliasIndex {
  entities: [string, number][];
  aliases: [string, number, number][];
  related?: [number, number[]][];
}

/** `entities` with their ids as the matcher will report them (namespaced, see knowledge.ts). */
export function aliasIndexOf(entities: readonly Entity[]): AliasIndex {
  const index: AliasIndex = { entities: [], aliases: [], related: [] };
  const at = new Map(entities.map((entity, i) => [entity.id, i]));
  for (const entity of entities) {
    const position = index.entities.length;
    index.entities.push([entity.id, ENTITY_TYPES.indexOf(entity.type)]);
    for (const alias of entity.aliases) index.aliases.push([alias.text, ALIAS_KINDS.indexOf(alias.kind), position]);
    if (entity.type !== 'official') continue;
    const targets = [...new Set(entity.relations.flatMap((r) => at.get(r.target) ?? []))];
    if (targets.length > 0) index.related?.push([position, targets]);
  }
  return index;
}

export function aliasesOf(index: AliasIndex): MatcherAlias[] {
  const related = new Map<number, string[]>();
  for (const [at, targets] of index.related ?? []) {
    related.set(
      at,
      targets.flatMap((target) => index.entities[target]?.[0] ?? []),
    );
  }
  const aliases: MatcherAlias[] = [];
  for (const [text, kind, at] of index.aliases) {
    const entity = index.entities[at];
    const aliasKind = ALIAS_KINDS[kind];
    const entityType = entity && ENTITY_TYPES[entity[1]];
    // A damaged stored index loses the names it cannot read, not the page.
    if (!entity || !aliasKind || !entityType) continue;
    const relatedIds = related.get(at);
    aliases.push({
      text,
      kind: aliasKind,
      entityId: entity[0],
      entityType,
      ...(relatedIds ? { related: relatedIds } : {}),
    });
  }
  return aliases;
}
