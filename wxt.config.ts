import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';
import { COMMANDS } from './entrypoints/background/commands';
import { bundledAliases } from './lib/knowledge/bundled-aliases.vite';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Parallel work (several builds on one machine) builds elsewhere; the default is .output.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact(), bundledAliases()] }),
  hooks: {
    // WXT takes the toolbar button's title from the popup's <title>, which cannot be a message.
    'build:manifestGenerated': (_wxt, manifest) => {
      const action = manifest.action ?? manifest.browser_action;
      if (action) action.default_title = '__MSG_extName__';
    },
  },
  manifest: ({ browser }) => ({
    // Words are messages (public/_locales/<language>/messages.json), English when the user's
    // language has none. Chrome refuses _locales without a default_locale, and the reverse.
    default_locale: 'en',
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    // No "tabs": the host permissions below already show the background and the popup the URL of
    // every http(s) tab (the only pages Gloss runs on), which is all the toggle command and the
    // toolbar button need. "contextMenus" is the "Look up … in Gloss" item on selected text
    // (Firefox knows it as an alias of "menus").
    // "unlimitedStorage": imported knowledge packs are kept in storage.local (up to 20 MB each).
    // "scripting" (MV3): the in-page card's script is run in a frame only when a card is first
    // wanted there; Firefox's MV2 build does that with tabs.executeScript and host access.
    permissions: ['storage', 'unlimitedStorage', 'contextMenus', ...(browser === 'firefox' ? [] : ['scripting'])],
    // The content script already runs on every web page; host access also lets the popup and
    // background see which page a tab shows, so the popup can describe the page it was opened for.
    host_permissions: ['http://*/*', 'https://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    commands: COMMANDS,
    // The probe (entrypoints/probe) is the one script every frame runs: a small plain script that
    // has the highlighter loaded only where the frame's text may hold a name.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['probe.js'],
        // As soon as the document is parsed (DOMContentLoaded): the reader's clock starts there.
        run_at: 'document_end',
        all_frames: true,
        match_about_blank: true,
      },
    ],
    ...(browser === 'firefox' && {
      browser_specific_settings: {
        // 140 (the current ESR) and 142 on Android are the first to read data_collection_permissions,
        // which addons.mozilla.org requires of new extensions; nothing else in Gloss needs them.
        gecko: {
          id: 'gloss@gloss.example',
          strict_min_version: '140.0',
          // Gloss sends nothing anywhere: it makes no network request at all.
          data_collection_permissions: { required: ['none'] },
        },
        gecko_android: { strict_min_version: '142.0' },
      },
    }),
  }),
});
