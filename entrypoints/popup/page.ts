// The popup's link to the tab it describes.
import { browser } from 'wxt/browser';
import type { Message, PageState } from '@/lib/messages';

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
    const state = (await browser.tabs.sendMessage(tabId, message, { frameId: 0 })) as PageState | undefined;
    return state ?? null;
  } catch {
    return null;
  }
}
