// Where the in-page card goes, given what it is about: pure geometry, in viewport pixels.
//
// The card never covers what it describes: it goes below the highlight, or above it when there is
// more room there, and shrinks (it scrolls inside) when neither side fits it whole. It stays inside
// the viewport with a margin on every side.

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Size {
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  width: number;
  /** The most the card may be tall here; it scrolls past that. */
  maxHeight: number;
  side: 'below' | 'above';
  /** Only when the viewport has no room on either side: the card then covers part of the anchor. */
  overlaps: boolean;
}

export interface PlacementOptions {
  /** Kept free between the card and the viewport's edges. */
  margin?: number;
  /** Between the anchor and the card. */
  gap?: number;
  /** Less room than this on both sides and the card may cover the anchor rather than be unreadable. */
  minHeight?: number;
}

const clamp = (value: number, min: number, max: number) => Math.max(min, Math.min(value, max));

export function placeCard(anchor: Rect, card: Size, viewport: Size, options: PlacementOptions = {}): Placement {
  const margin = options.margin ?? 8;
  const gap = options.gap ?? 6;
  const minHeight = options.minHeight ?? 120;
  const width = Math.max(0, Math.min(card.width, viewport.width - 2 * margin));
  const left = clamp(anchor.left, margin, viewport.width - margin - width);
  const roomBelow = viewport.height - margin - (anchor.bottom + gap);
  const roomAbove = anchor.top - gap - margin;
  const fitsBelow = card.height <= roomBelow;
  const fitsAbove = card.height <= roomAbove;

  if (fitsBelow || (!fitsAbove && roomBelow >= roomAbove && roomBelow >= minHeight)) {
    return { left, top: anchor.bottom + gap, width, maxHeight: roomBelow, side: 'below', overlaps: false };
  }
  if (fitsAbove || roomAbove >= minHeight) {
    const height = Math.min(card.height, roomAbove);
    return { left, top: anchor.top - gap - height, width, maxHeight: roomAbove, side: 'above', overlaps: false };
  }
  // A huge anchor (or one mostly off screen): be readable inside the viewport, whatever it covers.
  const maxHeight = Math.max(0, viewport.height - 2 * margin);
  const height = Math.min(card.height, maxHeight);
  const top = clamp(anchor.bottom + gap, margin, viewport.height - margin - height);
  return { left, top, width, maxHeight, side: 'below', overlaps: true };
}
