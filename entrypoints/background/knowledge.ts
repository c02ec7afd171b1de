// The background owns the packs at run time: the Knowledge of every enabled pack, read from
// storage when first asked for and read again after any change to the packs.
import { type CardData, cardDataOf } from '@/lib/knowledge/card-data';
import type { Knowledge } from '@/lib/knowledge/knowledge';
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
