// "Look up “…” in Gloss" on selected text: the menu item, the text sent to the page, and where to
// go when no content script answers. Pure but for the menu's title, a message.
import { t } from '@/lib/i18n';
import { MAX_LOOKUP_TEXT } from '@/lib/messages';

export const LOOKUP_MENU_ID = 'gloss-lookup';

/**
 * The menu item's title in the user's language. The browser puts the selection where the title
 * has %s (and shortens it), so %s goes in as the message's value and must stay as it is.
 */
export function lookupMenuTitle(): string {
  return t('menuLookUp', { selection: '%s' });
}

/**
 * The text to look up: spaces collapsed, at most MAX_LOOKUP_TEXT characters (cut before a
 * surrogate pair rather than through it); null when nothing but spaces was selected.
 */
export function lookupText(selection: unknown): string | null {
  if (typeof selection !== 'string') return null;
  // Only the start matters for a lookup; trimming a long selection first keeps the replace cheap.
  let text = selection
    .slice(0, MAX_LOOKUP_TEXT * 2)
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_LOOKUP_TEXT) {
    const cut = /[\uD800-\uDBFF]/.test(text.charAt(MAX_LOOKUP_TEXT - 1)) ? MAX_LOOKUP_TEXT - 1 : MAX_LOOKUP_TEXT;
    text = text.slice(0, cut).trimEnd();
  }
  return text === '' ? null : text;
}

/** The content script's answer to 'page/lookup', if that is what it is. */
export function isLookupAnswer(value: unknown): value is { entityId: string | null } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const entityId = (value as { entityId?: unknown }).entityId;
  return entityId === null || typeof entityId === 'string';
}

/**
 * Where a lookup goes when the page cannot show a card (no content script in that frame: a PDF, a
 * file:// page, a store page, a tab opened before Gloss was installed): the popup page in a tab of
 * its own, searching for the text, about the tab the user was reading.
 */
export function lookupFallbackPath(text: string, tabId?: number): string {
  const params = new URLSearchParams({ search: text });
  if (tabId !== undefined) params.set('tab', String(tabId));
  return `/popup.html?${params}`;
}
