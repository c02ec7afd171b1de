import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readPackFile, writePackFile } from '../knowledge/pack-file';
import { buildPack, type SourceDocument, surnameOf } from './build';

const DIR = 'tests/fixtures/pack-builder/docs';
const doc = (id: string, text: string): SourceDocument => ({ id, title: id, text });
const reef = doc('reef-summit', readFileSync(`${DIR}/reef-summit.txt`, 'utf8'));
const fisheries = doc('fisheries-note', readFileSync(`${DIR}/fisheries-note.md`, 'utf8'));
const options = { id: 'coastal', name: 'Coastal briefings', version: '1' };

function entity(result: ReturnType<typeof buildPack>, name: string) {
  const found = result.proposals.find((proposal) => proposal.entity.name === name);
  if (!found) throw new Error(`no proposal named ${name}: ${result.proposals.map((p) => p.entity.name).join(', ')}`);
  return found;
}

describe('buildPack', () => {
  const result = buildPack([reef, fisheries], options);

  it('writes a pack Gloss imports: valid, every quote found verbatim in its document', () => {
    if (!result.pack) throw new Error('no pack');
    const checked = readPackFile(writePackFile(result.pack), 1000);
    expect(checked.ok ? [] : checked.problems).toEqual([]);
    for (const { entity } of result.proposals) {
      for (const role of entity.roles) {
        const text = result.pack.documents.find((document) => document.id === role.source)?.text ?? '';
        expect(text).toContain(role.quote);
        expect(entity.aliases.some((alias) => role.quote.includes(alias.text))).toBe(true);
      }
    }
  });

  it('finds countries by the names the matcher knows, with their bundled ids and translations', () => {
    const iceland = entity(result, 'Iceland').entity;
    expect(iceland.id).toBe('country:is');
    expect(iceland.aliases).toContainEqual({ text: 'Islande', kind: 'translation', lang: 'fr' });
    // Chile is in no bundled document: its names come from Intl.DisplayNames, in the same languages.
    const chile = entity(result, 'Chile').entity;
    expect(chile.id).toBe('country:cl');
    expect(chile.aliases).toEqual(
      expect.arrayContaining([
        { text: 'Chile', kind: 'name' },
        { text: '智利', kind: 'translation', lang: 'zh-Hans' },
      ]),
    );
  });

  it('finds people with their surname as a reference alias and their title as a title alias', () => {
    const okafor = entity(result, 'Amara Okafor');
    expect(okafor.entity.type).toBe('official');
    expect(okafor.entity.aliases).toContainEqual({ text: 'Okafor', kind: 'reference' });
    expect(okafor.mentions).toBeGreaterThanOrEqual(2);
    const varga = entity(result, 'Lena Varga').entity;
    expect(varga.aliases).toEqual(
      expect.arrayContaining([
        { text: 'Varga', kind: 'reference' },
        { text: 'Ms Varga', kind: 'title' },
      ]),
    );
    // "Okafor" alone is no second person.
    expect(result.proposals.filter((p) => p.entity.name === 'Okafor')).toEqual([]);
  });

  it('gives an acronym defined in the text to its long form, and "the Partnership" where the text uses it', () => {
    const odp = entity(result, 'Ocean Data Partnership').entity;
    expect(odp.type).toBe('initiative');
    expect(odp.aliases).toEqual(
      expect.arrayContaining([
        { text: 'ODP', kind: 'acronym' },
        { text: 'Partnership', kind: 'reference' },
      ]),
    );
    const compact = entity(result, 'Atlantic Fisheries Compact').entity;
    expect(compact.aliases).toContainEqual({ text: 'Compact', kind: 'reference' });
  });

  it('gives no head alias a text does not use', () => {
    const wmo = entity(result, 'World Meteorological Organization').entity;
    expect(wmo.aliases.map((alias) => alias.text)).toEqual(['World Meteorological Organization']);
    expect(wmo.type).toBe('organization');
  });

  it('leaves out a document that names nothing, and says which', () => {
    const plain = doc('walk', 'The weather was fine. We walked along the river.');
    const withEmpty = buildPack([reef, plain], options);
    expect(withEmpty.empty).toEqual(['walk']);
    expect(withEmpty.pack?.documents.map((document) => document.id)).toEqual(['reef-summit']);
    const none = buildPack([plain], options);
    expect(none.pack).toBeUndefined();
    expect(none).toMatchObject({ proposals: [], empty: ['walk'] });
  });

  it('flags an alias two proposals share as ambiguous on both', () => {
    const two = buildPack([doc('a', 'Pieter Vries met Anna Vries in Oslo, Norway. Later Vries spoke.')], options);
    const shared = two.proposals.filter((p) => p.entity.aliases.some((alias) => alias.text === 'Vries'));
    // Two people of one surname: neither gets the surname alone, which would be a guess.
    expect(shared).toEqual([]);
  });

  it('reports progress up to the whole', () => {
    const seen: number[] = [];
    buildPack([reef, fisheries], { ...options, onProgress: (done, total) => seen.push(done / total) });
    expect(seen.at(-1)).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);
  });

  it('any mix of sentences gives a valid pack or none, never an invalid one', () => {
    const sentences = [...reef.text.split('\n'), ...fisheries.text.split('\n')].filter((line) => line.trim() !== '');
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 8 }), (lines) => {
        const built = buildPack([doc('mix', lines.join('\n'))], options);
        if (!built.pack) return built.proposals.length === 0;
        const checked = readPackFile(writePackFile(built.pack), 1000);
        return checked.ok;
      }),
      { numRuns: 30 },
    );
  });
});

describe('surnameOf', () => {
  it.each([
    ['Antony Blinken', 'Blinken'],
    ['Pieter de Vries', 'de Vries'],
    ['Zhao', 'Zhao'],
  ])('%s', (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });
});
