// The alias index: only what matching needs of a pack (ids, types, alias texts and kinds), in a
// compact form, for the content script; roles, quotes and documents stay with the extension's
// pages and background. Pure.
import type { MatcherAlias } from '../matcher/matcher';
import { ALIAS_KINDS, ENTITY_TYPES, type Entity } from './schema';

/** Entities as [id, type index]; aliases as [text, kind index, entity index]. */
export interface AliasIndex {
  entities: [string, number][];
  aliases: [string, number, number][];
}

/** `entities` with their ids as the matcher will report them (namespaced, see knowledge.ts). */
export function aliasIndexOf(entities: readonly Entity[]): AliasIndex {
  const index: AliasIndex = { entities: [], aliases: [] };
  for (const entity of entities) {
    const at = index.entities.length;
    index.entities.push([entity.id, ENTITY_TYPES.indexOf(entity.type)]);
    for (const alias of entity.aliases) index.aliases.push([alias.text, ALIAS_KINDS.indexOf(alias.kind), at]);
  }
  return index;
}

export function aliasesOf(index: AliasIndex): MatcherAlias[] {
  const aliases: MatcherAlias[] = [];
  for (const [text, kind, at] of index.aliases) {
    const entity = index.entities[at];
    const aliasKind = ALIAS_KINDS[kind];
    const entityType = entity && ENTITY_TYPES[entity[1]];
    // A damaged stored index loses the names it cannot read, not the page.
    if (!entity || !aliasKind || !entityType) continue;
    aliases.push({ text, kind: aliasKind, entityId: entity[0], entityType });
  }
  return aliases;
}
