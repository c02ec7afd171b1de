// @vitest-environment jsdom
// Pages where every render is a long task: runs far from the viewport are counted, left for
// later, and written as they come near. jsdom has no layout, so the test plays the page: it says
// what a render costs and which blocks come near (a stand-in IntersectionObserver).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StandInIntersectionObserver } from '../../tests/support/stand-in-intersection-observer';
import { matcherAliases } from '../knowledge/pack';
import { Matcher } from '../matcher/matcher';
import { Annotator, countMentions } from './annotator';

const matcher = new Matcher(matcherAliases());
const CANADA = 'country:ca';
const WASSENAAR = 'initiative:wassenaar';

const near = () => StandInIntersectionObserver.latest as StandInIntersectionObserver;

/** An article of `count` paragraphs of about 300 characters, each naming Canada once. */
function article(count: number, extra: (i: number) => string = () => '') {
  const filler = 'The delegates met again in the afternoon and read the draft line by line. '.repeat(3);
  const paragraphs = Array.from({ length: count }, (_, i) => `<p id="p${i}">${filler}Canada agreed.${extra(i)}</p>`);
  document.body.innerHTML = `<article>${paragraphs.join('')}</article>`;
}

function annotator(renderingMs: () => number) {
  return new Annotator(document.body, {
    matcher,
    sliceMs: 0,
    // A tab in the background renders no frames, so nothing can be measured there.
    measureRendering: () => Promise.resolve(tabVisibility === 'hidden' ? null : renderingMs()),
  });
}

let tabVisibility: DocumentVisibilityState = 'visible';
/** The tab goes to the background, or comes to the front. */
function setTabVisibility(state: DocumentVisibilityState) {
  tabVisibility = state;
  document.dispatchEvent(new Event('visibilitychange'));
}

/** An annotator on the page, its first pass done. */
async function annotated(renderingMs: () => number) {
  const gloss = annotator(renderingMs);
  await gloss.start();
  await gloss.idle();
  return gloss;
}

const written = (id = CANADA) => countMentions(document.body).get(id) ?? 0;
const hasMark = (id: string) => document.getElementById(id)?.querySelector('mark.gloss-mark') !== null;

let clock = 0;
let tick = 5;
beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', StandInIntersectionObserver);
  StandInIntersectionObserver.latest = null;
  // Each look at the clock is 5 ms later: a 120 ms slice ends after about two dozen runs.
  clock = 0;
  tick = 5;
  vi.spyOn(performance, 'now').mockImplementation(() => (clock += tick));
  tabVisibility = 'visible';
  vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => tabVisibility);
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('a page where every render is a long task', () => {
  it('writes the runs it reaches first, counts the far ones and leaves them for later', async () => {
    article(200);
    const gloss = await annotated(() => 120);
    expect(written()).toBeGreaterThan(0);
    expect(written()).toBeLessThan(50);
    expect(hasMark('p199')).toBe(false);
    expect(gloss.mentions().get(CANADA)).toBe(200);
    // Sections of a few screens are watched, not every paragraph: two sentinels per section.
    const observed = near().targets.size;
    expect(observed).toBeGreaterThan(0);
    expect(observed).toBeLessThanOrEqual(2 * Math.ceil((200 * 330) / 5000));
    expect(near().options?.rootMargin).toBe('300% 0px');
    gloss.stop();
  });

  it('writes a section when one of its sentinels comes near, and only that section', async () => {
    article(200);
    const gloss = await annotated(() => 120);
    const before = written();
    const last = document.getElementById('p199') as Element;
    expect(near().targets.has(last)).toBe(true);
    near().report([last], { near: true });
    await gloss.idle();
    expect(hasMark('p199')).toBe(true);
    expect(near().targets.has(last)).toBe(false);
    expect(written()).toBeGreaterThan(before + 5);
    expect(written()).toBeLessThan(before + 40);
    expect(hasMark('p100')).toBe(false);
    expect(gloss.mentions().get(CANADA)).toBe(200);
    gloss.stop();
  });

  it('revealAll() writes every run left for later, and stops watching', async () => {
    article(200, (i) => (i === 120 || i === 190 ? ' So did the Wassenaar Arrangement.' : ''));
    const gloss = await annotated(() => 120);
    expect(written(WASSENAAR)).toBe(0);
    expect(gloss.mentions().get(WASSENAAR)).toBe(2);
    await gloss.revealAll();
    expect(written(WASSENAAR)).toBe(2);
    expect(written()).toBe(200);
    expect(near().targets.size).toBe(0);
    expect(gloss.mentions().get(CANADA)).toBe(200);
    gloss.stop();
  });

  it('says which runs hold mentions not written yet, and writes one on request', async () => {
    article(200);
    const gloss = await annotated(() => 120);
    expect(gloss.hasUnwritten()).toBe(true);
    const run = document.getElementById('p150')?.firstChild as Text;
    expect(gloss.unwrittenIn(run)).toEqual([CANADA]);
    expect(gloss.unwrittenIn(document.getElementById('p0')?.firstChild as Text)).toBeUndefined();
    await gloss.revealRun(run);
    expect(hasMark('p150')).toBe(true);
    expect(gloss.unwrittenIn(run)).toBeUndefined();
    expect(hasMark('p100')).toBe(false);
    await gloss.revealAll();
    expect(gloss.hasUnwritten()).toBe(false);
    // Runs read again and written while their section was still filling leave nothing behind.
    const p0 = document.getElementById('p0') as HTMLElement;
    p0.append(' Canada, once more.');
    await Promise.resolve();
    await gloss.idle();
    expect(gloss.hasUnwritten()).toBe(false);
    gloss.stop();
  });

  it('keeps the counts of far runs right when the page edits or removes them', async () => {
    article(200);
    const gloss = await annotated(() => 120);
    const p150 = document.getElementById('p150') as HTMLElement;
    (p150.firstChild as Text).data = (p150.firstChild as Text).data.replace('Canada', 'Chile');
    await Promise.resolve();
    await gloss.idle();
    expect(gloss.mentions().get(CANADA)).toBe(199);
    expect(hasMark('p150')).toBe(false);
    document.getElementById('p160')?.remove();
    expect(gloss.mentions().get(CANADA)).toBe(198);
    document.getElementById('p170')?.append(' Canada again.');
    await Promise.resolve();
    await gloss.idle();
    expect(gloss.mentions().get(CANADA)).toBe(199);
    await gloss.revealAll();
    expect(written()).toBe(198 + 1);
    gloss.stop();
  });

  it('drops the count of a far run whose text becomes hidden or editable', async () => {
    article(200);
    const gloss = await annotated(() => 120);
    document.getElementById('p150')?.setAttribute('hidden', '');
    document.getElementById('p151')?.setAttribute('contenteditable', 'true');
    await Promise.resolve();
    await gloss.idle();
    expect(gloss.mentions().get(CANADA)).toBe(198);
    await gloss.revealAll();
    expect(written()).toBe(198);
    expect(hasMark('p150') || hasMark('p151')).toBe(false);
    gloss.stop();
  });

  it('clear() forgets the far runs and leaves the page exactly as it was', async () => {
    article(200);
    const html = document.body.innerHTML;
    const gloss = await annotated(() => 120);
    gloss.clear();
    expect(document.body.innerHTML).toBe(html);
    expect(gloss.mentions().size).toBe(0);
    expect(near().targets.size).toBe(0);
    gloss.stop();
  });

  it('stop() stops watching: a sentinel coming near afterwards writes nothing', async () => {
    article(200);
    const gloss = await annotated(() => 120);
    const observer = near();
    const sentinels = [...observer.targets];
    gloss.stop();
    expect(observer.targets.size).toBe(0);
    observer.report(sentinels, { near: true });
    await gloss.idle();
    expect(countMentions(document.body).size).toBe(0);
  });

  it('a sentinel that is not rendered hands its watch to another block of its section', async () => {
    article(200);
    const gloss = await annotated(() => 120);
    const index = (target: Element) => Number(target.id.slice(1));
    const last = document.getElementById('p199') as Element;
    // The last section's first sentinel: the sentinels come two per section, in reading order.
    const firstOfLast = Math.max(...[...near().targets].filter((t) => t !== last).map(index));
    const before = near().targets.size;
    near().report([last], { near: false, rendered: false });
    expect(near().targets.has(last)).toBe(false);
    expect(near().targets.size).toBe(before);
    const stepIn = [...near().targets].filter((t) => index(t) > firstOfLast);
    expect(stepIn).toHaveLength(1);
    expect(hasMark('p199')).toBe(false);
    // A section none of whose blocks is rendered is written: it costs no render.
    for (let round = 0; round < 50; round++) {
      const hidden = [...near().targets].filter((t) => index(t) >= firstOfLast);
      if (hidden.length === 0) break;
      near().report(hidden, { near: false, rendered: false });
    }
    await gloss.idle();
    expect(hasMark('p199')).toBe(true);
    expect(hasMark(`p${firstOfLast}`)).toBe(true);
    expect(hasMark(`p${firstOfLast - 1}`)).toBe(false);
    gloss.stop();
  });

  it('writes what was left once renders turn out cheap after all', async () => {
    article(200, (i) => (i === 120 ? ' So did the Wassenaar Arrangement.' : ''));
    const costs = [120, 120];
    const gloss = await annotated(() => costs.shift() ?? 5);
    expect(written()).toBeLessThan(200);
    // Writing the one section asked for takes a slice that is measured: a cheap render, and
    // the rest follows.
    tick = 20;
    await gloss.revealRun(document.getElementById('p120')?.firstChild as Text);
    await gloss.idle();
    expect(written()).toBe(200);
    expect(near().targets.size).toBe(0);
    gloss.stop();
  });
});

describe('a page that renders cheaply', () => {
  it('is written whole, with nothing watched', async () => {
    article(200);
    const gloss = await annotated(() => 5);
    expect(written()).toBe(200);
    expect(near()?.targets.size ?? 0).toBe(0);
    gloss.stop();
  });

  it('is written whole after one slow render: one is not enough to call a page dear', async () => {
    article(200);
    const costs = [120];
    const gloss = await annotated(() => costs.shift() ?? 5);
    expect(written()).toBe(200);
    gloss.stop();
  });
});

describe('a tab in the background', () => {
  /** An annotator on a page in a tab in the background, its first pass done. */
  const annotatedInBackground = (renderingMs: () => number) => {
    tabVisibility = 'hidden';
    return annotated(renderingMs);
  };
  /** In the first frame of the tab shown, the top of the page reports near the viewport. */
  const topComesNear = async (gloss: Annotator) => {
    near().report([document.getElementById('p0') as Element], { near: true });
    await gloss.idle();
  };

  it('counts every mention but writes none far from the viewport, until the tab is shown', async () => {
    article(200, (i) => (i === 150 ? ' So did the Wassenaar Arrangement.' : ''));
    const gloss = await annotatedInBackground(() => 5);
    expect(written()).toBe(0);
    expect(gloss.mentions().get(CANADA)).toBe(200);
    expect(gloss.mentions().get(WASSENAAR)).toBe(1);
    // Shown: no render was ever measured, so the page cannot be judged yet. Sentinels near the
    // viewport report in the first frame; writing their section shows what renders cost.
    setTabVisibility('visible');
    expect(written()).toBe(0);
    await topComesNear(gloss);
    // Renders are cheap: the rest follows at once.
    expect(written()).toBe(200);
    expect(written(WASSENAAR)).toBe(1);
    expect(near().targets.size).toBe(0);
    gloss.stop();
  });

  it('shown, a page dear to render keeps writing only what comes near', async () => {
    article(200);
    const gloss = await annotatedInBackground(() => 120);
    setTabVisibility('visible');
    await topComesNear(gloss);
    expect(hasMark('p0')).toBe(true);
    expect(written()).toBeLessThan(50);
    expect(hasMark('p199')).toBe(false);
    expect(gloss.mentions().get(CANADA)).toBe(200);
    gloss.stop();
  });

  it('judges the page from the writes near the viewport even when they take one slice', async () => {
    article(200);
    const gloss = await annotatedInBackground(() => 5);
    setTabVisibility('visible');
    // The clock stands still: the section that comes near is written in one slice, the last.
    tick = 0;
    await topComesNear(gloss);
    expect(written()).toBe(200);
    gloss.stop();
  });

  it('takes a slow first frame back for what it is: one more section is written to judge the page', async () => {
    article(200);
    const costs = [150];
    const cheapAfterAll = await annotatedInBackground(() => costs.shift() ?? 5);
    setTabVisibility('visible');
    tick = 0;
    await topComesNear(cheapAfterAll);
    expect(written()).toBe(200);
    cheapAfterAll.stop();

    tick = 5;
    const dear = await annotatedInBackground(() => 150);
    setTabVisibility('visible');
    tick = 0;
    await topComesNear(dear);
    // The section near the viewport and one more, each measured: two long renders, a dear page.
    expect(hasMark('p0')).toBe(true);
    expect(written()).toBeGreaterThan(20);
    expect(written()).toBeLessThan(60);
    expect(hasMark('p199')).toBe(false);
    dear.stop();
  });

  it('on a page known to render cheaply, what came while the tab was away is written once it is back', async () => {
    article(20);
    const gloss = await annotated(() => 5);
    expect(written()).toBe(20);
    setTabVisibility('hidden');
    // An infinite feed goes on appending in the background.
    document.querySelector('article')?.insertAdjacentHTML('beforeend', '<p id="late">Canada spoke last.</p>');
    await Promise.resolve();
    await gloss.idle();
    expect(hasMark('late')).toBe(false);
    expect(gloss.mentions().get(CANADA)).toBe(21);
    setTabVisibility('visible');
    await gloss.idle();
    expect(hasMark('late')).toBe(true);
    expect(gloss.hasUnwritten()).toBe(false);
    gloss.stop();
  });

  it('stop() stops listening for the tab coming back', async () => {
    const added = vi.spyOn(document, 'addEventListener');
    const removed = vi.spyOn(document, 'removeEventListener');
    article(20);
    const gloss = await annotated(() => 5);
    const listener = added.mock.calls.find(([type]) => type === 'visibilitychange')?.[1];
    expect(listener).toBeTypeOf('function');
    gloss.stop();
    expect(removed).toHaveBeenCalledWith('visibilitychange', listener);
  });
});
