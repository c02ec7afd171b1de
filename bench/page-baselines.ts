// The baselines, run in the bench page next to Gloss. Bundled into bench/page.ts.
import Mark from 'mark.js';
import type { Matcher, MatcherAlias } from '../lib/matcher/matcher';
import { nextFrameRendered, settle, watchLongTasks } from './page-probes';

// ---------------------------------------------------------------------------------------------
// Baselines. Each is one synchronous call: it blocks the page for its whole duration; the page
// then renders what it wrote in the next frame.

export interface BaselineRun {
  /** The time of the call. */
  ms: number;
  /**
   * From the start of the call to the end of the rendering of the first frame after it: until what
   * it wrote is on screen. Absent when it threw.
   */
  renderedMs?: number;
  /** The rendering of that frame alone (its style, layout and paint). */
  renderMs?: number;
  /** The longest `longtask` entry from the call to the end of that render: the call's task or the render's. */
  longestTaskMs?: number;
  /** `long-animation-frame` entries in the same window: the call and the render after it, as one frame. */
  longestFrameMs?: number;
  /** B0: text nodes read; B1: matches; B2, B3: marks made. */
  count: number;
  /** What it threw, if it did: `ms` is then the time until it did. */
  error?: string;
  /** B2: keywords searched when it stopped, of all. */
  keywordsDone?: number;
  keywords?: number;
}

async function timed(fn: () => number): Promise<BaselineRun> {
  const longTasks = watchLongTasks();
  // The call starts in a task of its own just after a frame was rendered, so that its frame holds
  // the call and the render after it, not what the baseline set up before (B3 builds its pattern).
  await nextFrameRendered();
  const t0 = performance.now();
  let count: number;
  try {
    count = fn();
  } catch (error) {
    const ms = performance.now() - t0;
    longTasks.stop(t0, t0 + ms);
    return { ms, count: 0, error: `${(error as Error)?.name}: ${(error as Error)?.message}` };
  }
  const ms = performance.now() - t0;
  const { end, renderMs } = await nextFrameRendered();
  // Lets the long-task and long-animation-frame entries of the call and its frame arrive.
  await settle();
  const { tasks, frames } = longTasks.stop(t0, end);
  return {
    ms,
    renderedMs: end - t0,
    renderMs,
    longestTaskMs: tasks.longest,
    longestFrameMs: frames.longest,
    count,
  };
}

/** B0: a TreeWalker that reads every text node of the body and nothing else. */
export function b0(): Promise<BaselineRun> {
  return timed(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    let nodes = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      chars += (node as Text).data.length;
      nodes++;
    }
    if (chars < 0) throw new Error('unreachable');
    return nodes;
  });
}

/** B1: B0 plus the matcher's compiled pattern on every text node; the DOM is not touched. */
export function b1(m: Matcher): Promise<BaselineRun> {
  return timed(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const context = new Set<string>();
    let matches = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      matches += m.find((node as Text).data, context).length;
    }
    return matches;
  });
}

/** The alias strings the matcher uses (demonyms are off by default), each once. */
function aliasTexts(aliases: MatcherAlias[]): string[] {
  return [...new Set(aliases.filter((a) => a.kind !== 'demonym').map((a) => a.text))];
}

/** B2: naive mark.js, one mark() call with the array of every alias. */
export async function b2(aliases: MatcherAlias[]): Promise<BaselineRun> {
  const keywords = aliasTexts(aliases);
  // mark.js searches the keywords one after the other; which ones it got to tells how far it went.
  const seen = new Set<string>();
  const result = await timed(() => {
    let marks = 0;
    new Mark(document.body).mark(keywords, {
      className: 'bench-b2',
      accuracy: 'exactly',
      separateWordSearch: false,
      diacritics: false,
      caseSensitive: true,
      filter: (_node: Text, term: string) => {
        seen.add(term);
        return true;
      },
      noMatch: (term: string) => {
        seen.add(term);
      },
      done: (n: number) => {
        marks = n;
      },
    });
    return marks;
  });
  return { ...result, keywordsDone: seen.size, keywords: keywords.length };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * One pattern for every alias, built as the README describes the matcher's (longest first,
 * Unicode word boundaries, any space inside a name; names in unspaced scripts unbounded).
 */
function combinedPattern(aliases: MatcherAlias[]): RegExp {
  const space = '[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+';
  const word = '[\\p{L}\\p{N}\\p{M}_]';
  const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
  const texts = aliasTexts(aliases).sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const source = (t: string) => t.split(/\s+/).map(escapeRegExp).join(space);
  const bounded = texts.filter((t) => !unspaced.test(t)).map(source);
  const unbounded = texts.filter((t) => unspaced.test(t)).map(source);
  const branches = [`(?<!${word})(?:${bounded.join('|')})(?!${word})`];
  if (unbounded.length > 0) branches.push(`(?:${unbounded.join('|')})`);
  return new RegExp(branches.join('|'), 'gu');
}

/** B3: mark.js markRegExp with that one pattern over the whole body, excluded zones skipped. */
export function b3(aliases: MatcherAlias[]): Promise<BaselineRun> {
  const pattern = combinedPattern(aliases);
  return timed(() => {
    let marks = 0;
    new Mark(document.body).markRegExp(pattern, {
      className: 'bench-b3',
      // mark.js checks each text node's parent only, which is enough on these fixtures.
      exclude: [
        'input',
        'textarea',
        'select',
        'option',
        'button',
        'code',
        'pre',
        'kbd',
        'mark',
        '[contenteditable]',
        '[hidden]',
        '[aria-hidden="true"]',
      ],
      done: (n: number) => {
        marks = n;
      },
    });
    return marks;
  });
}
