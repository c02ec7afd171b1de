import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import raw from '../../data/knowledge.json';
import { getEntity, pack, relationsOf, searchEntities } from './pack';
import { type BundledPackFile, BundledPackSchema } from './schema';

const file = raw as BundledPackFile;
const sourceText = new Map(
  file.documents.map((s) => [s.id, readFileSync(join(__dirname, '../../data/sources', s.file), 'utf8')]),
);

describe('the knowledge pack', () => {
  it('validates against the schema', () => {
    const result = v.safeParse(BundledPackSchema, raw);
    expect(result.success ? [] : v.flatten(result.issues)).toEqual([]);
  });

  it('bundles each source document unchanged from shared/seeds', () => {
    expect(pack.documents.map((s) => s.id).sort()).toEqual(
      ['china-mfa-dfi', 'dfi-launch', 'echri', 'itwc-61', 'voa-foc'].sort(),
    );
    for (const text of sourceText.values()) expect(text.length).toBeGreaterThan(1000);
  });

  it('has unique entity ids whose prefix matches the type', () => {
    const ids = pack.entities.map((e) => e.id);
    expect(new Set(ids).size).toBe(ids.length);
    const prefix = { country: 'country:', initiative: 'initiative:', organization: 'org:', official: 'person:' };
    const wrong = pack.entities.filter((e) => !e.id.startsWith(prefix[e.type])).map((e) => e.id);
    expect(wrong).toEqual([]);
  });

  it('quotes every role and relation verbatim from its source', () => {
    const missing: string[] = [];
    for (const entity of pack.entities) {
      for (const item of [...entity.roles, ...entity.relations]) {
        const text = sourceText.get(item.source);
        if (text === undefined || !text.includes(item.quote)) missing.push(`${entity.id}: ${item.quote.slice(0, 60)}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('quotes every event verbatim from its source, about entities of the pack', () => {
    const events = file.events ?? [];
    expect(events.length).toBeGreaterThan(0);
    const missing = events
      .filter((e) => !sourceText.get(e.source)?.includes(e.quote))
      .map((e) => `${e.date}: ${e.quote.slice(0, 60)}`);
    expect(missing).toEqual([]);
    const dangling = events.flatMap((e) => e.entities.filter((id) => !getEntity(id)).map((id) => `${e.date} -> ${id}`));
    expect(dangling).toEqual([]);
  });

  // Dates are never invented: the quote states the year, or the quote is relative ("This year",
  // "on Friday", "last summer") to its document's date and the event says how in its dateNote.
  it('dates every event by its quote, or by its document with a note saying how', () => {
    const documentYear = new Map(file.documents.map((d) => [d.id, Number(d.date?.slice(0, 4))]));
    const unfounded = (file.events ?? []).filter((e) => {
      const year = e.date.slice(0, 4);
      if (e.quote.includes(year)) return false;
      const distance = Math.abs(Number(year) - (documentYear.get(e.source) ?? Number.NaN));
      return !(e.dateNote && distance <= 1);
    });
    expect(unfounded.map((e) => `${e.date}: ${e.text}`)).toEqual([]);
  });

  it.each([
    ['initiative:wassenaar', '1996'],
    ['initiative:foc', '2011'],
    ['initiative:echri', '2021-12-10'],
    ['initiative:summit-for-democracy', '2021-12-10'],
    ['initiative:dfi', '2022-04-28'],
  ])('dates %s at %s', (id, date) => {
    expect((file.events ?? []).filter((e) => e.entities[0] === id).map((e) => e.date)).toContain(date);
  });

  it('points every relation at an entity of the pack', () => {
    const dangling = pack.entities.flatMap((e) =>
      e.relations.filter((r) => !getEntity(r.target)).map((r) => `${e.id} -> ${r.target}`),
    );
    expect(dangling).toEqual([]);
  });

  it('maps no alias to two entities unless both mark it ambiguous', () => {
    const owners = new Map<string, { id: string; ambiguous: boolean }[]>();
    for (const entity of pack.entities) {
      for (const alias of entity.aliases) {
        const list = owners.get(alias.text) ?? [];
        if (!list.some((o) => o.id === entity.id)) list.push({ id: entity.id, ambiguous: alias.ambiguous === true });
        owners.set(alias.text, list);
      }
    }
    const clashes = [...owners].filter(([, list]) => list.length > 1 && list.some((o) => !o.ambiguous));
    expect(clashes).toEqual([]);
  });

  it('gives translations a language and everything else none', () => {
    const wrong = pack.entities.flatMap((e) =>
      e.aliases.filter((a) => (a.kind === 'translation') !== (a.lang !== undefined)).map((a) => `${e.id}: ${a.text}`),
    );
    expect(wrong).toEqual([]);
  });

  it('names every endorser of the Declaration listed by IT World Canada', () => {
    const listed = /those endorsing the declaration include (.*)\./.exec(sourceText.get('itwc-61') ?? '')?.[1] ?? '';
    const names = listed
      .replace(', and ', ', ')
      .split(', ')
      .map((n) => n.replace(/^the /, ''));
    expect(names.length).toBe(60);
    const signers = new Set(
      relationsOf('initiative:dfi')
        .filter((r) => r.type === 'signed')
        .map((r) => r.other),
    );
    for (const name of [...names, 'Canada', 'U.S.']) {
      const signer = [...signers].find((e) => e.name === name || e.aliases.some((a) => a.text === name));
      expect(signer, name).toBeDefined();
    }
    expect([...signers].filter((e) => e.type === 'country')).toHaveLength(61);
  });

  it('records who declined and who criticised the Declaration', () => {
    const declined = relationsOf('initiative:dfi')
      .filter((r) => r.type === 'did-not-sign')
      .map((r) => r.other.id);
    expect(declined.sort()).toEqual(['country:br', 'country:in']);
    const critics = relationsOf('initiative:dfi')
      .filter((r) => r.type === 'criticised')
      .map((r) => r.other.id);
    expect(critics).toContain('country:cn');
  });

  it.each([
    ['Antony Blinken', 'person:antony-blinken'],
    ['Ned Price', 'person:ned-price'],
    ['Zhao Lijian', 'person:zhao-lijian'],
    ['Samantha Power', 'person:samantha-power'],
    ['Christopher Painter', 'person:christopher-painter'],
    ['David Masson', 'person:david-masson'],
    ['Freedom Online Coalition', 'initiative:foc'],
    ['Wassenaar Arrangement', 'initiative:wassenaar'],
    ['Clean Network', 'initiative:clean-network'],
    ['Trade and Technology Council', 'initiative:ttc'],
    ['Xinhua', 'org:xinhua'],
    ['NSO Group', 'org:nso-group'],
    ['Darktrace', 'org:darktrace'],
    ['Cambodia', 'country:kh'],
    ['Norway', 'country:no'],
  ])('contains %s', (name, id) => {
    expect(getEntity(id)?.name).toContain(name);
  });
});

describe('searchEntities', () => {
  it('finds by name, alias and role text', () => {
    expect(searchEntities('blinken')[0]?.id).toBe('person:antony-blinken');
    expect(searchEntities('U.K.')[0]?.id).toBe('country:gb');
    expect(searchEntities('spyware').map((e) => e.id)).toContain('org:nso-group');
  });
  it('ignores case and accents', () => {
    expect(searchEntities('COTE').length + searchEntities('peru').length).toBeGreaterThan(0);
    expect(searchEntities('péru')[0]?.id).toBe('country:pe');
  });
  it('returns nothing for nonsense or empty queries', () => {
    expect(searchEntities('zzqx')).toEqual([]);
    expect(searchEntities('   ')).toEqual([]);
  });
});
