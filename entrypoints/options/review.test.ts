import { describe, expect, it } from 'vitest';
import { readPackFile, writePackFile } from '@/lib/knowledge/pack-file';
import { buildPack } from '@/lib/pack-builder/build';
import {
  addAlias,
  changeType,
  filterProposals,
  freePackId,
  merge,
  remove,
  rename,
  reviewedPack,
  sortProposals,
} from './review';

const documents = [
  {
    id: 'reef',
    title: 'Reef',
    text: 'Dr. Amara Okafor chairs the Ocean Data Partnership (ODP). Okafor said Chile and Norway agreed. The Partnership meets in May.',
  },
  { id: 'port', title: 'Port', text: 'Pieter de Vries of the Port Energy Council met Norway’s minister in Oslo.' },
];
const built = buildPack(documents, { id: 'x', name: 'x' });
const idOf = (name: string) => {
  const found = built.proposals.find((p) => p.entity.name === name);
  if (!found) throw new Error(`no ${name} in ${built.proposals.map((p) => p.entity.name)}`);
  return found.entity.id;
};
const valid = (pack: ReturnType<typeof reviewedPack>) => {
  const checked = readPackFile(writePackFile(pack), 1000);
  return checked.ok ? [] : checked.problems;
};

describe('review edits', () => {
  it('rename keeps the old aliases and makes the new name one', () => {
    const renamed = rename(built.proposals, idOf('Amara Okafor'), 'Dr Amara Okafor');
    const entity = renamed.find((p) => p.entity.name === 'Dr Amara Okafor')?.entity;
    expect(entity?.aliases.map((alias) => alias.text)).toEqual(
      expect.arrayContaining(['Dr Amara Okafor', 'Amara Okafor', 'Okafor']),
    );
    expect(rename(built.proposals, idOf('Amara Okafor'), '  ')).toEqual(built.proposals);
  });

  it('change type, remove, add alias: the saved pack is valid and has the new ids', () => {
    let edited = changeType(built.proposals, idOf('Port Energy Council'), 'organization');
    edited = remove(edited, idOf('Chile'));
    edited = addAlias(edited, idOf('Ocean Data Partnership'), 'Ocean Data Partnership of the Pacific');
    const pack = reviewedPack(documents, edited, { id: 'coast', name: 'Coast' });
    expect(valid(pack)).toEqual([]);
    expect(pack.entities.map((entity) => entity.id)).toEqual(
      expect.arrayContaining(['org:port-energy-council', 'country:no', 'initiative:ocean-data-partnership']),
    );
    expect(pack.entities.some((entity) => entity.name === 'Chile')).toBe(false);
    expect(pack.entities.find((entity) => entity.id === 'initiative:ocean-data-partnership')?.aliases).toContainEqual({
      text: 'Ocean Data Partnership of the Pacific',
      kind: 'name',
    });
  });

  it('merge: one entity with both names, both documents cited, mentions summed', () => {
    const into = idOf('Ocean Data Partnership');
    const from = idOf('Port Energy Council');
    const merged = merge(built.proposals, into, from);
    expect(merged).toHaveLength(built.proposals.length - 1);
    const one = merged.find((p) => p.entity.id === into);
    expect(one?.entity.aliases.map((alias) => alias.text)).toEqual(
      expect.arrayContaining(['ODP', 'Port Energy Council']),
    );
    expect(new Set(one?.entity.roles.map((role) => role.source))).toEqual(new Set(['reef', 'port']));
    expect(valid(reviewedPack(documents, merged, { id: 'coast', name: 'Coast' }))).toEqual([]);
    expect(merge(built.proposals, into, into)).toEqual(built.proposals);
  });

  it('a document no role cites after a removal leaves the pack', () => {
    const onlyReef = built.proposals.filter((p) => p.entity.roles.every((role) => role.source === 'reef'));
    expect(reviewedPack(documents, onlyReef, { id: 'c', name: 'C' }).documents.map((d) => d.id)).toEqual(['reef']);
  });

  it('sorts by name, type or mentions either way, and filters by name, alias or type', () => {
    const names = (list: typeof built.proposals) => list.map((p) => p.entity.name);
    const byName = names(sortProposals(built.proposals, 'name', false));
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b)));
    expect(names(sortProposals(built.proposals, 'name', true))).toEqual([...byName].reverse());
    const mentions = sortProposals(built.proposals, 'mentions', true).map((p) => p.mentions);
    expect(mentions).toEqual([...mentions].sort((a, b) => b - a));
    expect(names(filterProposals(built.proposals, 'odp'))).toEqual(['Ocean Data Partnership']);
    expect(filterProposals(built.proposals, 'country').every((p) => p.entity.type === 'country')).toBe(true);
  });

  it('a pack id from the name that no installed pack has', () => {
    expect(freePackId('My briefings', [])).toBe('my-briefings');
    expect(freePackId('My briefings', ['my-briefings'])).toBe('my-briefings-2');
    expect(freePackId('Gloss', [])).toBe('gloss-2');
    expect(freePackId('!!!', [])).toBe('my-pack');
  });
});
