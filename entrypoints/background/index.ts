// The background: wires the browser's events to the toolbar button (toolbar.ts), the keyboard
// commands and the context menu (actions.ts), and the runtime messages of our pages (messages.ts).
import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { loadPart } from '@/lib/frame-parts';
import { matchSourcesItem } from '@/lib/match-store';
import { type ImportResult, importPack, removePack } from '@/lib/pack-store';
import { isEnabledOn, parseSettings, type Settings } from '@/lib/settings/settings';
import { loadSettings, settingsItem } from '@/lib/storage';
import { lookUpSelection, openDocument, runCommand } from './actions';
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

/** Whether a change of settings may make Gloss highlight where it did not (the rest is styles). */
function mayBringNames(before: Settings, after: Settings): boolean {
  const what = (s: Settings) => JSON.stringify([s.paused, s.site, s.categories, s.demonyms]);
  return what(before) !== what(after);
}

/**
 * Runs the probe again in every frame of the open web tabs: frames whose text held no name (or
 * that were paused) have no highlighter to notice the change. Frames with one leave it to it.
 */
async function probeOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ url: ['http://*/*', 'https://*/*'] }).catch(() => []);
  await Promise.all(
    tabs.map((tab) => (tab.id === undefined ? undefined : loadPart(tab.id, 'all', 'probe').catch(() => {}))),
  );
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
        loadPart: (tab, frameId, part) => loadPart(tab.id, frameId, part),
        quiet: async (tab, url) =>
          toolbar.report(tab.id, { distinct: 0, enabled: isEnabledOn(url, await settings) }, await settings),
      },
    ),
  );

  settingsItem.watch((value, old) => {
    const before = parseSettings(old);
    const after = parseSettings(value);
    settings = Promise.resolve(after);
    void toolbar.settingsChanged(before, after);
    if (mayBringNames(before, after)) void probeOpenTabs();
  });
  // A pack switched on or imported may name something on pages that had nothing to highlight.
  matchSourcesItem.watch(() => void probeOpenTabs());
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
