import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEAR_AFTER_RENDERS, FRAME_TARGET_MS, MAX_WRITE_SLICE_MS, WriteBudget } from './write-budget';

describe('WriteBudget', () => {
  it('starts at the floor, before any render was measured', () => {
    expect(new WriteBudget(10).ms).toBe(10);
  });

  it('on a page that renders cheaply, writes as long as keeps slice and render in one short frame', () => {
    const budget = new WriteBudget(10);
    budget.observe(10, 6);
    // Until it knows better it takes the render to grow as fast as the writing: (40 - 6) / 2.
    expect(budget.ms).toBe(17);
    // Renders that hardly grow with what was written allow longer slices.
    budget.observe(17, 8);
    expect(budget.ms).toBeCloseTo((FRAME_TARGET_MS - 6) / (1 + 2 / 17));
    expect(budget.ms).toBeGreaterThan(30);
  });

  it('keeps the predicted frame under its target whenever the fixed part leaves room', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.double({ min: 1, max: 60, noNaN: true }), fc.double({ min: 0, max: 39, noNaN: true })), {
          minLength: 1,
          maxLength: 8,
        }),
        (slices) => {
          const budget = new WriteBudget(0);
          let fixed = Number.POSITIVE_INFINITY;
          let perWrite = 1;
          for (const [writing, rendering] of slices) {
            budget.observe(writing, rendering);
            fixed = Math.min(fixed, rendering);
            if (rendering > fixed) perWrite = (rendering - fixed) / writing;
          }
          expect(budget.ms + fixed + perWrite * budget.ms).toBeLessThanOrEqual(FRAME_TARGET_MS + 1e-9);
        },
      ),
    );
  });

  it('never goes below the floor', () => {
    const budget = new WriteBudget(10);
    budget.observe(10, 39);
    expect(budget.ms).toBe(10);
  });

  it('where every render is a long task, writes about as long as a render takes, up to a cap', () => {
    const budget = new WriteBudget(10);
    budget.observe(10, 130);
    expect(budget.ms).toBe(130);
    // A longer render after a longer slice is the growing part, not a dearer fixed part.
    budget.observe(130, 400);
    expect(budget.ms).toBe(130);
    const dearer = new WriteBudget(10);
    dearer.observe(10, 900);
    expect(dearer.ms).toBe(MAX_WRITE_SLICE_MS);
  });

  it('calls a page dear to render only after every one of several renders was a long task', () => {
    const dear = new WriteBudget(10);
    dear.observe(10, 130);
    // One slow render may be a busy moment of the machine.
    expect(dear.dear).toBe(false);
    for (let i = 1; i < DEAR_AFTER_RENDERS; i++) dear.observe(200, 300);
    expect(dear.dear).toBe(true);
    const cheap = new WriteBudget(10);
    cheap.observe(10, 130);
    cheap.observe(10, 12);
    cheap.observe(10, 130);
    expect(cheap.dear).toBe(false);
    expect(new WriteBudget(10).dear).toBe(false);
  });

  it('is undecided only while the renders seen so far were all long and too few to judge', () => {
    const budget = new WriteBudget(10);
    expect(budget.undecided).toBe(true);
    budget.observe(10, 130);
    expect(budget.undecided).toBe(true);
    budget.observe(200, 300);
    expect(budget.undecided).toBe(false);
    const cheap = new WriteBudget(10);
    cheap.observe(10, 12);
    expect(cheap.undecided).toBe(false);
  });

  it('is cheap once one render was short of a long task, and not before any render was seen', () => {
    const budget = new WriteBudget(10);
    expect(budget.cheap).toBe(false);
    budget.observe(10, 130);
    expect(budget.cheap).toBe(false);
    budget.observe(10, FRAME_TARGET_MS - 1);
    expect(budget.cheap).toBe(true);
    expect(budget.dear).toBe(false);
  });
});
