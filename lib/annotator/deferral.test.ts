// @vitest-environment jsdom
// Deferral alone: runs held in sections of a few screens, their counts, and giving them back when
// a section comes near (a stand-in IntersectionObserver) or is asked for.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StandInIntersectionObserver } from '../../tests/support/stand-in-intersection-observer';
import { Deferral } from './deferral';

const near = () => StandInIntersectionObserver.latest as StandInIntersectionObserver;

/** Paragraphs of 1,000 characters: five make a section. */
function page(count: number) {
  document.body.innerHTML = Array.from({ length: count }, (_, i) => `<p id="p${i}">${'x'.repeat(1000)}</p>`).join('');
  return [...document.querySelectorAll('p')];
}
const textOf = (p: Element) => p.firstChild as Text;

function deferral() {
  const queued: Text[] = [];
  const passes = vi.fn();
  const d = new Deferral({ queue: (text) => queued.push(text), requestPass: passes, watching: () => true });
  return { d, queued, passes };
}

function holdAll(d: Deferral, paragraphs: Element[]) {
  // Asked before each run is held, as the annotator does: the observer is made then.
  expect(d.canHold()).toBe(true);
  for (const p of paragraphs) d.hold(textOf(p), p, 1000, ['country:ca']);
  d.closeSection();
}

beforeEach(() => {
  vi.stubGlobal('IntersectionObserver', StandInIntersectionObserver);
  StandInIntersectionObserver.latest = null;
});
afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = '';
});

describe('Deferral', () => {
  it('holds runs in sections of a few screens, two sentinels each, and counts their mentions', () => {
    const paragraphs = page(20);
    const { d } = deferral();
    expect(d.canHold()).toBe(true);
    holdAll(d, paragraphs);
    expect(d.holding).toBe(true);
    expect(near().targets.size).toBe(8);
    expect([...near().targets].map((t) => t.id)).toEqual(
      expect.arrayContaining(['p0', 'p4', 'p5', 'p9', 'p15', 'p19']),
    );
    const counts = new Map<string, number>();
    d.addCounts(counts);
    expect(counts.get('country:ca')).toBe(20);
    expect(d.heldIn(textOf(paragraphs[7] as Element))).toEqual(['country:ca']);
  });

  it('gives back a section that comes near, and only it', () => {
    const paragraphs = page(20);
    const { d, queued, passes } = deferral();
    holdAll(d, paragraphs);
    near().report([paragraphs[9] as Element], { near: true });
    expect(queued.map((t) => (t.parentNode as Element).id)).toEqual(['p5', 'p6', 'p7', 'p8', 'p9']);
    expect(passes).toHaveBeenCalled();
    expect(near().targets.has(paragraphs[5] as Element)).toBe(false);
    // Written: each run read again is dropped, and an emptied section stops being held.
    for (const text of queued) d.drop(text);
    const counts = new Map<string, number>();
    d.addCounts(counts);
    expect(counts.get('country:ca')).toBe(15);
  });

  it('offers for idle time the section after the one the reader came near, then the nearest above', () => {
    const paragraphs = page(20);
    const { d } = deferral();
    holdAll(d, paragraphs);
    const firstOf = () => [...(d.nextForIdle()?.texts ?? [])].map((t) => (t.parentNode as Element).id)[0];
    expect(firstOf()).toBe('p0');
    near().report([paragraphs[9] as Element], { near: true });
    expect(firstOf()).toBe('p10');
    d.release(d.nextForIdle() as NonNullable<ReturnType<Deferral['nextForIdle']>>);
    expect(firstOf()).toBe('p15');
    d.release(d.nextForIdle() as NonNullable<ReturnType<Deferral['nextForIdle']>>);
    expect(firstOf()).toBe('p0');
  });

  it('hands the watch of a block that is not rendered to another block of its section', () => {
    const paragraphs = page(5);
    const { d, queued } = deferral();
    holdAll(d, paragraphs);
    near().report([paragraphs[4] as Element], { near: false, rendered: false });
    expect(near().targets.has(paragraphs[1] as Element)).toBe(true);
    for (let round = 0; round < 10 && near().targets.size > 0; round++) {
      expect(queued).toHaveLength(0);
      near().report([...near().targets], { near: false, rendered: false });
    }
    // No block of it is rendered: it costs no render, so it is given back.
    expect(queued).toHaveLength(5);
  });

  it('drops runs in a subtree no longer ours, runs that left the page, and everything on clear()', () => {
    const paragraphs = page(10);
    const { d } = deferral();
    holdAll(d, paragraphs);
    expect(d.dropIn(paragraphs[0] as Element)).toBe(true);
    expect(d.heldIn(textOf(paragraphs[0] as Element))).toBeUndefined();
    paragraphs[1]?.remove();
    d.dropDetached();
    const counts = new Map<string, number>();
    d.addCounts(counts);
    expect(counts.get('country:ca')).toBe(8);
    expect(d.clear()).toBe(true);
    expect(d.holding).toBe(false);
    expect(near().targets.size).toBe(0);
  });

  it('holds nothing where nothing can tell it when runs come near', () => {
    vi.stubGlobal('IntersectionObserver', undefined);
    expect(deferral().d.canHold()).toBe(false);
    const unwatched = new Deferral({ queue: () => {}, requestPass: () => {}, watching: () => false });
    vi.stubGlobal('IntersectionObserver', StandInIntersectionObserver);
    expect(unwatched.canHold()).toBe(false);
  });
});
