// @vitest-environment jsdom
// A page dear to render, left alone, ends fully highlighted: the runs left for later are written in
// the page's idle time, paused while the reader scrolls or types and while the tab is hidden. The
// test plays the browser: it says what a render costs, which blocks come near (a stand-in
// IntersectionObserver), and when the page is idle (a stand-in requestIdleCallback).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StandInIntersectionObserver } from '../../tests/support/stand-in-intersection-observer';
import { matcherAliases } from '../knowledge/pack';
import { Matcher } from '../matcher/matcher';
import { Annotator, countMentions } from './annotator';
import { INPUT_QUIET_MS } from './idle-writer';

const matcher = new Matcher(matcherAliases());
const CANADA = 'country:ca';
const PARAGRAPHS = 200;

const near = () => StandInIntersectionObserver.latest as StandInIntersectionObserver;

/** An article of paragraphs of about 300 characters, each naming Canada once. */
function article() {
  const filler = 'The delegates met again in the afternoon and read the draft line by line. '.repeat(3);
  const paragraphs = Array.from({ length: PARAGRAPHS }, (_, i) => `<p id="p${i}">${filler}Canada agreed.</p>`);
  document.body.innerHTML = `<article>${paragraphs.join('')}</article>`;
}

let tabVisibility: DocumentVisibilityState = 'visible';
function setTabVisibility(state: DocumentVisibilityState) {
  tabVisibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** Idle periods asked for and not yet given, in order. */
let idleRequests: { id: number; callback: IdleRequestCallback }[] = [];
let idleIds = 0;

/** An annotator on a page where every render is a long task, its first pass done. */
async function annotatedDearPage() {
  article();
  const gloss = new Annotator(document.body, {
    matcher,
    sliceMs: 0,
    measureRendering: () => Promise.resolve(tabVisibility === 'hidden' ? null : 120),
  });
  await gloss.start();
  await gloss.idle();
  return gloss;
}

/** The page is idle once, with `ms` to spare; resolves when what that started is written. */
async function idlePeriod(gloss: Annotator, ms = 50) {
  const request = idleRequests.shift();
  expect(request).toBeDefined();
  request?.callback({ didTimeout: false, timeRemaining: () => ms });
  await gloss.idle();
}

const written = () => countMentions(document.body).get(CANADA) ?? 0;
const paragraph = (i: number) => document.getElementById(`p${i}`) as HTMLElement;
const hasMark = (i: number) => paragraph(i).querySelector('mark.gloss-mark') !== null;

let clock = 0;
let tick = 5;
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', StandInIntersectionObserver);
  StandInIntersectionObserver.latest = null;
  idleRequests = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback) => {
    idleRequests.push({ id: ++idleIds, callback });
    return idleIds;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    idleRequests = idleRequests.filter((request) => request.id !== id);
  });
  // Each look at the clock is 5 ms later: a slice ends after a few runs.
  clock = 0;
  tick = 5;
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += tick));
  tabVisibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => tabVisibility);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('a page dear to render, left alone', () => {
  it('ends fully highlighted in idle time, with no scrolling, a section per idle period', async () => {
    const gloss = await annotatedDearPage();
    const first = written();
    expect(first).toBeLessThan(50);
    expect(idleRequests).toHaveLength(1);
    let periods = 0;
    let previous = first;
    while (idleRequests.length > 0 && periods < PARAGRAPHS) {
      await idlePeriod(gloss);
      periods++;
      // Each period writes some, and not everything at once.
      expect(written()).toBeGreaterThan(previous);
      expect(written() - previous).toBeLessThan(40);
      previous = written();
    }
    expect(written()).toBe(PARAGRAPHS);
    expect(periods).toBeGreaterThan(3);
    expect(gloss.hasUnwritten()).toBe(false);
    expect(near().targets.size).toBe(0);
    expect(gloss.mentions().get(CANADA)).toBe(PARAGRAPHS);
    gloss.stop();
  });

  it('fills an idle period: with time to spare, the next sections are written in it too', async () => {
    const gloss = await annotatedDearPage();
    // The clock stands still: writing never uses up the idle period.
    tick = 0;
    await idlePeriod(gloss);
    expect(written()).toBe(PARAGRAPHS);
    expect(gloss.hasUnwritten()).toBe(false);
    expect(idleRequests).toHaveLength(0);
    gloss.stop();
  });

  it('says at every step which runs are still unwritten', async () => {
    const gloss = await annotatedDearPage();
    const agree = () => {
      for (let i = 0; i < PARAGRAPHS; i++) {
        const unwritten = gloss.unwrittenIn(paragraph(i).firstChild as Text);
        expect(unwritten === undefined ? 'written' : unwritten).toEqual(hasMark(i) ? 'written' : [CANADA]);
      }
      expect(gloss.hasUnwritten()).toBe(written() < PARAGRAPHS);
      expect(gloss.mentions().get(CANADA)).toBe(PARAGRAPHS);
    };
    agree();
    while (idleRequests.length > 0) {
      await idlePeriod(gloss);
      agree();
    }
    expect(written()).toBe(PARAGRAPHS);
    gloss.stop();
  });

  it('writes first what is near the reader: sections that come near, then the nearest left', async () => {
    const gloss = await annotatedDearPage();
    // The reader jumps to the end: the last section comes near and is written before any idle time.
    near().report([paragraph(PARAGRAPHS - 1)], { near: true });
    await gloss.idle();
    expect(hasMark(PARAGRAPHS - 1)).toBe(true);
    const unmarked = () => [...Array(PARAGRAPHS).keys()].filter((i) => !hasMark(i));
    const before = unmarked();
    await idlePeriod(gloss);
    const after = unmarked();
    expect(after.length).toBeLessThan(before.length);
    // The idle period wrote the section just above the reader: what is left is one stretch,
    // starting where it started before.
    expect(after[0]).toBe(before[0]);
    expect((after.at(-1) as number) - (after[0] as number) + 1).toBe(after.length);
    gloss.stop();
  });

  it('writes nothing while the tab is hidden, and goes on once it is shown', async () => {
    const gloss = await annotatedDearPage();
    await idlePeriod(gloss);
    const before = written();
    setTabVisibility('hidden');
    expect(idleRequests).toHaveLength(0);
    // A callback the browser had already queued finds the tab hidden too.
    await gloss.idle();
    expect(written()).toBe(before);
    setTabVisibility('visible');
    expect(idleRequests).toHaveLength(1);
    while (idleRequests.length > 0) await idlePeriod(gloss);
    expect(written()).toBe(PARAGRAPHS);
    gloss.stop();
  });

  it.each(['scroll', 'wheel', 'keydown', 'touchstart'])(
    'pauses while the reader acts (%s), and goes on after a quiet moment',
    async (type) => {
      const gloss = await annotatedDearPage();
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
      const before = written();
      paragraph(0).dispatchEvent(new Event(type, { bubbles: type !== 'scroll' }));
      expect(idleRequests).toHaveLength(0);
      vi.advanceTimersByTime(INPUT_QUIET_MS - 100);
      // Still going: every event starts the quiet moment again.
      paragraph(0).dispatchEvent(new Event(type, { bubbles: type !== 'scroll' }));
      vi.advanceTimersByTime(INPUT_QUIET_MS - 1);
      expect(idleRequests).toHaveLength(0);
      expect(written()).toBe(before);
      vi.advanceTimersByTime(1);
      expect(idleRequests).toHaveLength(1);
      await idlePeriod(gloss);
      expect(written()).toBeGreaterThan(before);
      gloss.stop();
    },
  );

  it('stop() cancels it: nothing asked for, nothing written, the page as it was', async () => {
    article();
    const html = document.body.innerHTML;
    const gloss = await annotatedDearPage();
    expect(idleRequests).toHaveLength(1);
    const stale = idleRequests[0];
    gloss.stop();
    expect(idleRequests).toHaveLength(0);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    document.dispatchEvent(new Event('scroll'));
    vi.advanceTimersByTime(10 * INPUT_QUIET_MS);
    expect(idleRequests).toHaveLength(0);
    // A callback the browser runs anyway finds nothing to do.
    stale?.callback({ didTimeout: false, timeRemaining: () => 50 });
    await gloss.idle();
    expect(document.body.innerHTML).toBe(html);
  });

  it('a page that renders cheaply asks for no idle time', async () => {
    article();
    const gloss = new Annotator(document.body, { matcher, sliceMs: 0, measureRendering: () => Promise.resolve(5) });
    await gloss.start();
    await gloss.idle();
    expect(written()).toBe(PARAGRAPHS);
    expect(idleRequests).toHaveLength(0);
    gloss.stop();
  });
});

describe('where the browser has no idle callbacks', () => {
  it('a timer stands in, and the page still ends fully highlighted', async () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const gloss = await annotatedDearPage();
    expect(written()).toBeLessThan(PARAGRAPHS);
    for (let round = 0; round < PARAGRAPHS && gloss.hasUnwritten(); round++) {
      vi.advanceTimersByTime(1000);
      await gloss.idle();
    }
    expect(written()).toBe(PARAGRAPHS);
    gloss.stop();
  });
});
