// Page side of the benchmark, bundled by bench/run.mjs with esbuild into one IIFE (as the content
// script bundles the same modules) and injected into each fixture page. It exposes
// `window.GlossBench`: the real Annotator, Matcher, pack aliases and mark.js, plus the
// measurements the runner calls. Uses only the annotator's public API.
import Mark from 'mark.js';
import raw from '../data/knowledge.json';
import { Annotator, countMentions } from '../lib/annotator/annotator';
import { aliasesOf, aliasIndexOf } from '../lib/knowledge/alias-index';
import type { BundledPackFile } from '../lib/knowledge/schema';
import { Matcher, type MatcherAlias } from '../lib/matcher/matcher';

const MARKS = 'mark.gloss-mark';
/** What the README promises is never marked; checked after every run. */
const EXCLUDED_ZONES = [
  'input',
  'textarea',
  'select',
  'button',
  'code',
  'pre',
  'kbd',
  'script',
  'style',
  '[hidden]',
  '[aria-hidden="true"]',
  '[contenteditable="true"]',
  'mark:not(.gloss-mark)',
]
  .map((s) => `${s} ${MARKS}`)
  .join(', ');

// ---------------------------------------------------------------------------------------------
// The matcher's own count: the runs of text as the README defines them (text joined across
// inline elements, split at blocks and at excluded elements), each given to Matcher.find in
// document order with one context for the page. Written here from the README, independently of
// the annotator's code, so the two can disagree. (The fixtures have no <br>, whose handling
// inside a run this does not model.)

const EXCLUDED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
  'audio',
  'video',
  'mark',
]);
const INLINE_TAGS = new Set(
  'a abbr b bdi bdo big cite data del dfn em font i ins label nobr q ruby rb rt s small span strike strong sub sup time tt u var wbr acronym'.split(
    ' ',
  ),
);

function excluded(el: Element): boolean {
  if (el.localName === 'mark' && el.classList.contains('gloss-mark')) return false;
  if (EXCLUDED_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('data-gloss-ui') || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Our own marks read as inline: the count is the same before and after annotation. */
function inline(el: Element): boolean {
  return INLINE_TAGS.has(el.localName) || (el.localName === 'mark' && el.classList.contains('gloss-mark'));
}

function textRuns(root: Element): string[] {
  const runs: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') runs.push(current);
    current = '';
  };
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        current += (child as Text).data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        if (excluded(el)) {
          flush();
        } else if (inline(el)) {
          visit(el);
        } else {
          flush();
          visit(el);
          flush();
        }
      }
    }
  };
  visit(root);
  flush();
  return runs;
}

interface Counts {
  total: number;
  byEntity: Record<string, number>;
}

function matcherCount(matcher: Matcher, root: Element): Counts {
  const context = new Set<string>();
  const byEntity: Record<string, number> = {};
  let total = 0;
  for (const run of textRuns(root)) {
    for (const match of matcher.find(run, context)) {
      total++;
      byEntity[match.entityId] = (byEntity[match.entityId] ?? 0) + 1;
    }
  }
  return { total, byEntity };
}

function markCount(root: ParentNode): Counts {
  return countsOf(countMentions(root));
}

function countsOf(counts: Map<string, number>): Counts {
  const byEntity: Record<string, number> = {};
  let total = 0;
  for (const [id, n] of counts) {
    byEntity[id] = n;
    total += n;
  }
  return { total, byEntity };
}

// ---------------------------------------------------------------------------------------------
// Probes: long tasks, frames, errors

interface Overlapping {
  longest: number;
  over50: number;
  count: number;
}

interface LongTaskProbe {
  /** `longtask` entries (one task each) and `long-animation-frame` entries (a frame: its tasks and its render). */
  stop(from: number, to: number): { tasks: Overlapping; frames: Overlapping };
}

function watchLongTasks(): LongTaskProbe {
  const watch = (type: string) => {
    const entries: PerformanceEntry[] = [];
    let observer: PerformanceObserver | null = null;
    try {
      observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      observer.observe({ type, buffered: true });
    } catch {
      observer = null;
    }
    return (from: number, to: number): Overlapping => {
      if (observer) {
        entries.push(...observer.takeRecords());
        observer.disconnect();
      }
      // An entry overlapping the window counts (the first one starts before `from`).
      const inWindow = entries.filter((e) => e.startTime < to && e.startTime + e.duration > from);
      return {
        longest: inWindow.reduce((max, e) => Math.max(max, e.duration), 0),
        over50: inWindow.filter((e) => e.duration > 50).length,
        count: inWindow.length,
      };
    };
  };
  const tasks = watch('longtask');
  const frames = watch('long-animation-frame');
  return { stop: (from, to) => ({ tasks: tasks(from, to), frames: frames(from, to) }) };
}

/** A requestAnimationFrame loop: the frames the user would see, and a hook run on each. */
function watchFrames(onFrame: (now: number) => void) {
  const times: number[] = [];
  let running = true;
  const tick = () => {
    if (!running) return;
    const now = performance.now();
    times.push(now);
    onFrame(now);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop(from: number, to: number) {
      running = false;
      let gap = 0;
      let previous = from;
      for (const t of times) {
        if (t < from) continue;
        if (t > to) {
          gap = Math.max(gap, t - previous);
          break;
        }
        gap = Math.max(gap, t - previous);
        previous = t;
      }
      return { maxFrameGap: gap, frames: times.filter((t) => t >= from && t <= to).length };
    },
  };
}

const errors: string[] = [];
addEventListener('error', (e) => errors.push(String(e.error?.stack ?? e.message)));
addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.stack ?? e.reason)));

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The end of the rendering of the next frame. A requestAnimationFrame callback runs at the start
 * of the frame, before its style, layout and paint; a task posted from it runs after them. So
 * `end` is when that frame's rendering ended (on the main thread) and `renderMs` how long it took.
 */
function nextFrameRendered(): Promise<{ end: number; renderMs: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const end = performance.now();
        channel.port1.close();
        resolve({ end, renderMs: end - start });
      };
      channel.port2.postMessage(null);
    });
  });
}
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Lets pending long-task entries and frames arrive after the measured work. */
async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await sleep(60);
}

function hash(text: string): string {
  // FNV-1a, 32 bits, plus the length: enough to tell a restored DOM from a changed one.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

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
function b0(): Promise<BaselineRun> {
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
function b1(): Promise<BaselineRun> {
  const m = matcher();
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
function aliasTexts(): string[] {
  return [...new Set(state.aliases.filter((a) => a.kind !== 'demonym').map((a) => a.text))];
}

/** B2: naive mark.js, one mark() call with the array of every alias. */
async function b2(): Promise<BaselineRun> {
  const keywords = aliasTexts();
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
function combinedPattern(): RegExp {
  const space = '[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+';
  const word = '[\\p{L}\\p{N}\\p{M}_]';
  const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
  const texts = aliasTexts().sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const source = (t: string) => t.split(/\s+/).map(escapeRegExp).join(space);
  const bounded = texts.filter((t) => !unspaced.test(t)).map(source);
  const unbounded = texts.filter((t) => unspaced.test(t)).map(source);
  const branches = [`(?<!${word})(?:${bounded.join('|')})(?!${word})`];
  if (unbounded.length > 0) branches.push(`(?:${unbounded.join('|')})`);
  return new RegExp(branches.join('|'), 'gu');
}

/** B3: mark.js markRegExp with that one pattern over the whole body, excluded zones skipped. */
function b3(): Promise<BaselineRun> {
  const pattern = combinedPattern();
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

// ---------------------------------------------------------------------------------------------
// Dynamic page: paragraphs appended in bursts, latency from insertion to the first frame that
// shows a mark in the paragraph.

export interface FeedRun {
  latenciesMs: number[];
  /** Paragraphs that never got a mark before the deadline. */
  missed: number;
  longestTaskMs: number;
  tasksOver50: number;
  /** Long animation frames: the tasks of a frame and its render together, what the reader waits through. */
  longestFrameMs: number;
  framesOver50: number;
  maxFrameGapMs: number;
  initialMs: number;
  marks: Counts;
  expected: Counts;
  marksInExcluded: number;
  errors: string[];
}

async function runFeed(options: { bursts: number; perBurst: number; intervalMs: number }): Promise<FeedRun> {
  const items = JSON.parse(document.getElementById('feed-data')?.textContent ?? '[]') as string[];
  const feed = document.getElementById('feed');
  if (!feed) throw new Error('no #feed on this page');
  const annotator = new Annotator(document.body, { matcher: matcher() });
  state.annotator = annotator;
  const t0 = performance.now();
  await annotator.start();
  const initialMs = performance.now() - t0;
  await settle();

  const pending: { el: Element; t: number }[] = [];
  const latencies: number[] = [];
  const longTasks = watchLongTasks();
  const frames = watchFrames((now) => {
    for (let i = pending.length - 1; i >= 0; i--) {
      const item = pending[i];
      if (item?.el.querySelector(MARKS)) {
        latencies.push(now - item.t);
        pending.splice(i, 1);
      }
    }
  });
  const feedStart = performance.now();
  let next = 0;
  for (let burst = 0; burst < options.bursts; burst++) {
    const html = items.slice(next, next + options.perBurst).join('');
    next += options.perBurst;
    const before = feed.children.length;
    feed.insertAdjacentHTML('beforeend', html);
    const t = performance.now();
    for (let i = before; i < feed.children.length; i++) {
      const el = feed.children[i];
      if (el) pending.push({ el, t });
    }
    // An infinite feed: the reader is at the bottom, where the new items appear.
    document.scrollingElement?.scrollTo(0, document.scrollingElement.scrollHeight);
    await sleep(options.intervalMs);
  }
  const deadline = performance.now() + 5000;
  while (pending.length > 0 && performance.now() < deadline) await sleep(20);
  await annotator.idle();
  const feedEnd = performance.now();
  await settle();
  const { maxFrameGap } = frames.stop(feedStart, feedEnd);
  const { tasks, frames: longFrames } = longTasks.stop(feedStart, feedEnd);
  const result: FeedRun = {
    latenciesMs: latencies,
    missed: pending.length,
    longestTaskMs: tasks.longest,
    tasksOver50: tasks.over50,
    longestFrameMs: longFrames.longest,
    framesOver50: longFrames.over50,
    maxFrameGapMs: maxFrameGap,
    initialMs,
    marks: markCount(document),
    expected: matcherCount(matcher(), document.body),
    marksInExcluded: document.querySelectorAll(EXCLUDED_ZONES).length,
    errors: [...errors],
  };
  annotator.stop();
  state.annotator = null;
  return result;
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
  runFeed,
  baselines: { b0, b1, b2, b3 },
  errors: () => [...errors],
};

declare global {
  interface Window {
    GlossBench: typeof GlossBench;
  }
}

window.GlossBench = GlossBench;
