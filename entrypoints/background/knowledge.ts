// The background owns the packs at run time: the Knowledge of every enabled pack, read from
// storage when first asked for and read again after any change to the packs.
import { INDEX, VERSION } from 'virtual:gloss-bundled-aliases';
import type { AliasIndex } from '@/lib/knowledge/alias-index';
import { type CardData, cardDataOf } from '@/lib/knowledge/card-data';
import type { Knowledge } from '@/lib/knowledge/knowledge';
import { bundledAliasesItem, loadBundledAliases } from '@/lib/match-store';
import { loadKnowledge, watchPacks } from '@/lib/pack-store';

let current: Promise<Knowledge> | null = null;

export const knowledgeCache = {
  get(): Promise<Knowledge> {
    current ??= loadKnowledge().catch((error: unknown) => {
      current = null;
      throw error;
    });
    return current;
  },
  watch(): void {
    watchPacks(() => {
      current = null;
    });
  },
};

/** What a content script's card shows of an entity (the 'knowledge/card' message). */
export async function cardData(entityId: string): Promise<CardData | null> {
  return cardDataOf(await knowledgeCache.get(), entityId);
}

/**
 * The bundled pack's alias index, stored for content scripts where it is not already this
 * build's (at the worker's start, and when a content script finds it missing).
 */
export async function bundledAliases(): Promise<AliasIndex> {
  const stored = await loadBundledAliases(VERSION);
  if (stored) return stored;
  const index = JSON.parse(INDEX) as AliasIndex;
  await bundledAliasesItem.setValue({ version: VERSION, index });
  return index;
}
