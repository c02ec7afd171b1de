// Renders the toolbar icons to the PNG sizes the manifest and the background use, with Debian's
// Chromium: public/icon/icon.svg → icon/<size>.png (Gloss on) and public/icon/off.svg →
// icon/off-<size>.png (Gloss off for the site or paused: grey, struck through, so the state does
// not depend on telling colours apart). Run by hand after changing an SVG: node scripts/render-icons.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const SIZES = [16, 32, 48, 128];
/** SVG source → prefix of the PNG names (sizes appended). WXT only picks `icon/<size>.png` as manifest icons. */
const VARIANTS = [
  { svg: 'icon.svg', prefix: '' },
  { svg: 'off.svg', prefix: 'off-' },
];

const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
for (const { svg: file, prefix } of VARIANTS) {
  const svg = readFileSync(new URL(`../public/icon/${file}`, import.meta.url), 'utf8');
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(
      `<style>html,body{margin:0;background:transparent}svg{width:${size}px;height:${size}px;display:block}</style>${svg}`,
    );
    await page.screenshot({
      path: new URL(`../public/icon/${prefix}${size}.png`, import.meta.url).pathname,
      omitBackground: true,
    });
    await page.close();
  }
}
await browser.close();
