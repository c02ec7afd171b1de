// The review of a proposed pack, as pure functions on its proposals: rename, change a type, merge
// two, remove one, add an alias, sort and filter; then the pack the user saves. Each edit returns a
// new list, so the table redraws from state and "Discard" is forgetting it.
import { type EntityType, ID_PREFIX, PACK_ID_PATTERN, type Pack } from '@/lib/knowledge/schema';
import { type Proposal, packOf, type SourceDocument } from '@/lib/pack-builder/build';

export type SortKey = 'name' | 'type' | 'mentions';

export function rename(proposals: readonly Proposal[], id: string, name: string): Proposal[] {
  const trimmed = name.trim();
  if (trimmed === '') return [...proposals];
  return proposals.map((p) => {
    if (p.entity.id !== id) return p;
    // The display name is an alias too (the format's rule): the page may write it so.
    const aliases = p.entity.aliases.some((alias) => alias.text === trimmed)
      ? p.entity.aliases
      : [{ text: trimmed, kind: 'name' as const }, ...p.entity.aliases];
    return { ...p, entity: { ...p.entity, name: trimmed, aliases } };
  });
}

export function changeType(proposals: readonly Proposal[], id: string, type: EntityType): Proposal[] {
  return proposals.map((p) => (p.entity.id === id ? { ...p, entity: { ...p.entity, type } } : p));
}

export function remove(proposals: readonly Proposal[], id: string): Proposal[] {
  return proposals.filter((p) => p.entity.id !== id);
}

export function addAlias(proposals: readonly Proposal[], id: string, text: string): Proposal[] {
  const trimmed = text.trim();
  if (trimmed === '') return [...proposals];
  return proposals.map((p) =>
    p.entity.id !== id || p.entity.aliases.some((alias) => alias.text === trimmed)
      ? p
      : { ...p, entity: { ...p.entity, aliases: [...p.entity.aliases, { text: trimmed, kind: 'name' as const }] } },
  );
}

/** `into` keeps its name, id and type and takes the other's aliases, roles and mentions. */
export function merge(proposals: readonly Proposal[], into: string, from: string): Proposal[] {
  const target = proposals.find((p) => p.entity.id === into);
  const source = proposals.find((p) => p.entity.id === from);
  if (!target || !source || into === from) return [...proposals];
  const texts = new Set(target.entity.aliases.map((alias) => alias.text));
  const quotes = new Set(target.entity.roles.map((role) => `${role.source}\u0000${role.quote}`));
  const merged: Proposal = {
    mentions: target.mentions + source.mentions,
    entity: {
      ...target.entity,
      aliases: [...target.entity.aliases, ...source.entity.aliases.filter((alias) => !texts.has(alias.text))],
      roles: [
        ...target.entity.roles,
        ...source.entity.roles.filter((role) => !quotes.has(`${role.source}\u0000${role.quote}`)),
      ],
    },
  };
  return proposals.filter((p) => p !== source).map((p) => (p === target ? merged : p));
}

export function sortProposals(proposals: readonly Proposal[], key: SortKey, descending: boolean): Proposal[] {
  const by = {
    name: (a: Proposal, b: Proposal) => a.entity.name.localeCompare(b.entity.name),
    type: (a: Proposal, b: Proposal) =>
      a.entity.type.localeCompare(b.entity.type) || a.entity.name.localeCompare(b.entity.name),
    mentions: (a: Proposal, b: Proposal) => a.mentions - b.mentions || b.entity.name.localeCompare(a.entity.name),
  }[key];
  const sorted = [...proposals].sort(by);
  return descending ? sorted.reverse() : sorted;
}

/** Proposals whose name, type or an alias holds the query, in any case. */
export function filterProposals(proposals: readonly Proposal[], query: string): Proposal[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === '') return [...proposals];
  return proposals.filter(
    (p) =>
      p.entity.type.includes(q) ||
      p.entity.name.toLocaleLowerCase().includes(q) ||
      p.entity.aliases.some((alias) => alias.text.toLocaleLowerCase().includes(q)),
  );
}

function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** A pack id from its name that no installed pack has: "my-briefings", "my-briefings-2". */
export function freePackId(name: string, installed: readonly string[]): string {
  const slugged = slug(name).slice(0, 36).replace(/-+$/, '');
  const base = PACK_ID_PATTERN.test(slugged) ? slugged : 'my-pack';
  let id = base;
  for (let n = 2; installed.includes(id) || id === 'gloss'; n++) id = `${base}-${n}`;
  return id;
}

/**
 * The reviewed proposals as a pack: ids follow each entity's (possibly changed) type and name, unique;
 * a country keeps its ISO id while it stays a country. Documents no role cites any more are left out.
 */
export function reviewedPack(
  documents: readonly SourceDocument[],
  proposals: readonly Proposal[],
  options: { id: string; name: string },
): Pack {
  const used = new Set<string>();
  const entities = proposals.map((p) => {
    const keep = p.entity.type === 'country' && p.entity.id.startsWith(ID_PREFIX.country);
    const base = keep ? p.entity.id : `${ID_PREFIX[p.entity.type]}${slug(p.entity.name).slice(0, 100) || 'x'}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { ...p, entity: { ...p.entity, id } };
  });
  const cited = new Set(entities.flatMap((p) => p.entity.roles.map((role) => role.source)));
  return packOf(
    documents.filter((document) => cited.has(document.id)),
    entities,
    options,
  );
}
