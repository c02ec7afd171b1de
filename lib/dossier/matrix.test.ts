import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bundledPack } from '../knowledge/bundled';
import { Knowledge } from '../knowledge/knowledge';
import type { Entity, Pack } from '../knowledge/schema';
import { buildMatrix, columnCounts, filterRows, isMembership, MATRIX_RELATIONS, sortRows } from './matrix';

const bundled = new Knowledge([bundledPack]);
const matrix = buildMatrix(bundled.entities);
const row = (id: string) => matrix.rows.find((r) => r.id === id);
const marks = (rowId: string, columnId: string) =>
  row(rowId)
    ?.cells.get(columnId)
    ?.map((m) => m.type) ?? [];

describe('buildMatrix on the bundled pack', () => {
  it('has a row for every country and for the European Commission, and no initiative', () => {
    const countries = bundledPack.entities.filter((e) => e.type === 'country').map((e) => e.id);
    expect(
      matrix.rows
        .filter((r) => r.type === 'country')
        .map((r) => r.id)
        .sort(),
    ).toEqual(countries.sort());
    expect(matrix.rows.filter((r) => r.type !== 'country').map((r) => r.id)).toEqual(['org:european-commission']);
  });

  it('has the initiatives as columns, the most joined first', () => {
    const ids = matrix.columns.map((c) => c.id);
    expect(ids[0]).toBe('initiative:dfi');
    for (const id of [
      'initiative:echri',
      'initiative:foc',
      'initiative:wassenaar',
      'initiative:summit-for-democracy',
    ]) {
      expect(ids).toContain(id);
    }
    expect(ids.every((id) => bundled.getEntity(id)?.type === 'initiative')).toBe(true);
  });

  it('puts in each cell what the documents state, with its quote', () => {
    expect(marks('country:br', 'initiative:dfi')).toEqual(['did-not-sign']);
    expect(marks('country:in', 'initiative:dfi')).toEqual(['did-not-sign']);
    expect(marks('country:us', 'initiative:dfi')).toEqual(['signed', 'launched']);
    expect(marks('country:us', 'initiative:foc')).toEqual(['chairs']);
    expect(marks('country:nl', 'initiative:foc')).toEqual(['founded']);
    expect(marks('country:cn', 'initiative:dfi')).toEqual(['criticised']);
    expect(marks('country:no', 'initiative:echri')).toEqual(['member-of']);
    expect(marks('country:no', 'initiative:dfi')).toEqual([]);
    const quote = row('country:br')?.cells.get('initiative:dfi')?.[0];
    expect(quote?.source).toBe('dfi-launch');
    expect(bundled.getDocument(quote?.packId ?? '', quote?.source ?? '')?.text).toContain(quote?.quote);
  });

  it('counts 62 in the Declaration (61 countries and the Commission) and 8 in the export controls initiative', () => {
    const counts = columnCounts(matrix.rows, matrix.columns);
    const count = (id: string) => counts[matrix.columns.findIndex((c) => c.id === id)];
    expect(count('initiative:dfi')).toBe(62);
    expect(count('initiative:echri')).toBe(8);
  });

  it('gives a legend of the relations that occur, in order', () => {
    expect(matrix.relations).toEqual(MATRIX_RELATIONS.filter((type) => matrix.relations.includes(type)));
    expect(matrix.relations).toEqual(
      expect.arrayContaining(['signed', 'did-not-sign', 'member-of', 'chairs', 'criticised']),
    );
  });
});

describe('sortRows and filterRows', () => {
  it('sorts by name, or by memberships and then name', () => {
    const byName = sortRows(matrix.rows, 'name').map((r) => r.name);
    expect(byName).toEqual([...byName].sort((a, b) => a.localeCompare(b, undefined, { sensitivity: 'base' })));
    const byCount = sortRows(matrix.rows, 'memberships');
    expect(byCount[0]?.id).toBe('country:us');
    for (let i = 1; i < byCount.length; i++) {
      expect(byCount[i - 1]?.memberships ?? 0).toBeGreaterThanOrEqual(byCount[i]?.memberships ?? 0);
    }
  });

  it('filters by any name, case and accents aside', () => {
    expect(filterRows(matrix.rows, 'brasil').map((r) => r.id)).toContain('country:br');
    expect(filterRows(matrix.rows, 'PÉRU').map((r) => r.id)).toContain('country:pe');
    expect(filterRows(matrix.rows, '  ')).toHaveLength(matrix.rows.length);
    expect(filterRows(matrix.rows, 'zzqx')).toEqual([]);
  });

  it('counts memberships as the cells that hold one, and columns as the rows in them (property)', () => {
    fc.assert(
      fc.property(fc.subarray(matrix.rows), (rows) => {
        for (const r of rows) {
          const inside = [...r.cells.values()].filter((m) => m.some((mark) => isMembership(mark.type))).length;
          expect(r.memberships).toBe(inside);
        }
        const total = columnCounts(rows, matrix.columns).reduce((a, b) => a + b, 0);
        expect(total).toBe(rows.reduce((sum, r) => sum + r.memberships, 0));
      }),
      { numRuns: 30 },
    );
  });
});

describe('buildMatrix on other packs', () => {
  it('reads an imported pack with namespaced ids, and draws nothing from a pack without relations', () => {
    const example = JSON.parse(readFileSync(join(__dirname, '../../docs/example-pack.json'), 'utf8')) as Pack;
    for (const entity of example.entities) entity.relations ??= [];
    const imported = buildMatrix(new Knowledge([example]).entities);
    expect(imported.columns.map((c) => c.id)).toEqual(['harbour-accord-example/initiative:harbour-data-accord']);
    expect(imported.rows.map((r) => [r.name, r.memberships])).toEqual([
      ['Freedonia', 1],
      ['Ruritania', 1],
    ]);
    expect(imported.rows[0]?.cells.get(imported.columns[0]?.id ?? '')?.[0]?.packId).toBe('harbour-accord-example');
    const bare: Entity[] = example.entities.map((e) => ({ ...e, relations: [] }));
    const empty = buildMatrix(bare);
    expect(empty.columns).toEqual([]);
    expect(empty.relations).toEqual([]);
  });
});
