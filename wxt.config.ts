import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Parallel work (several builds on one machine) builds elsewhere; the default is .output.
  outDir: process.env.GLOSS_OUT_DIR ?? '.output',
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Read the news with context: highlights countries, initiatives, organizations and officials, with their role according to bundled documents.',
    permissions: ['storage'],
    // The content script already runs on every web page; host access also lets the popup and
    // background see which page a tab shows, so the popup can describe the page it was opened for.
    host_permissions: ['http://*/*', 'https://*/*'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'gloss@gloss.example', strict_min_version: '115.0' } },
    }),
  }),
});
