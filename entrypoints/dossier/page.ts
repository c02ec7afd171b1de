// The dossier page's links to the rest of Gloss: the tab it was opened for, the names found there
// (asked of the tab as the popup asks), and the document viewer.
import { browser } from 'wxt/browser';
import { documentPath } from '@/lib/document-link';
import { sendToHighlighter } from '@/lib/frame-parts';
import type { CitedDocument } from '@/lib/knowledge/card-data';
import type { Message, PageState } from '@/lib/messages';

/** `?tab=ID`: the tab whose names are marked in the table, as the popup opens it. */
export function tabFromQuery(search: string): number | null {
  const tab = Number(new URLSearchParams(search).get('tab'));
  return Number.isInteger(tab) && tab > 0 ? tab : null;
}

/** The ids of the entities on the tab's page, or null where Gloss is not running there. */
export async function pageEntityIds(tabId: number): Promise<Set<string> | null> {
  const message: Message<'page/get-state'> = { type: 'page/get-state' };
  try {
    const state = (await sendToHighlighter(tabId, message)) as PageState | undefined;
    return state?.mentions ? new Set(state.mentions.map((m) => m.entityId)) : null;
  } catch {
    return null;
  }
}

/** Opens the document viewer in a new tab at this quote. */
export function openDocument(document: CitedDocument, quote: string): void {
  const url = new URL(documentPath(document.packId, document.id, quote), browser.runtime.getURL('/')).href;
  void browser.tabs.create({ url });
}
