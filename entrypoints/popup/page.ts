// The popup's link to the tab it describes.
import { browser } from 'wxt/browser';
import { documentPath } from '@/lib/document-link';
import { sendToHighlighter } from '@/lib/frame-parts';
import type { CitedDocument } from '@/lib/knowledge/card-data';
import type { JumpResult, Message, PageState } from '@/lib/messages';

/**
 * The tab the popup is about: `?tab=ID` when the popup is opened as a page of its own
 * (tests, or a detached window), else the active tab of the current window.
 */
export async function targetTab(): Promise<{ id: number; url?: string } | null> {
  const fromQuery = Number(new URLSearchParams(location.search).get('tab'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery).catch(() => null);
    return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

/** What the tab's content script reports, or null where Gloss is not running. */
export async function requestPageState(tabId: number): Promise<PageState | null> {
  const message: Message<'page/get-state'> = { type: 'page/get-state' };
  try {
    const state = (await sendToHighlighter(tabId, message)) as PageState | undefined;
    return state ?? null;
  } catch {
    return null;
  }
}

export type JumpOutcome =
  /** The page scrolled to a mention, flashed and focused it. */
  | { kind: 'shown'; result: JumpResult }
  /** The content script answered that there is no such mention (any more): the page changed. */
  | { kind: 'gone' }
  /** Nothing answered: no content script, an older one, or the tab went away. */
  | { kind: 'unreachable' };

function isJumpResult(value: unknown): value is JumpResult {
  if (typeof value !== 'object' || value === null) return false;
  const { entityId, index, total } = value as Partial<JumpResult>;
  return typeof entityId === 'string' && Number.isInteger(index) && Number.isInteger(total);
}

/** Asks the tab's top frame to bring the next or previous mention (of one entity, or of any) into view. */
export async function jumpToMention(
  tabId: number,
  entityId: string | null,
  direction: 'next' | 'prev',
): Promise<JumpOutcome> {
  const message: Message<'page/jump'> = { type: 'page/jump', entityId, direction };
  try {
    const response: unknown = await sendToHighlighter(tabId, message);
    if (response === null) return { kind: 'gone' };
    return isJumpResult(response) ? { kind: 'shown', result: response } : { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  }
}

/** Opens the document viewer in a new tab at this quote. */
export async function openDocument(document: CitedDocument, quote: string): Promise<void> {
  const url = new URL(documentPath(document.packId, document.id, quote), browser.runtime.getURL('/')).href;
  await browser.tabs.create({ url });
}

/**
 * `?search=TEXT`: the context menu's "Look up in Gloss" opens the popup as a page with the selected
 * text when the tab has no Gloss to show a card (Gloss off there, or not a web page).
 */
export function initialSearch(): string {
  return new URLSearchParams(location.search).get('search')?.slice(0, 200) ?? '';
}
