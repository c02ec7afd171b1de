// The membership matrix of the dossier page, as data: who stands in which relation to which
// initiative, as the packs' relations state it, each with its quote. Pure.
import { packIdOf } from '../knowledge/knowledge';
import type { Entity, EntityType, RelationType } from '../knowledge/schema';

/** The relations a cell shows, in the legend's order: being in, then standing outside. */
export const MATRIX_RELATIONS = [
  'signed',
  'member-of',
  'founded',
  'chairs',
  'launched',
  'hosted',
  'took-part-in',
  'did-not-sign',
  'criticised',
] as const satisfies readonly RelationType[];
export type MatrixRelation = (typeof MATRIX_RELATIONS)[number];

/** Relations that put their subject outside the initiative: not counted as a membership. */
const OUTSIDE: ReadonlySet<MatrixRelation> = new Set(['did-not-sign', 'criticised']);
/** Relations that make a non-country a row of its own (the European Commission signs). */
const PARTY: ReadonlySet<RelationType> = new Set(['signed', 'member-of', 'did-not-sign']);

export interface MatrixMark {
  type: MatrixRelation;
  quote: string;
  /** The document the quote is from, in the pack `packId`. */
  source: string;
  packId: string;
}

export interface MatrixRow {
  id: string;
  name: string;
  type: EntityType;
  /** The name and every alias, for the filter. */
  names: readonly string[];
  /** Column id → what the documents state, in MATRIX_RELATIONS order. */
  cells: ReadonlyMap<string, readonly MatrixMark[]>;
  /** Initiatives the row is in (any relation but did-not-sign and criticised). */
  memberships: number;
}

export interface MatrixColumn {
  id: string;
  name: string;
}

export interface Matrix {
  rows: MatrixRow[];
  columns: MatrixColumn[];
  /** The relations that occur, in MATRIX_RELATIONS order: the legend. */
  relations: MatrixRelation[];
}

const ORDER = new Map<RelationType, number>(MATRIX_RELATIONS.map((type, i) => [type, i]));
const isMatrixRelation = (type: RelationType): type is MatrixRelation => ORDER.has(type);

export function isMembership(type: MatrixRelation): boolean {
  return !OUTSIDE.has(type);
}

/**
 * Rows: every country, and anything else that signed, joined or declined an initiative. Columns:
 * the initiatives a row stands in a relation to, the most joined first. `entities` are a
 * Knowledge's (ids namespaced), so relations never cross packs.
 */
export function buildMatrix(entities: readonly Entity[]): Matrix {
  const byId = new Map(entities.map((e) => [e.id, e]));
  const initiativeOf = (id: string) => {
    const target = byId.get(id);
    return target?.type === 'initiative' ? target : undefined;
  };
  const rows: MatrixRow[] = [];
  const columnMembers = new Map<string, number>();
  const present = new Set<MatrixRelation>();
  for (const entity of entities) {
    const isRow =
      entity.type === 'country' ||
      (entity.type !== 'initiative' && entity.relations.some((r) => PARTY.has(r.type) && initiativeOf(r.target)));
    if (!isRow) continue;
    const cells = new Map<string, MatrixMark[]>();
    for (const relation of entity.relations) {
      if (!isMatrixRelation(relation.type) || !initiativeOf(relation.target)) continue;
      const marks = cells.get(relation.target) ?? [];
      // One mark per relation type: a second quote for the same fact adds nothing to the cell.
      if (marks.some((m) => m.type === relation.type)) continue;
      marks.push({ type: relation.type, quote: relation.quote, source: relation.source, packId: packIdOf(entity.id) });
      cells.set(relation.target, marks);
      present.add(relation.type);
    }
    let memberships = 0;
    for (const [column, marks] of cells) {
      marks.sort((a, b) => (ORDER.get(a.type) ?? 0) - (ORDER.get(b.type) ?? 0));
      if (marks.some((m) => isMembership(m.type))) {
        memberships++;
        columnMembers.set(column, (columnMembers.get(column) ?? 0) + 1);
      } else columnMembers.set(column, columnMembers.get(column) ?? 0);
    }
    const names = [entity.name, ...entity.aliases.map((a) => a.text)];
    rows.push({ id: entity.id, name: entity.name, type: entity.type, names, cells, memberships });
  }
  const columns = [...columnMembers]
    .map(([id, members]) => ({ id, name: byId.get(id)?.name ?? id, members }))
    .sort((a, b) => b.members - a.members || compareNames(a.name, b.name))
    .map(({ id, name }) => ({ id, name }));
  return {
    rows: sortRows(rows, 'name'),
    columns,
    relations: MATRIX_RELATIONS.filter((type) => present.has(type)),
  };
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base' });
function compareNames(a: string, b: string): number {
  return collator.compare(a, b);
}

export type RowOrder = 'name' | 'memberships';

/** Rows by name, or by number of memberships (most first, then by name). A new array. */
export function sortRows(rows: readonly MatrixRow[], order: RowOrder): MatrixRow[] {
  return [...rows].sort((a, b) =>
    order === 'memberships'
      ? b.memberships - a.memberships || compareNames(a.name, b.name)
      : compareNames(a.name, b.name),
  );
}

/** Lowercase, without accents or marks: "Côte" and "cote" are one. */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** Rows one of whose names holds `query` (case and accents aside); all rows for a blank query. */
export function filterRows(rows: readonly MatrixRow[], query: string): MatrixRow[] {
  const wanted = folded(query.trim());
  if (wanted === '') return [...rows];
  return rows.filter((row) => row.names.some((name) => folded(name).includes(wanted)));
}

/** For each column, how many of `rows` are in it (counted as memberships are). */
export function columnCounts(rows: readonly MatrixRow[], columns: readonly MatrixColumn[]): number[] {
  return columns.map(
    (column) => rows.filter((row) => row.cells.get(column.id)?.some((m) => isMembership(m.type))).length,
  );
}
