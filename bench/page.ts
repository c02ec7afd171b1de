// Page side of the benchmark, bundled by bench/run.mjs with esbuild into one IIFE (as the content
// script bundles the same modules) and injected into each fixture page. It exposes
// `window.GlossBench`: the real Annotator, Matcher, pack aliases and mark.js, plus the
// measurements the runner calls. Uses only the annotator's public API.
//
// Its parts: page-count.ts (the matcher's own count and the marks'), page-probes.ts (long tasks,
// frames, errors), page-baselines.ts (B0–B3), page-feed.ts (the dynamic page).
import Mark from 'mark.js';
import raw from '../data/knowledge.json';
import { Annotator, countMentions } from '../lib/annotator/annotator';
import { aliasesOf, aliasIndexOf } from '../lib/knowledge/alias-index';
import type { BundledPackFile } from '../lib/knowledge/schema';
import { Matcher, type MatcherAlias } from '../lib/matcher/matcher';
import { b0, b1, b2, b3 } from './page-baselines';
import { type Counts, countsOf, EXCLUDED_ZONES, MARKS, markCount, matcherCount } from './page-count';
import { runFeed } from './page-feed';
import { errors, hash, nextFrame, nextFrameRendered, settle, watchFrames, watchLongTasks } from './page-probes';

// ---------------------------------------------------------------------------------------------
// State of the page

const BLOCKS = 'p, li, td, th, h1, h2, h3, h4, h5, h6, figcaption, dt, dd';

interface State {
  aliases: MatcherAlias[];
  matcher: Matcher | null;
  annotator: Annotator | null;
  viewportBlocks: Element[];
  domHash: string;
}

const matcherAliases = () => aliasesOf(aliasIndexOf((raw as BundledPackFile).entities));
const state: State = { aliases: matcherAliases(), matcher: null, annotator: null, viewportBlocks: [], domHash: '' };

function matcher(): Matcher {
  if (!state.matcher) throw new Error('prepare() first');
  return state.matcher;
}

/** The blocks intersecting the viewport now (read in document order, stopping below it). */
function viewportBlocks(): Element[] {
  const found: Element[] = [];
  for (const el of document.body.querySelectorAll(BLOCKS)) {
    const rect = el.getBoundingClientRect();
    if (rect.top >= innerHeight) break;
    if (rect.bottom > 0 && rect.height > 0) found.push(el);
  }
  return found;
}

export interface PrepareResult {
  matcherMs: number;
  aliasCount: number;
  viewportBlocks: number;
  textNodes: number;
  elements: number;
}

/**
 * Prepares a measurement: builds the matcher (its pattern is compiled only on the first `find()`,
 * which is left to the code being measured), notes the blocks in the viewport and the page's HTML.
 */
function prepare(): PrepareResult {
  const t0 = performance.now();
  state.matcher = new Matcher(state.aliases);
  const matcherMs = performance.now() - t0;
  state.viewportBlocks = viewportBlocks();
  state.domHash = hash(document.body.innerHTML);
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let textNodes = 0;
  while (walker.nextNode()) textNodes++;
  return {
    matcherMs,
    aliasCount: state.matcher.aliasCount,
    viewportBlocks: state.viewportBlocks.length,
    textNodes,
    elements: document.body.getElementsByTagName('*').length,
  };
}

/** The matcher's own count for this page; after a measurement, so as not to warm anything up. */
function expectedCount(): Counts {
  return matcherCount(matcher(), document.body);
}

export interface MatcherProbe {
  constructMs: number;
  /** The first find(): the pattern of every alias is built and compiled then. */
  firstFindMs: number;
  /** The same sentence again, once compiled. */
  nextFindMs: number;
}

/** The matcher's fixed costs, on a page of its own. */
function probeMatcher(): MatcherProbe {
  const sentence = 'Secretary of State Antony Blinken met officials from the United States and the EU in Beijing.';
  let t = performance.now();
  const m = new Matcher(state.aliases);
  const constructMs = performance.now() - t;
  t = performance.now();
  m.find(sentence);
  const firstFindMs = performance.now() - t;
  t = performance.now();
  for (let i = 0; i < 100; i++) m.find(sentence);
  return { constructMs, firstFindMs, nextFindMs: (performance.now() - t) / 100 };
}

/**
 * What the page itself costs to render after a one-character edit of its text, far below the
 * viewport: the time from a frame's callbacks to the next task, which runs after that frame's
 * style, layout and paint. Every highlighter that writes to the page pays at least this for each
 * frame in which it writes. The edit is undone after each sample.
 */
async function probeRender(count = 7): Promise<{ samples: number[] }> {
  const texts = document.querySelectorAll('article p');
  const target = [...(texts[texts.length - 1]?.childNodes ?? [])].find((n): n is Text => n.nodeType === Node.TEXT_NODE);
  if (!target) return { samples: [] };
  const original = target.data;
  const renderAfter = async (edit: () => void) => {
    edit();
    return (await nextFrameRendered()).renderMs;
  };
  const costs: number[] = [];
  for (let i = 0; i < count; i++) {
    costs.push(await renderAfter(() => (target.data = `${original}.`)));
    await renderAfter(() => (target.data = original));
  }
  return { samples: costs };
}

export interface GlossRun {
  /** False when the first pass was still running after the cap: the numbers cover the cap only. */
  finished: boolean;
  /** start() until the first frame that shows a mark in a block that was in the viewport. */
  firstHighlightMs: number | null;
  /** How long the call to start() itself blocked. */
  startCallMs: number;
  /** start() until its promise (and idle()) resolved. */
  totalMs: number;
  /**
   * start() until the end of the rendering of the first frame after start() and idle() resolved:
   * until the last mark is on screen. Null when the run was stopped at its cap.
   */
  renderedMs: number | null;
  longestTaskMs: number;
  tasksOver50: number;
  /** Long animation frames: the tasks of a frame and its render together, what the reader waits through. */
  longestFrameMs: number;
  framesOver50: number;
  maxFrameGapMs: number;
  frames: number;
  onChangeCalls: number;
  /** Mentions written as marks when the run ended. */
  marks: Counts;
  /**
   * Mentions found, written or not (`Annotator.mentions()`): on a page where every render is a
   * long task, runs far from the viewport are counted and written only when they come near.
   */
  found: Counts;
  markElements: number;
  marksInExcluded: number;
  errors: string[];
}

async function runGloss(options: { capMs: number }): Promise<GlossRun> {
  if (state.annotator) throw new Error('one annotator per page');
  const blocks = state.viewportBlocks;
  let firstHighlight: number | null = null;
  let t0 = 0;
  const longTasks = watchLongTasks();
  const frames = watchFrames((now) => {
    if (firstHighlight === null && t0 > 0 && blocks.some((b) => b.querySelector(MARKS) !== null)) {
      firstHighlight = now - t0;
    }
  });
  await nextFrame();
  let onChangeCalls = 0;
  const annotator = new Annotator(document.body, { matcher: matcher(), onChange: () => onChangeCalls++ });
  state.annotator = annotator;
  // Bounds of the window for the traced run's breakdown (a no-op unless tracing).
  console.timeStamp('gloss-bench:start');
  t0 = performance.now();
  let promise: Promise<void>;
  try {
    promise = annotator.start();
  } catch (error) {
    errors.push(String((error as Error)?.stack ?? error));
    promise = Promise.resolve();
  }
  const startCallMs = performance.now() - t0;
  let finished = false;
  const done = (async () => {
    try {
      await promise;
      await annotator.idle();
    } catch (error) {
      errors.push(String((error as Error)?.stack ?? error));
    }
    finished = true;
  })();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const capped = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, options.capMs);
  });
  await Promise.race([done, capped]);
  clearTimeout(timer);
  const end = performance.now();
  console.timeStamp('gloss-bench:end');
  // As for the baselines: until the frame after the work has been rendered.
  const renderedMs = finished ? (await nextFrameRendered()).end - t0 : null;
  await settle();
  // A page without any mark in view (or with the first pass in one task) shows it only now.
  for (let i = 0; i < 10 && firstHighlight === null; i++) await nextFrame();
  const { maxFrameGap, frames: frameCount } = frames.stop(t0, end);
  const { tasks, frames: longFrames } = longTasks.stop(t0, end);
  return {
    finished,
    firstHighlightMs: firstHighlight,
    startCallMs,
    totalMs: end - t0,
    renderedMs,
    longestTaskMs: tasks.longest,
    tasksOver50: tasks.over50,
    longestFrameMs: longFrames.longest,
    framesOver50: longFrames.over50,
    maxFrameGapMs: maxFrameGap,
    frames: frameCount,
    onChangeCalls,
    marks: markCount(document),
    found: countsOf(annotator.mentions()),
    markElements: document.querySelectorAll(MARKS).length,
    marksInExcluded: document.querySelectorAll(EXCLUDED_ZONES).length,
    errors: [...errors],
  };
}

export interface ScrollRun {
  /** Screens scrolled, one at a time, and the pause after each. */
  screens: number;
  stepMs: number;
  longestTaskMs: number;
  tasksOver50: number;
  longestFrameMs: number;
  framesOver50: number;
  /** Mentions in the viewport a step after it arrived there: all, and those not written yet. */
  inView: number;
  inViewUnwritten: number;
  /** Mentions written as marks when the scroll ended. */
  written: number;
}

/**
 * A reader skimming after Gloss finished: one screen down every `stepMs`. Where runs were left
 * for later, what comes near is written meanwhile; this measures the frames that costs, and what
 * the reader would see unhighlighted: mentions in view, still not written, when the pause ends.
 */
async function scrollGloss(options: { screens: number; stepMs: number }): Promise<ScrollRun> {
  const annotator = state.annotator;
  if (!annotator) throw new Error('runGloss() first');
  const longTasks = watchLongTasks();
  await nextFrame();
  const t0 = performance.now();
  let inView = 0;
  let inViewUnwritten = 0;
  for (let i = 0; i < options.screens; i++) {
    window.scrollBy(0, window.innerHeight);
    await new Promise((resolve) => setTimeout(resolve, options.stepMs));
    for (const block of blocksInView()) {
      inView += block.querySelectorAll(`${MARKS}:not([data-gloss-continued])`).length;
      const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        const unwritten = annotator.unwrittenIn(text as Text)?.length ?? 0;
        inView += unwritten;
        inViewUnwritten += unwritten;
      }
    }
  }
  const end = performance.now();
  await settle();
  const { tasks, frames } = longTasks.stop(t0, end);
  return {
    ...options,
    longestTaskMs: tasks.longest,
    tasksOver50: tasks.over50,
    longestFrameMs: frames.longest,
    framesOver50: frames.over50,
    inView,
    inViewUnwritten,
    written: markCount(document).total,
  };
}

/** The article's blocks on screen now: its children are in reading order, top to bottom. */
function blocksInView(): Element[] {
  const blocks = [...(document.querySelector('article')?.children ?? [])];
  let low = 0;
  let high = blocks.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if ((blocks[mid] as Element).getBoundingClientRect().bottom <= 0) low = mid + 1;
    else high = mid;
  }
  const inView: Element[] = [];
  for (let i = low; i < blocks.length; i++) {
    const block = blocks[i] as Element;
    if (block.getBoundingClientRect().top >= window.innerHeight) break;
    inView.push(block);
  }
  return inView;
}

export interface RevealRun {
  /** `revealAll()`: writing every mention found and not written yet, until its promise resolved. */
  ms: number;
  /** Mentions written as marks afterwards: all of them. */
  marks: Counts;
  errors: string[];
}

async function revealGloss(): Promise<RevealRun> {
  const annotator = state.annotator;
  if (!annotator) throw new Error('runGloss() first');
  const t0 = performance.now();
  try {
    await annotator.revealAll();
  } catch (error) {
    errors.push(String((error as Error)?.stack ?? error));
  }
  return { ms: performance.now() - t0, marks: markCount(document), errors: [...errors] };
}

export interface ClearRun {
  clearMs: number;
  remaining: number;
  restored: boolean;
  errors: string[];
}

function clearGloss(): ClearRun {
  const annotator = state.annotator;
  if (!annotator) throw new Error('runGloss() first');
  const t0 = performance.now();
  try {
    annotator.clear();
  } catch (error) {
    errors.push(String((error as Error)?.stack ?? error));
  }
  const clearMs = performance.now() - t0;
  const remaining = document.querySelectorAll(MARKS).length;
  const restored = hash(document.body.innerHTML) === state.domHash;
  annotator.stop();
  state.annotator = null;
  return { clearMs, remaining, restored, errors: [...errors] };
}

const GlossBench = {
  Annotator,
  Matcher,
  Mark,
  matcherAliases,
  countMentions,
  prepare,
  expectedCount,
  probeMatcher,
  probeRender,
  runGloss,
  scrollGloss,
  revealGloss,
  clearGloss,
  runFeed: (options: Parameters<typeof runFeed>[1]) => runFeed(matcher(), options),
  baselines: {
    b0,
    b1: () => b1(matcher()),
    b2: () => b2(state.aliases),
    b3: () => b3(state.aliases),
  },
  errors: () => [...errors],
};

declare global {
  interface Window {
    GlossBench: typeof GlossBench;
  }
}

window.GlossBench = GlossBench;
