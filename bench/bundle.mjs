// The bench's page script and the highlight styles, bundled from the current source by esbuild as
// the content script bundles the same modules: bench/page.ts (window.GlossBench) as one IIFE, and
// the style sheet the content script adopts for the default styles.
import { build } from 'esbuild';
import { ROOT } from './options.mjs';

export async function bundle() {
  const result = await build({
    entryPoints: [`${ROOT}bench/page.ts`],
    bundle: true,
    format: 'iife',
    minify: true,
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
    absWorkingDir: ROOT,
  });
  return result.outputFiles[0].text;
}

/** The highlight style sheet the content script adopts, for the default styles. */
export async function highlightStyles() {
  const result = await build({
    stdin: {
      contents:
        "import { highlightCss } from './lib/settings/highlight-css';\n" +
        "import { DEFAULT_STYLES } from './lib/settings/settings';\n" +
        'export const css = highlightCss(DEFAULT_STYLES);',
      resolveDir: ROOT,
      loader: 'ts',
    },
    bundle: true,
    format: 'esm',
    platform: 'node',
    write: false,
    logLevel: 'silent',
  });
  const url = `data:text/javascript;base64,${Buffer.from(result.outputFiles[0].text).toString('base64')}`;
  return (await import(url)).css;
}
