// The bundled pack alone, for code and tests that need no other (the pure core's tables, the
// alias index written at build time). Extension pages use the Knowledge of every enabled pack.
import type { MatcherAlias } from '../matcher/matcher';
import { aliasesOf, aliasIndexOf } from './alias-index';
import { bundledPack } from './bundled';
import { Knowledge, type RelationView } from './knowledge';
import type { Entity, PackDocument } from './schema';

export type { RelationView };
export const pack = bundledPack;
export const bundledKnowledge = new Knowledge([bundledPack]);

export function getEntity(id: string): Entity | undefined {
  return bundledKnowledge.getEntity(id);
}

export function getSource(id: string): PackDocument | undefined {
  return bundledKnowledge.getDocument(pack.id, id);
}

export function relationsOf(id: string): RelationView[] {
  return bundledKnowledge.relationsOf(id);
}

export function matcherAliases(entities: readonly Entity[] = pack.entities): MatcherAlias[] {
  return aliasesOf(aliasIndexOf(entities));
}

export function searchEntities(query: string, limit = 20): Entity[] {
  return bundledKnowledge.search(query, limit);
}
