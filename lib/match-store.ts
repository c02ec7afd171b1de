// What the content script reads to match names: whether the bundled pack is on, and for the
// enabled imported packs a small filter (read by every frame) and their alias index (read only by
// frames whose text may hold one of their names). Written by pack-store.ts.
import * as v from 'valibot';
import { storage } from 'wxt/utils/storage';
import type { AliasIndex } from './knowledge/alias-index';

const BloomSchema = v.object({ bits: v.string(), hashes: v.pipe(v.number(), v.integer(), v.minValue(1)) });

const MatchSourcesSchema = v.object({
  bundled: v.boolean(),
  imported: v.nullable(
    v.object({
      /** The enabled imported packs, as `id@version`: a change of any means new names. */
      packs: v.array(v.string()),
      /** The first key word of every name (prefilter.ts), and the pairs of key words. */
      words: BloomSchema,
      pairs: BloomSchema,
      span: v.pipe(v.number(), v.integer(), v.minValue(1)),
      arabic: v.boolean(),
      unspaced: v.boolean(),
      always: v.boolean(),
    }),
  ),
});
export type MatchSources = v.InferOutput<typeof MatchSourcesSchema>;
export type ImportedMatchSources = NonNullable<MatchSources['imported']>;

const DEFAULT_SOURCES: MatchSources = { bundled: true, imported: null };

export const matchSourcesItem = storage.defineItem<MatchSources>('local:match-sources', { fallback: DEFAULT_SOURCES });
export const matchAliasesItem = storage.defineItem<AliasIndex | null>('local:match-aliases', { fallback: null });
/** The bundled pack's alias index, put there by the background (the content script does not carry it). */
export const bundledAliasesItem = storage.defineItem<{ version: string; index: AliasIndex } | null>(
  'local:bundled-aliases',
  { fallback: null },
);

/** A damaged stored value means the bundled names only, never a broken page. */
function parseSources(value: unknown): MatchSources {
  const parsed = v.safeParse(MatchSourcesSchema, value);
  return parsed.success ? parsed.output : DEFAULT_SOURCES;
}

export async function loadMatchSources(): Promise<MatchSources> {
  return parseSources(await matchSourcesItem.getValue());
}

export function watchMatchSources(callback: (sources: MatchSources) => void): () => void {
  return matchSourcesItem.watch((value) => callback(parseSources(value)));
}

const isIndex = (value: AliasIndex | null | undefined): value is AliasIndex =>
  value != null && Array.isArray(value.entities) && Array.isArray(value.aliases);

export async function loadImportedAliases(): Promise<AliasIndex | null> {
  const value = await matchAliasesItem.getValue();
  return isIndex(value) ? value : null;
}

/** The stored bundled index if it is the one of this build (`version`), else null. */
export async function loadBundledAliases(version: string): Promise<AliasIndex | null> {
  const value = await bundledAliasesItem.getValue();
  return value?.version === version && isIndex(value.index) ? value.index : null;
}
