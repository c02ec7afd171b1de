import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aliasesOf, aliasIndexOf } from './alias-index';
import { bundledPack } from './bundled';
import { Knowledge } from './knowledge';
import { matcherAliases } from './pack';
import { ALIAS_KINDS, ENTITY_TYPES, type Entity } from './schema';

describe('the alias index', () => {
  it('gives back every alias of the bundled pack, in order', () => {
    const index = aliasIndexOf(bundledPack.entities);
    expect(index.entities).toHaveLength(bundledPack.entities.length);
    expect(aliasesOf(index)).toEqual(matcherAliases(bundledPack.entities));
  });

  it('survives a trip through JSON, as stored', () => {
    const index = aliasIndexOf(bundledPack.entities);
    expect(aliasesOf(JSON.parse(JSON.stringify(index)))).toEqual(matcherAliases());
  });

  it('keeps the namespaced ids of imported packs', () => {
    const imported = { ...bundledPack, id: 'copy' };
    const knowledge = new Knowledge([bundledPack, imported]);
    const aliases = aliasesOf(aliasIndexOf(knowledge.entities));
    expect(aliases).toEqual(knowledge.matcherAliases());
    expect(aliases.filter((a) => a.entityId === 'copy/country:us').length).toBeGreaterThan(0);
  });

  it('gives back the aliases of any entities', () => {
    const entity: fc.Arbitrary<Entity> = fc.record({
      id: fc.string(),
      type: fc.constantFrom(...ENTITY_TYPES),
      name: fc.string(),
      aliases: fc.array(fc.record({ text: fc.string({ minLength: 1 }), kind: fc.constantFrom(...ALIAS_KINDS) }), {
        minLength: 1,
      }),
      roles: fc.constant<Entity['roles']>([]),
      relations: fc.constant<Entity['relations']>([]),
    });
    fc.assert(
      fc.property(fc.array(entity, { maxLength: 8 }), (entities) => {
        expect(aliasesOf(aliasIndexOf(entities))).toEqual(matcherAliases(entities));
      }),
    );
  });

  it('drops the names a damaged index cannot read, and keeps the rest', () => {
    const index = aliasIndexOf(bundledPack.entities.slice(0, 2));
    const good = aliasesOf(index);
    index.aliases.push(['Nowhere', 99, 0], ['Nobody', 0, 999]);
    index.entities.push(['country:zz', 42]);
    index.aliases.push(['Zedland', 0, index.entities.length - 1]);
    expect(aliasesOf(index)).toEqual(good);
  });
});
