// What the README's screenshot scripts share: the built extension in Debian's Chromium, in a
// profile of its own, with the demo page served and open (its marks written).
import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, extensionArgs } from './chromium.mjs';
import { startStaticServer } from './static-server.mjs';

/** Where the README's screenshots go. */
export const DOCS_DIR = new URL('../docs/', import.meta.url).pathname;

/**
 * Chromium with the extension (GLOSS_EXTENSION_PATH, else .output/chrome-mv3) and the demo page
 * open in a tab; `close()` ends the browser, its profile and the server.
 */
export async function openDemo({ dark, viewport }) {
  const ext = resolve(process.env.GLOSS_EXTENSION_PATH ?? new URL('../.output/chrome-mv3', import.meta.url).pathname);
  const html = await readFile(new URL('../demo/index.html', import.meta.url));
  const server = await startStaticServer(() => ({ body: html }));
  const url = server.url('/');
  const dir = mkdtempSync(join(tmpdir(), 'gloss-shot-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    colorScheme: dark ? 'dark' : 'light',
    viewport,
    args: [...CHROMIUM_ARGS, ...extensionArgs(ext)],
  });
  const close = async () => {
    await context.close();
    rmSync(dir, { recursive: true, force: true });
    await server.close();
  };
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
    const extensionId = new URL(worker.url()).host;
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForSelector('mark.gloss-mark');
    return { context, extensionId, page, url, close };
  } catch (error) {
    await close();
    throw error;
  }
}
