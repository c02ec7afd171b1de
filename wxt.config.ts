import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  vite: () => ({ plugins: [preact()] }),
  manifest: ({ browser }) => ({
    name: 'Gloss',
    description:
      'Read the news with context: highlights countries, initiatives, organizations and officials, with their role according to bundled documents.',
    permissions: ['storage'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'",
    },
    ...(browser === 'firefox' && {
      browser_specific_settings: { gecko: { id: 'gloss@gloss.example', strict_min_version: '115.0' } },
    }),
  }),
});
