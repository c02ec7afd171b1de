import { describe, expect, it } from 'vitest';
import { pack, searchEntities } from './pack';
import type { Entity } from './schema';
import { createEntitySearch, foldTerm, transpositions } from './search';

const ids = (entities: Entity[]) => entities.map((e) => e.id);

describe('searchEntities over the pack', () => {
  it.each([
    // Typos: one wrong, missing or extra letter, and one swap.
    ['Blinkin', 'person:antony-blinken'],
    ['blinkin', 'person:antony-blinken'],
    ['Brasil', 'country:br'],
    ['freedom onlin', 'initiative:foc'],
    ['Freedom Onlne Coalition', 'initiative:foc'],
    ['Zhao Lijan', 'person:zhao-lijian'],
    ['Wasenaar', 'initiative:wassenaar'],
    ['Samanta Power', 'person:samantha-power'],
    ['Darktrase', 'org:darktrace'],
    ['Ned Prise', 'person:ned-price'],
    ['Untied States', 'country:us'],
    ['Cambodai', 'country:kh'],
    ['huawey', 'org:huawei'],
    ['Norwey', 'country:no'],
    ['Lituania', 'country:lt'],
    ['european comission', 'org:european-commission'],
    ['Declaraton future internet', 'initiative:dfi'],
    ['Export Contrls', 'initiative:echri'],
    ['xinhau', 'org:xinhua'],
    // Prefixes while typing.
    ['Antony', 'person:antony-blinken'],
    ['Netherland', 'country:nl'],
    ['wassen', 'initiative:wassenaar'],
    // Exact names and acronyms, with or without dots, in any case.
    ['U.K.', 'country:gb'],
    ['UK', 'country:gb'],
    ['uk', 'country:gb'],
    ['U.S.', 'country:us'],
    ['UN', 'org:un'],
    ['EU', 'org:eu'],
    ['zhao', 'person:zhao-lijian'],
    // Accents either way, and names in other scripts.
    ['péru', 'country:pe'],
    ['PERU', 'country:pe'],
    ['中国', 'country:cn'],
    // Role text only.
    ['spyware', 'org:nso-group'],
  ])('"%s" finds %s first', (query, id) => {
    expect(getIdOrFail(id)).toBe(id);
    expect(searchEntities(query)[0]?.id).toBe(id);
  });

  it.each(['qzxwv', 'zzqx', 'Tokyo', '', '   ', '...', '—'])('"%s" finds nothing', (query) => {
    expect(searchEntities(query)).toEqual([]);
  });

  it('finds nothing where one word matches nothing, so one common word never finds an entity', () => {
    expect(searchEntities('blinken xyzzy')).toEqual([]);
    expect(searchEntities('the weather today')).toEqual([]);
  });

  it('respects the limit and never repeats an entity', () => {
    const results = searchEntities('united', 3);
    expect(results).toHaveLength(3);
    const all = ids(searchEntities('u', 200));
    expect(new Set(all).size).toBe(all.length);
  });

  it('ranks a name above a mention in a role text', () => {
    const results = ids(searchEntities('Huawei'));
    expect(results[0]).toBe('org:huawei');
    expect(results.length).toBeGreaterThan(1);
  });
});

function getIdOrFail(id: string): string {
  const entity = pack.entities.find((e) => e.id === id);
  if (!entity) throw new Error(`${id} is not in the pack`);
  return entity.id;
}

describe('createEntitySearch', () => {
  const entity = (id: string, name: string, aliases: string[] = [], role = 'A role.'): Entity => ({
    id,
    type: 'country',
    name,
    aliases: [{ text: name, kind: 'name' }, ...aliases.map((text) => ({ text, kind: 'short' as const }))],
    roles: [{ text: role, source: 's', quote: 'q' }],
    relations: [],
  });

  it('builds over any list of entities', () => {
    const search = createEntitySearch([entity('country:a', 'Atlantis'), entity('country:b', 'Lemuria', ['Mu'])]);
    expect(ids(search.search('Atlantsi'))).toEqual(['country:a']);
    expect(ids(search.search('mu'))).toEqual(['country:b']);
    expect(search.search('Avalon')).toEqual([]);
  });

  it('needs every word', () => {
    const search = createEntitySearch([
      entity('country:a', 'North Atlantis'),
      entity('country:b', 'South Atlantis'),
      entity('country:c', 'North Lemuria'),
    ]);
    expect(ids(search.search('north atlantis'))).toEqual(['country:a']);
    expect(ids(search.search('atlantis')).sort()).toEqual(['country:a', 'country:b']);
    expect(search.search('north avalon')).toEqual([]);
  });

  it('puts an exact name before longer names that start with it', () => {
    const search = createEntitySearch([
      entity('country:ua', 'Ukraine'),
      entity('country:gb', 'United Kingdom', ['UK']),
    ]);
    expect(ids(search.search('UK'))).toEqual(['country:gb', 'country:ua']);
  });
});

describe('foldTerm', () => {
  it.each([
    ['Péru', 'peru'],
    ['CÔTE', 'cote'],
    ['d’Ivoire', "d'ivoire"],
    ['São', 'sao'],
  ])('%s → %s', (term, folded) => {
    expect(foldTerm(term)).toBe(folded);
  });
});

describe('transpositions', () => {
  it('swaps each pair of neighbouring letters in words of four letters or more', () => {
    expect(transpositions('xinhau')).toContain('xinhua');
    expect(transpositions('abcd')).toEqual(['bacd', 'acbd', 'abdc']);
    expect(transpositions('UN')).toEqual([]);
  });
  it('leaves pairs of the same letter alone', () => {
    expect(transpositions('aabb')).toEqual(['abab']);
  });
});
