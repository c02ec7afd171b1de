// The scheduler alone: one pass at a time over its queue, slices sized by the write budget.
import { describe, expect, it } from 'vitest';
import { Scheduler, type SchedulerOptions, VIEWPORT } from './scheduler';

function scheduler(options: Partial<SchedulerOptions> = {}) {
  const settled: number[] = [];
  const s: Scheduler = new Scheduler({
    pass: async () => {
      while (s.take() !== null) await Promise.resolve();
    },
    sliceMs: 10,
    measureRendering: () => Promise.resolve(120),
    hidden: () => false,
    onSettled: () => settled.push(s.generation),
    ...options,
  });
  return { s, settled };
}

describe('Scheduler', () => {
  it('runs one pass at a time, and says when it settled with nothing queued', async () => {
    let passes = 0;
    const { s, settled } = scheduler({
      pass: async () => {
        passes++;
        while (s.take() !== null) await Promise.resolve();
      },
    });
    s.add(VIEWPORT);
    const first = s.schedule();
    expect(s.schedule()).toBe(first);
    expect(s.busy).toBe(true);
    await s.settled();
    expect(passes).toBe(1);
    expect(s.busy).toBe(false);
    expect(settled).toEqual([0]);
  });

  it('takes work in the order it came, once each', () => {
    const { s } = scheduler();
    const a = {} as Node;
    const b = {} as Node;
    s.add(VIEWPORT);
    s.add(a);
    s.add(b);
    s.add(a);
    expect([s.take(), s.take(), s.take(), s.take()]).toEqual([VIEWPORT, a, b, null]);
  });

  it('restart() forgets the queue and starts a new generation', () => {
    const { s } = scheduler();
    s.add(VIEWPORT);
    s.restart();
    expect(s.hasPending).toBe(false);
    expect(s.generation).toBe(1);
  });

  it('ends reading slices at the slice time, writing slices at the write budget', async () => {
    const { s } = scheduler();
    expect(s.sliceOver(10, false)).toBe(false);
    expect(s.sliceOver(11, false)).toBe(true);
    // Before any render is measured, writing slices are as short as reading ones.
    expect(s.sliceOver(11, true)).toBe(true);
    // Two slow renders: the page is dear, and a writing slice may run as long as a render.
    for (let i = 0; i < 2; i++) expect(await s.yieldAfter(true, 10)).toBe(true);
    expect(s.writeBudget.dear).toBe(true);
    expect(s.sliceOver(100, true)).toBe(false);
    expect(s.sliceOver(121, true)).toBe(true);
  });

  it('keeps the writing slices of a pass in idle time within the idle period, for that pass only', async () => {
    const { s } = scheduler();
    for (let i = 0; i < 2; i++) await s.yieldAfter(true, 10);
    s.capWrites(30);
    expect(s.sliceOver(31, true)).toBe(true);
    s.add(VIEWPORT);
    await s.schedule();
    expect(s.sliceOver(31, true)).toBe(false);
  });

  it('yields without measuring after a slice that only read, and stops measuring where frames do not come', async () => {
    let measured = 0;
    const { s } = scheduler({
      measureRendering: () => {
        measured++;
        return Promise.resolve(null);
      },
    });
    expect(await s.yieldAfter(false, 10)).toBe(false);
    expect(measured).toBe(0);
    expect(await s.yieldAfter(true, 10)).toBe(false);
    expect(measured).toBe(1);
    expect(s.framesMeasurable).toBe(false);
    await s.yieldAfter(true, 10);
    expect(measured).toBe(1);
  });
});
