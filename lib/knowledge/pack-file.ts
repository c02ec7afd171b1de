// A pack file read, checked and refused with reasons, or written back out. Pure: no browser API.
// Nothing of a file is used unless all of it is right: a pack half taken would show roles whose
// quotes cannot be found, or names that open no card.
import * as v from 'valibot';
import { parseUntrustedJson } from '../untrusted-json';
import { BUNDLED_PACK_ID, ID_PREFIX, PACK_FORMAT, type Pack, PackSchema } from './schema';

/** Packs are data a user chose to add; larger than this, a file is not read at all. */
export const MAX_PACK_BYTES = 20 * 1024 * 1024;
/** Problems listed for one file; a file with more is wrong in a way these few already show. */
const MAX_PROBLEMS = 20;

/**
 * Why a file is not a pack Gloss can take, as data: the options page words it in the user's
 * language. `at` is where in the file, as a path ("entities[3].roles[0].quote").
 */
export type PackProblem =
  | { code: 'too-large'; maxMegabytes: number }
  | { code: 'not-json'; detail: string }
  | { code: 'forbidden-key'; key: string }
  /** Valid JSON without `"format": "gloss-pack/1"`. */
  | { code: 'not-pack' }
  /** A `format` of a later version of Gloss. */
  | { code: 'newer-format'; format: string }
  /** The schema's own words for what is wrong at `at`. */
  | { code: 'invalid'; at: string; detail: string }
  | { code: 'duplicate-entity'; id: string }
  | { code: 'duplicate-document'; id: string }
  | { code: 'wrong-prefix'; id: string; expected: string }
  | { code: 'unknown-document'; at: string; document: string }
  | { code: 'quote-not-found'; at: string; document: string; quote: string }
  | { code: 'unknown-target'; at: string; target: string }
  | { code: 'reserved-id'; id: string }
  | { code: 'already-installed'; id: string };

export type PackFileResult = { ok: true; pack: Pack } | { ok: false; problems: PackProblem[] };

function pathOf(issue: v.BaseIssue<unknown>): string {
  let at = '';
  for (const item of issue.path ?? []) {
    const key = (item as { key: unknown }).key;
    at += typeof key === 'number' ? `[${key}]` : at === '' ? String(key) : `.${String(key)}`;
  }
  return at || '(the file)';
}

/**
 * A pack file's text as a pack, or every problem found (up to a few dozen). `installed` are the
 * ids of packs already there: a pack of the same id is refused, not silently replaced.
 * `byteLength` is the file's size, checked before anything is parsed.
 */
export function readPackFile(text: string, byteLength: number, installed: readonly string[] = []): PackFileResult {
  const refuse = (...problems: PackProblem[]): PackFileResult => ({ ok: false, problems });
  if (byteLength > MAX_PACK_BYTES) return refuse({ code: 'too-large', maxMegabytes: MAX_PACK_BYTES / 1024 / 1024 });
  const json = parseUntrustedJson(text);
  if (!json.ok) return refuse(json.problem);
  const { data } = json;
  const format = typeof data === 'object' && data !== null ? (data as { format?: unknown }).format : undefined;
  if (typeof format !== 'string' || !format.startsWith('gloss-pack/')) return refuse({ code: 'not-pack' });
  if (format !== PACK_FORMAT) return refuse({ code: 'newer-format', format });
  const parsed = v.safeParse(PackSchema, data);
  if (!parsed.success) {
    return refuse(
      ...parsed.issues.slice(0, MAX_PROBLEMS).map((issue) => ({
        code: 'invalid' as const,
        at: pathOf(issue),
        detail: issue.message,
      })),
    );
  }
  const problems = packProblems(parsed.output, installed);
  return problems.length > 0 ? refuse(...problems.slice(0, MAX_PROBLEMS)) : { ok: true, pack: parsed.output };
}

/** What the schema cannot see: ids unique, quotes verbatim, relations and events that lead somewhere. */
export function packProblems(pack: Pack, installed: readonly string[] = []): PackProblem[] {
  const problems: PackProblem[] = [];
  if (pack.id === BUNDLED_PACK_ID) problems.push({ code: 'reserved-id', id: pack.id });
  else if (installed.includes(pack.id)) problems.push({ code: 'already-installed', id: pack.id });
  const documents = new Map<string, string>();
  for (const document of pack.documents) {
    if (documents.has(document.id)) problems.push({ code: 'duplicate-document', id: document.id });
    documents.set(document.id, document.text);
  }
  const ids = new Set<string>();
  for (const entity of pack.entities) {
    if (ids.has(entity.id)) problems.push({ code: 'duplicate-entity', id: entity.id });
    ids.add(entity.id);
    const expected = ID_PREFIX[entity.type];
    if (!entity.id.startsWith(expected)) problems.push({ code: 'wrong-prefix', id: entity.id, expected });
  }
  for (const [e, entity] of pack.entities.entries()) {
    const cited = [
      ...entity.roles.map((item, i) => ({ item, at: `entities[${e}].roles[${i}]` })),
      ...entity.relations.map((item, i) => ({ item, at: `entities[${e}].relations[${i}]` })),
    ];
    for (const { item, at } of cited) {
      const text = documents.get(item.source);
      if (text === undefined) problems.push({ code: 'unknown-document', at: `${at}.source`, document: item.source });
      else if (!text.includes(item.quote)) {
        problems.push({ code: 'quote-not-found', at: `${at}.quote`, document: item.source, quote: item.quote });
      }
    }
    for (const [i, relation] of entity.relations.entries()) {
      if (!ids.has(relation.target)) {
        problems.push({ code: 'unknown-target', at: `entities[${e}].relations[${i}].target`, target: relation.target });
      }
    }
  }
  for (const [i, event] of (pack.events ?? []).entries()) {
    const at = `events[${i}]`;
    const text = documents.get(event.source);
    if (text === undefined) problems.push({ code: 'unknown-document', at: `${at}.source`, document: event.source });
    else if (!text.includes(event.quote)) {
      problems.push({ code: 'quote-not-found', at: `${at}.quote`, document: event.source, quote: event.quote });
    }
    for (const [j, target] of event.entities.entries()) {
      if (!ids.has(target)) problems.push({ code: 'unknown-target', at: `${at}.entities[${j}]`, target });
    }
  }
  return problems;
}

/** A pack as a file to keep or share: the same format it is imported in. */
export function writePackFile(pack: Pack): string {
  return `${JSON.stringify(pack, null, 2)}\n`;
}
