// The corpus on disk: every tests/corpus/pages/NAME.html with its NAME.gold.json.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldFile } from './score';

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PAGES_DIR = path.join(CORPUS_DIR, 'pages');
export const RESULTS_PATH = path.join(CORPUS_DIR, 'RESULTS.md');

export interface CorpusPage {
  name: string;
  html: string;
  gold: GoldFile;
}

export function loadCorpus(): CorpusPage[] {
  const names = readdirSync(PAGES_DIR)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
  return names.map((name) => ({
    name,
    html: readFileSync(path.join(PAGES_DIR, `${name}.html`), 'utf8'),
    gold: JSON.parse(readFileSync(path.join(PAGES_DIR, `${name}.gold.json`), 'utf8')) as GoldFile,
  }));
}
