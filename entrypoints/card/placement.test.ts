import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Placement, placeCard, type Rect, type Size } from './placement';

const VIEWPORT: Size = { width: 1000, height: 800 };
const CARD: Size = { width: 360, height: 300 };
const rect = (left: number, top: number, width = 80, height = 20): Rect => ({
  left,
  top,
  right: left + width,
  bottom: top + height,
});

/** The card's box as drawn: its height is what it needs, cut to the room it was given. */
function box(placement: Placement, card: Size): Rect {
  const height = Math.min(card.height, placement.maxHeight);
  return {
    left: placement.left,
    top: placement.top,
    right: placement.left + placement.width,
    bottom: placement.top + height,
  };
}

const intersects = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('placeCard', () => {
  it.each([
    // [what, anchor, expected side, expected left, expected top]
    ['room below', rect(100, 100), 'below', 100, 126],
    ['near the bottom: above', rect(100, 700), 'above', 100, 394],
    ['near the right edge: pulled left', rect(900, 100), 'below', 632, 126],
    ['near the left edge: kept off it', rect(2, 100), 'below', 8, 126],
    ['bottom right corner', rect(950, 760, 40, 20), 'above', 632, 454],
    ['top of the viewport', rect(300, 0), 'below', 300, 26],
  ] as const)('%s', (_, anchor, side, left, top) => {
    const placement = placeCard(anchor, CARD, VIEWPORT);
    expect(placement).toMatchObject({ side, left, top, width: 360, overlaps: false });
    const drawn = box(placement, CARD);
    expect(intersects(drawn, anchor)).toBe(false);
    expect(drawn.bottom).toBeLessThanOrEqual(VIEWPORT.height - 8);
    expect(drawn.top).toBeGreaterThanOrEqual(8);
  });

  it('shrinks the card on the side with more room when neither side fits it whole', () => {
    const tall: Size = { width: 360, height: 600 };
    const low = placeCard(rect(100, 500), tall, VIEWPORT);
    expect(low).toMatchObject({ side: 'above', maxHeight: 486, top: 8, overlaps: false });
    const high = placeCard(rect(100, 200), tall, VIEWPORT);
    expect(high).toMatchObject({ side: 'below', maxHeight: 566, top: 226, overlaps: false });
  });

  it('is as wide as the viewport allows on a narrow one', () => {
    const placement = placeCard(rect(10, 100), CARD, { width: 300, height: 800 });
    expect(placement).toMatchObject({ left: 8, width: 284 });
  });

  it('covers the anchor only when it leaves no room on either side', () => {
    const huge = rect(0, 20, 1000, 760);
    const placement = placeCard(huge, CARD, VIEWPORT);
    expect(placement.overlaps).toBe(true);
    const drawn = box(placement, CARD);
    expect(drawn.top).toBeGreaterThanOrEqual(8);
    expect(drawn.bottom).toBeLessThanOrEqual(792);
  });

  it('never covers the anchor and stays in the viewport, wherever the anchor is (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 320, max: 2000 }),
        fc.integer({ min: 300, max: 1400 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 1400 }),
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 8, max: 60 }),
        fc.integer({ min: 40, max: 900 }),
        (vw, vh, x, y, w, h, cardHeight) => {
          const viewport = { width: vw, height: vh };
          const anchor = rect(Math.min(x, vw - 1), Math.min(y, vh - h), w, h);
          const card = { width: 360, height: cardHeight };
          const placement = placeCard(anchor, card, viewport);
          const drawn = box(placement, card);
          expect(drawn.left).toBeGreaterThanOrEqual(8);
          expect(drawn.right).toBeLessThanOrEqual(vw - 8);
          expect(drawn.top).toBeGreaterThanOrEqual(8);
          expect(drawn.bottom).toBeLessThanOrEqual(vh - 8);
          if (!placement.overlaps) expect(intersects(drawn, anchor)).toBe(false);
          // Overlap is the last resort: only when both sides are short of the minimum.
          if (placement.overlaps) {
            expect(anchor.top - 6 - 8).toBeLessThan(120);
            expect(vh - 8 - (anchor.bottom + 6)).toBeLessThan(120);
          }
        },
      ),
    );
  });
});
