// The background: wires the browser's events to the toolbar button (toolbar.ts), the keyboard
// commands and the context menu (actions.ts), and the runtime messages of our pages (messages.ts).
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { type ImportResult, importPack, removePack } from '@/lib/pack-store';
import { parseSettings, type Settings } from '@/lib/settings/settings';
import { loadSettings, settingsItem } from '@/lib/storage';
import { loadCard, lookUpSelection, openDocument, runCommand } from './actions';
import { LOOKUP_MENU_ID, lookupMenuTitle } from './context-menu';
import { bundledAliases, cardData, knowledgeCache } from './knowledge';
import { createMessageHandler } from './messages';
import { createToolbar } from './toolbar';

/**
 * What the end-to-end tests call in the service worker, because nothing outside the browser can
 * press a command's shortcut (Playwright's keyboard reaches the page, not the browser's
 * accelerators) or click a context menu item. These are the very functions the browser events
 * call. Only code already running in this worker can reach them, so they give nothing away.
 */
export interface GlossBackground {
  runCommand(name: string, tabId?: number): Promise<void>;
  lookUp(selectionText: string, tabId: number, frameId?: number): Promise<void>;
  /** The options page's import, for benchmarks that install a large pack without the file picker. */
  importPack(text: string): Promise<ImportResult>;
  removePack(id: string): Promise<void>;
}

export default defineBackground(() => {
  const toolbar = createToolbar();
  knowledgeCache.watch();
  // Content scripts read the bundled names from storage: this build's, ready before they ask.
  void bundledAliases().catch(() => undefined);
  // Read once when the worker starts, then kept current; the reports need it to say why a page is off.
  let settings: Promise<Settings> = loadSettings();

  browser.runtime.onMessage.addListener(
    createMessageHandler(
      { extensionId: browser.runtime.id, extensionOrigin: browser.runtime.getURL('/') },
      {
        mentions: async (tab, report) => toolbar.report(tab.id, report, await settings),
        openDocument,
        card: (message) => cardData(message.entityId),
        bundledAliases,
        loadCard,
      },
    ),
  );

  settingsItem.watch((value, old) => {
    const after = parseSettings(value);
    settings = Promise.resolve(after);
    void toolbar.settingsChanged(parseSettings(old), after);
  });
  browser.tabs.onRemoved.addListener((tabId) => toolbar.forget(tabId));

  browser.commands.onCommand.addListener((name, tab) => {
    void runCommand(name, tab);
  });

  // Menu items outlive an MV3 worker, so Chrome wants them made once per install or update;
  // Firefox's MV2 background page makes them again at each browser start. Removing first keeps
  // the id unique either way.
  const createMenu = () => {
    void browser.contextMenus
      .removeAll()
      .then(() => {
        browser.contextMenus.create({ id: LOOKUP_MENU_ID, title: lookupMenuTitle(), contexts: ['selection'] });
      })
      .catch(() => undefined);
  };
  browser.runtime.onInstalled.addListener(createMenu);
  browser.runtime.onStartup.addListener(createMenu);
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === LOOKUP_MENU_ID) void lookUpSelection(info, tab);
  });

  const testHook: GlossBackground = {
    runCommand: async (name, tabId) =>
      runCommand(name, tabId === undefined ? undefined : await browser.tabs.get(tabId)),
    lookUp: async (selectionText, tabId, frameId = 0) =>
      lookUpSelection({ selectionText, frameId }, await browser.tabs.get(tabId)),
    importPack: (text) => importPack(text, new TextEncoder().encode(text).byteLength),
    removePack,
  };
  (globalThis as { glossBackground?: GlossBackground }).glossBackground = testHook;
});
