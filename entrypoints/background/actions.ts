// What the background does for the user: keyboard commands, the context menu lookup, opening the
// document viewer. Browser glue; the decisions are in commands.ts, toggle-site.ts, context-menu.ts.
import { browser } from 'wxt/browser';
import { documentPath } from '@/lib/document-link';
import { sendToHighlighter } from '@/lib/frame-parts';
import { lookupEntity } from '@/lib/knowledge/lookup';
import type { Message } from '@/lib/messages';
import { updateSettings } from '@/lib/storage';
import { commandAction } from './commands';
import { isLookupAnswer, lookupFallbackPath, lookupText } from './context-menu';
import { knowledgeCache } from './knowledge';
import type { SenderTab } from './messages';
import { toggledSettings } from './toggle-site';

/** The parts of tabs.Tab we use. */
export interface TabInfo {
  id?: number;
  index?: number;
  windowId?: number;
  url?: string;
}

/** The tab a command is about when the event did not name one (older Firefox, tests). */
async function activeTab(): Promise<TabInfo | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

/** Opens an extension page in a new tab right after `next` (its opener), or at the end. */
export async function openNextTo(next: TabInfo | undefined, path: string): Promise<void> {
  // WXT types getURL with the built file names; ours carry a query string, which that type cannot name.
  const url = browser.runtime.getURL(path as '/');
  const placement =
    next?.id !== undefined && next.index !== undefined
      ? { index: next.index + 1, windowId: next.windowId, openerTabId: next.id }
      : {};
  await browser.tabs.create({ url, ...placement });
}

/** A keyboard command, for the tab that was active when it was pressed. Never throws. */
export async function runCommand(name: string, eventTab?: TabInfo): Promise<void> {
  const action = commandAction(name);
  if (!action) return;
  const tab = eventTab ?? (await activeTab().catch(() => undefined));
  if (tab?.id === undefined) return;
  if (action.kind === 'toggle-site') {
    // The URL is there for http(s) tabs (host permissions); elsewhere Gloss never runs.
    const { url } = tab;
    if (url === undefined) return;
    await updateSettings((settings) => toggledSettings(settings, url)).catch(() => undefined);
    return;
  }
  const jump: Message<'page/jump'> = { type: 'page/jump', entityId: null, direction: action.direction };
  // Top frame: it knows the order of the page's mentions. No answer means Gloss is not on this page.
  await sendToHighlighter(tab.id, jump).catch(() => undefined);
}

/**
 * The context menu's lookup: the frame the selection is in opens its card (or says that nothing
 * matches). Where no content script answers, the popup page opens in a tab, searching for the text.
 */
export async function lookUpSelection(
  info: { selectionText?: string; frameId?: number },
  tab: TabInfo | undefined,
): Promise<void> {
  const text = lookupText(info.selectionText);
  if (text === null) return;
  const entityId = lookupEntity(text, await knowledgeCache.get());
  const message: Message<'page/lookup'> = { type: 'page/lookup', text, entityId };
  let answered = false;
  if (tab?.id !== undefined) {
    const answer = await sendToHighlighter(tab.id, message, info.frameId ?? 0).catch(() => undefined);
    answered = isLookupAnswer(answer);
  }
  if (!answered) await openNextTo(tab, lookupFallbackPath(text, tab?.id)).catch(() => undefined);
}

/** 'ui/open-document' from a content script: the viewer at the quote, next to the page. */
export function openDocument(tab: SenderTab, message: Message<'ui/open-document'>): Promise<void> {
  return openNextTo(tab, documentPath(message.packId, message.sourceId, message.quote));
}
