// The corpora on disk: every PAGES_DIR/NAME.html with its NAME.gold.json; the off-topic set
// (off-topic/pages), pages about other subjects, written before the rules that handle them; and the
// held-out set (held-out/pages), more such pages written apart from the rules, without reading them
// or the off-topic pages, to measure whether the rules generalise; and a second held-out set
// (held-out-2/pages), written later by someone who read neither the rules nor any other set's pages;
// and a third (held-out-3/pages), written the same way on yet other subjects; and a fourth
// (held-out-4/pages), the same again; and a fifth (held-out-5/pages), the same again.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { GoldFile } from './score';

export const CORPUS_DIR = path.dirname(fileURLToPath(import.meta.url));
export const PAGES_DIR = path.join(CORPUS_DIR, 'pages');
export const OFF_TOPIC_DIR = path.join(CORPUS_DIR, 'off-topic');
export const OFF_TOPIC_PAGES_DIR = path.join(OFF_TOPIC_DIR, 'pages');
/** The off-topic set's first score, on the build before its rules; RESULTS.md quotes it. */
export const OFF_TOPIC_FIRST_SCORE_PATH = path.join(OFF_TOPIC_DIR, 'FIRST-SCORE.md');
export const HELD_OUT_DIR = path.join(CORPUS_DIR, 'held-out');
export const HELD_OUT_PAGES_DIR = path.join(HELD_OUT_DIR, 'pages');
/** The held-out set's first score, on the build of commit 37a44cb; RESULTS.md quotes it. */
export const HELD_OUT_FIRST_SCORE_PATH = path.join(HELD_OUT_DIR, 'FIRST-SCORE.md');
export const HELD_OUT_2_DIR = path.join(CORPUS_DIR, 'held-out-2');
export const HELD_OUT_2_PAGES_DIR = path.join(HELD_OUT_2_DIR, 'pages');
/** The second held-out set's first score, on the builds of commits 37a44cb and 1c738ba. */
export const HELD_OUT_2_FIRST_SCORE_PATH = path.join(HELD_OUT_2_DIR, 'FIRST-SCORE.md');
export const HELD_OUT_3_DIR = path.join(CORPUS_DIR, 'held-out-3');
export const HELD_OUT_3_PAGES_DIR = path.join(HELD_OUT_3_DIR, 'pages');
/** The third held-out set's first score, on the builds of commits 37a44cb and 8fc596b. */
export const HELD_OUT_3_FIRST_SCORE_PATH = path.join(HELD_OUT_3_DIR, 'FIRST-SCORE.md');
export const HELD_OUT_4_DIR = path.join(CORPUS_DIR, 'held-out-4');
export const HELD_OUT_4_PAGES_DIR = path.join(HELD_OUT_4_DIR, 'pages');
/** The fourth held-out set's first score, on the builds of commits 37a44cb and 67870ad. */
export const HELD_OUT_4_FIRST_SCORE_PATH = path.join(HELD_OUT_4_DIR, 'FIRST-SCORE.md');
export const HELD_OUT_5_DIR = path.join(CORPUS_DIR, 'held-out-5');
export const HELD_OUT_5_PAGES_DIR = path.join(HELD_OUT_5_DIR, 'pages');
/** The fifth held-out set's first score, on the builds of commits 37a44cb and 3cb4733. */
export const HELD_OUT_5_FIRST_SCORE_PATH = path.join(HELD_OUT_5_DIR, 'FIRST-SCORE.md');
export const RESULTS_PATH = path.join(CORPUS_DIR, 'RESULTS.md');

export interface CorpusPage {
  name: string;
  html: string;
  gold: GoldFile;
}

export function loadCorpus(dir = PAGES_DIR): CorpusPage[] {
  const names = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .map((f) => f.slice(0, -'.html'.length))
    .sort();
  return names.map((name) => ({
    name,
    html: readFileSync(path.join(dir, `${name}.html`), 'utf8'),
    gold: JSON.parse(readFileSync(path.join(dir, `${name}.gold.json`), 'utf8')) as GoldFile,
  }));
}

export const loadOffTopic = () => loadCorpus(OFF_TOPIC_PAGES_DIR);
export const loadHeldOut = () => loadCorpus(HELD_OUT_PAGES_DIR);
export const loadHeldOut2 = () => loadCorpus(HELD_OUT_2_PAGES_DIR);
export const loadHeldOut3 = () => loadCorpus(HELD_OUT_3_PAGES_DIR);
export const loadHeldOut4 = () => loadCorpus(HELD_OUT_4_PAGES_DIR);
export const loadHeldOut5 = () => loadCorpus(HELD_OUT_5_PAGES_DIR);
