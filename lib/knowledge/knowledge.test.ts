import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPack } from './bundled';
import { cardDataOf, citeDocument } from './card-data';
import { Knowledge, namespacedId, packIdOf } from './knowledge';
import { BUNDLED_PACK_ID, ENTITY_ID_PATTERN, PACK_ID_PATTERN, type Pack } from './schema';

const example = JSON.parse(readFileSync(join(__dirname, '../../docs/example-pack.json'), 'utf8')) as Pack;
// Every entity of the example has the relations list the schema's default gives it.
for (const entity of example.entities) entity.relations ??= [];

/** The example pack under another id and name, its first document's text and title changed. */
function packAs(id: string, name: string, tag: string): Pack {
  const pack = structuredClone(example);
  pack.id = id;
  pack.name = name;
  const first = pack.documents[0] as Pack['documents'][number];
  first.title = `${first.title} (${tag})`;
  first.text = `${first.text}${tag}\n`;
  const person = pack.entities.find((e) => e.id === 'person:ingrid-halvorsen') as Pack['entities'][number];
  person.name = `Ingrid Halvorsen ${tag}`;
  return pack;
}

const packA = packAs('pack-a', 'Pack A', 'A');
const packB = packAs('pack-b', 'Pack B', 'B');
const knowledge = new Knowledge([bundledPack, packA, packB]);

describe('namespacedId and packIdOf', () => {
  it('keeps the bundled pack ids bare and prefixes the others', () => {
    expect(namespacedId(BUNDLED_PACK_ID, 'country:us')).toBe('country:us');
    expect(namespacedId('pack-a', 'country:us')).toBe('pack-a/country:us');
    expect(packIdOf('country:us')).toBe(BUNDLED_PACK_ID);
    expect(packIdOf('pack-a/country:us')).toBe('pack-a');
  });

  it('finds the pack of every namespaced id', () => {
    const packId = fc.stringMatching(PACK_ID_PATTERN);
    const entityId = fc.stringMatching(ENTITY_ID_PATTERN);
    fc.assert(
      fc.property(packId, entityId, (pack, id) => {
        expect(packIdOf(namespacedId(pack, id))).toBe(pack);
      }),
    );
  });
});

describe('Knowledge of several packs', () => {
  it('holds every entity of every pack, in pack order', () => {
    expect(knowledge.entities).toHaveLength(bundledPack.entities.length + 2 * example.entities.length);
    expect(knowledge.entities[0]?.id).toBe(bundledPack.entities[0]?.id);
    expect(knowledge.entities.at(-1)?.id).toBe(`pack-b/${example.entities.at(-1)?.id}`);
  });

  it('keeps two packs with the same entity id apart', () => {
    const a = knowledge.getEntity('pack-a/person:ingrid-halvorsen');
    const b = knowledge.getEntity('pack-b/person:ingrid-halvorsen');
    expect(a?.name).toBe('Ingrid Halvorsen A');
    expect(b?.name).toBe('Ingrid Halvorsen B');
    // Imported ids never stand bare, where they could clash with the bundled pack's.
    expect(knowledge.getEntity('person:ingrid-halvorsen')).toBeUndefined();
    const ids = knowledge.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('leaves the bundled pack ids as they are', () => {
    for (const entity of bundledPack.entities) expect(knowledge.getEntity(entity.id)).toBe(entity);
  });

  it('resolves relations within their own pack, both ways', () => {
    const forward = knowledge.relationsOf('pack-a/person:ingrid-halvorsen');
    expect(forward.map((r) => [r.type, r.phrase, r.other.id]).sort()).toEqual(
      [
        ['chairs', 'Chairs', 'pack-a/initiative:harbour-data-accord'],
        ['launched', 'Launched', 'pack-a/initiative:harbour-data-accord'],
        ['works-for', 'Works for', 'pack-a/country:xr'],
      ].sort(),
    );
    const inverse = knowledge.relationsOf('pack-b/initiative:harbour-data-accord');
    expect(inverse.map((r) => [r.phrase, r.other.id]).sort()).toEqual(
      [
        ['Chaired by', 'pack-b/person:ingrid-halvorsen'],
        ['Launched by', 'pack-b/person:ingrid-halvorsen'],
        ['Signed by', 'pack-b/country:xf'],
        ['Signed by', 'pack-b/country:xr'],
      ].sort(),
    );
    // The targets are the namespaced entities themselves.
    for (const relation of [...forward, ...inverse]) {
      expect(knowledge.getEntity(relation.other.id)).toBe(relation.other);
    }
  });

  it('tells the pack an entity comes from', () => {
    expect(knowledge.packOf('pack-a/country:xr')).toBe(packA);
    expect(knowledge.packOf('pack-b/country:xr')).toBe(packB);
    expect(knowledge.packOf('country:us')).toBe(bundledPack);
    expect(knowledge.packOf('pack-c/country:xr')).toBeUndefined();
    expect(knowledge.getPack('pack-b')).toBe(packB);
  });

  it('gives each pack its own documents under the same document id', () => {
    expect(knowledge.getDocument('pack-a', 'accord-launch')?.text.endsWith('A\n')).toBe(true);
    expect(knowledge.getDocument('pack-b', 'accord-launch')?.text.endsWith('B\n')).toBe(true);
    expect(knowledge.getDocument('pack-a', 'echri')).toBeUndefined();
    expect(knowledge.getDocument(BUNDLED_PACK_ID, 'echri')?.text).toContain('Export Controls');
    const info = knowledge.documentInfo('pack-b', 'accord-launch');
    expect(info?.title).toBe('Ruritania and Freedonia sign the Harbour Data Accord (B)');
    expect(info && 'text' in info).toBe(false);
  });

  it('holds every pack’s events with namespaced entity ids, and none for a pack without', () => {
    const a = knowledge.events.filter((e) => e.packId === 'pack-a');
    expect(a.map((e) => e.date)).toEqual(['2026-03-14', '2026-05']);
    expect(a[0]?.entities).toEqual(['pack-a/initiative:harbour-data-accord', 'pack-a/country:xr', 'pack-a/country:xf']);
    for (const event of knowledge.events)
      for (const id of event.entities) expect(knowledge.getEntity(id), id).toBeDefined();
    const { events: _events, ...withoutEvents } = packA;
    expect(new Knowledge([withoutEvents]).events).toEqual([]);
  });

  it('gives the matcher the namespaced ids', () => {
    const aliases = knowledge.matcherAliases().filter((a) => a.text === 'Ruritania');
    expect(aliases.map((a) => a.entityId).sort()).toEqual(['pack-a/country:xr', 'pack-b/country:xr']);
  });

  it('finds an imported entity by search, typos forgiven', () => {
    const alone = new Knowledge([bundledPack, packA]);
    expect(alone.search('Halvorsen')[0]?.id).toBe('pack-a/person:ingrid-halvorsen');
    expect(alone.search('Ruritnia')[0]?.id).toBe('pack-a/country:xr');
    expect(alone.search('Harbour Data Accord')[0]?.id).toBe('pack-a/initiative:harbour-data-accord');
    // And the bundled pack is still found beside it.
    expect(alone.search('Blinken')[0]?.id).toBe('person:antony-blinken');
  });
});

describe('cardDataOf', () => {
  it('cites the pack and the document of an imported entity', () => {
    const card = cardDataOf(knowledge, 'pack-b/person:ingrid-halvorsen');
    expect(card?.name).toBe('Ingrid Halvorsen B');
    expect(card?.roles.map((r) => [r.document.packId, r.document.packName, r.document.bundled, r.document.id])).toEqual(
      [
        ['pack-b', 'Pack B', false, 'accord-launch'],
        ['pack-b', 'Pack B', false, 'accord-editorial'],
      ],
    );
    expect(card?.roles[0]?.document.title).toBe('Ruritania and Freedonia sign the Harbour Data Accord (B)');
    expect(card?.roles[1]?.document.date).toBe('2026-03');
    const chairs = card?.relations.find((r) => r.type === 'chairs');
    expect(chairs).toMatchObject({
      direction: 'forward',
      other: { id: 'pack-b/initiative:harbour-data-accord', name: 'Harbour Data Accord', type: 'initiative' },
      quote: "The Accord's council, chaired by Ingrid Halvorsen",
      document: { packId: 'pack-b', id: 'accord-editorial', bundled: false },
    });
  });

  it('shows relations from the target side as inverse, citing the subject pack', () => {
    const card = cardDataOf(knowledge, 'pack-a/initiative:harbour-data-accord');
    const signed = card?.relations.filter((r) => r.type === 'signed') ?? [];
    expect(signed.map((r) => [r.direction, r.other.id, r.document.packId]).sort()).toEqual(
      [
        ['inverse', 'pack-a/country:xf', 'pack-a'],
        ['inverse', 'pack-a/country:xr', 'pack-a'],
      ].sort(),
    );
  });

  it('cites a bundled document as bundled', () => {
    const card = cardDataOf(knowledge, 'person:antony-blinken');
    expect(card?.roles.length).toBeGreaterThan(0);
    for (const role of card?.roles ?? []) {
      expect(role.document).toMatchObject({ packId: BUNDLED_PACK_ID, packName: bundledPack.name, bundled: true });
      expect(bundledPack.documents.some((d) => d.id === role.document.id && d.text.includes(role.quote))).toBe(true);
    }
  });

  it('leaves out translations and demonyms from the other names', () => {
    const card = cardDataOf(knowledge, 'pack-a/country:xr');
    expect(card?.otherNames).toEqual(['Republic of Ruritania', 'Strelsau']);
    expect(card?.names).toContain('Ruritanie');
  });

  it('gives null for an id no pack has', () => {
    expect(cardDataOf(knowledge, 'pack-c/country:xr')).toBeNull();
    expect(cardDataOf(knowledge, 'country:xr')).toBeNull();
  });

  it('names a document that is not in the pack by its id', () => {
    expect(citeDocument(knowledge, 'pack-a/country:xr', 'missing')).toMatchObject({
      packId: 'pack-a',
      id: 'missing',
      title: 'missing',
      bundled: false,
    });
  });
});
