// The packs in extension storage: which are installed and enabled, the imported packs themselves,
// and what the content script reads to match their names (match-store.ts), written together so
// that no reader ever sees one without the other. chrome.storage.local (with unlimitedStorage):
// the one store that the background, the extension's pages and content scripts can all read, and
// whose change events reach every open tab at once.
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import { aliasesOf, aliasIndexOf } from './knowledge/alias-index';
import { bundledPack } from './knowledge/bundled';
import { Knowledge, namespacedId } from './knowledge/knowledge';
import { type PackFileResult, readPackFile, writePackFile } from './knowledge/pack-file';
import { BUNDLED_PACK_ID, type Pack } from './knowledge/schema';
import { type MatchSources, matchAliasesItem, matchSourcesItem } from './match-store';
import { BloomFilter } from './matcher/bloom';
import { filterData, pairKeys } from './matcher/prefilter';

const PackRecordSchema = v.object({
  id: v.string(),
  enabled: v.boolean(),
  importedAt: v.number(),
  /** The file's size when imported, in bytes. */
  bytes: v.number(),
});
const RegistrySchema = v.object({ bundledEnabled: v.boolean(), imported: v.array(PackRecordSchema) });
type Registry = v.InferOutput<typeof RegistrySchema>;
const EMPTY_REGISTRY: Registry = { bundledEnabled: true, imported: [] };

export const registryItem = storage.defineItem<Registry>('local:packs', { fallback: EMPTY_REGISTRY, version: 1 });
const packKey = (id: string) => `local:pack:${id}` as const;

/** What the options page lists of a pack. */
export interface PackSummary {
  id: string;
  name: string;
  version: string;
  description?: string;
  bundled: boolean;
  enabled: boolean;
  entities: number;
  aliases: number;
  documents: number;
  importedAt?: number;
  bytes?: number;
}

async function readRegistry(): Promise<Registry> {
  const parsed = v.safeParse(RegistrySchema, await registryItem.getValue());
  return parsed.success ? parsed.output : EMPTY_REGISTRY;
}

async function readPack(id: string): Promise<Pack | null> {
  if (id === BUNDLED_PACK_ID) return bundledPack;
  return (await storage.getItem<Pack>(packKey(id))) ?? null;
}

function summary(pack: Pack, enabled: boolean, record?: Registry['imported'][number]): PackSummary {
  return {
    id: pack.id,
    name: pack.name,
    version: pack.version,
    description: pack.description,
    bundled: pack.id === BUNDLED_PACK_ID,
    enabled,
    entities: pack.entities.length,
    aliases: pack.entities.reduce((n, e) => n + e.aliases.length, 0),
    documents: pack.documents.length,
    importedAt: record?.importedAt,
    bytes: record?.bytes,
  };
}

/** Every installed pack, the bundled one first, then the imported ones in the order they came. */
export async function listPacks(): Promise<PackSummary[]> {
  const registry = await readRegistry();
  const imported = await Promise.all(
    registry.imported.map(async (record) => {
      const pack = await readPack(record.id);
      return pack ? summary(pack, record.enabled, record) : null;
    }),
  );
  return [summary(bundledPack, registry.bundledEnabled), ...imported.filter((s) => s !== null)];
}

/** The enabled packs, in order of precedence (the bundled pack first). */
export async function loadEnabledPacks(): Promise<Pack[]> {
  const registry = await readRegistry();
  const imported = await Promise.all(registry.imported.filter((r) => r.enabled).map((r) => readPack(r.id)));
  return [...(registry.bundledEnabled ? [bundledPack] : []), ...imported.filter((p) => p !== null)];
}

export async function loadKnowledge(): Promise<Knowledge> {
  return new Knowledge(await loadEnabledPacks());
}

/** Every installed pack, enabled or not, the bundled one first (the document viewer lists them all). */
export async function loadInstalledPacks(): Promise<Pack[]> {
  const registry = await readRegistry();
  const imported = await Promise.all(registry.imported.map((r) => readPack(r.id)));
  return [bundledPack, ...imported.filter((p) => p !== null)];
}

/** Any pack installed, enabled or not (the document viewer shows a disabled pack's documents too). */
export async function loadPack(id: string): Promise<Pack | null> {
  const registry = await readRegistry();
  if (id !== BUNDLED_PACK_ID && !registry.imported.some((r) => r.id === id)) return null;
  return readPack(id);
}

/** Calls back after any change to the installed packs or which are enabled. */
export function watchPacks(callback: () => void): () => void {
  return registryItem.watch(() => callback());
}

/** What content scripts need to match the enabled packs' names (see match-store.ts). */
export function matchSourcesOf(registry: Registry, packs: readonly Pack[]) {
  const enabled = packs.filter((p) => p.id !== BUNDLED_PACK_ID);
  if (enabled.length === 0) return { sources: { bundled: registry.bundledEnabled, imported: null }, aliases: null };
  const namespaced = enabled.flatMap((pack) =>
    pack.entities.map((entity) => ({
      ...entity,
      id: namespacedId(pack.id, entity.id),
      relations: entity.relations.map((r) => ({ ...r, target: namespacedId(pack.id, r.target) })),
    })),
  );
  const aliases = aliasIndexOf(namespaced);
  // Demonyms count: a frame with them switched on must not be told its text holds no name.
  const all = aliasesOf(aliases);
  const data = filterData(all, { demonyms: true });
  const keys = pairKeys(all, { demonyms: true });
  const sources: MatchSources = {
    bundled: registry.bundledEnabled,
    imported: {
      packs: enabled.map((p) => `${p.id}@${p.version}`),
      words: BloomFilter.of(data.words).toData(),
      pairs: BloomFilter.of(keys.pairs).toData(),
      span: keys.span,
      arabic: data.arabic,
      unspaced: data.unspaced,
      always: data.always,
    },
  };
  return { sources, aliases };
}

/** Changes run one after another, each on the latest stored state. */
let pending: Promise<unknown> = Promise.resolve();
function serialized<T>(change: () => Promise<T>): Promise<T> {
  const run = pending.then(change);
  pending = run.catch(() => undefined);
  return run;
}

/** Writes the registry, packs added or removed, and the content scripts' view of them, at once. */
async function commit(registry: Registry, added: Pack | null, removed: string | null): Promise<void> {
  const byId = new Map<string, Pack>();
  if (added) byId.set(added.id, added);
  const enabled = await Promise.all(
    registry.imported.filter((r) => r.enabled).map(async (r) => byId.get(r.id) ?? (await readPack(r.id))),
  );
  const { sources, aliases } = matchSourcesOf(
    registry,
    enabled.filter((p) => p !== null),
  );
  await storage.setItems([
    ...(added ? [{ key: packKey(added.id), value: added }] : []),
    { item: matchAliasesItem, value: aliases },
    { item: matchSourcesItem, value: sources },
    { item: registryItem, value: registry },
  ]);
  if (removed) await storage.removeItem(packKey(removed));
}

export type ImportResult = PackFileResult & { summary?: PackSummary };

/** Reads a pack file and, if all of it is right, installs it enabled; otherwise changes nothing. */
export function importPack(text: string, byteLength: number): Promise<ImportResult> {
  return serialized(async () => {
    const registry = await readRegistry();
    const result = readPackFile(
      text,
      byteLength,
      registry.imported.map((r) => r.id),
    );
    if (!result.ok) return result;
    const record = { id: result.pack.id, enabled: true, importedAt: Date.now(), bytes: byteLength };
    await commit({ ...registry, imported: [...registry.imported, record] }, result.pack, null);
    return { ...result, summary: summary(result.pack, true, record) };
  });
}

export function setPackEnabled(id: string, enabled: boolean): Promise<void> {
  return serialized(async () => {
    const registry = await readRegistry();
    const next =
      id === BUNDLED_PACK_ID
        ? { ...registry, bundledEnabled: enabled }
        : { ...registry, imported: registry.imported.map((r) => (r.id === id ? { ...r, enabled } : r)) };
    await commit(next, null, null);
  });
}

/** Removes an imported pack (the bundled one can only be switched off). */
export function removePack(id: string): Promise<void> {
  return serialized(async () => {
    if (id === BUNDLED_PACK_ID) return;
    const registry = await readRegistry();
    await commit({ ...registry, imported: registry.imported.filter((r) => r.id !== id) }, null, id);
  });
}

/** A pack as a file in the format it is imported in; null when it is not installed. */
export async function exportPack(id: string): Promise<string | null> {
  const pack = await loadPack(id);
  return pack ? writePackFile(pack) : null;
}
