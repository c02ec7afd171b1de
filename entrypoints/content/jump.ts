// "Next / previous mention": which mention a jump lands on. Relative to the mention the last jump
// landed on while it is still in the page, else to the top of the viewport (as find-in-page reads
// from where you are); wraps around at both ends.
import { mentionHeads } from './mentions';

export interface JumpTarget {
  head: HTMLElement;
  entityId: string;
  /** 1-based, among `total` mentions of the entity (or of all entities). */
  index: number;
  total: number;
}

export type Direction = 'next' | 'prev';

/**
 * Picks a position in `positions` (ascending positions of the candidates in the full list),
 * relative to `from` (a position in the full list) or, without one, to the viewport's top.
 * Pure, so the wrapping rules have a table test.
 */
export function pickIndex(
  positions: readonly number[],
  direction: Direction,
  from: { position: number } | { firstBelowTop: number },
): number {
  if (positions.length === 0) return -1;
  if ('position' in from) {
    if (direction === 'next') {
      const i = positions.findIndex((p) => p > from.position);
      return i === -1 ? 0 : i;
    }
    const i = positions.findLastIndex((p) => p < from.position);
    return i === -1 ? positions.length - 1 : i;
  }
  // The viewport's top is a caret before the mention at `firstBelowTop` (full-list position).
  if (direction === 'next') {
    const i = positions.findIndex((p) => p >= from.firstBelowTop);
    return i === -1 ? 0 : i;
  }
  const i = positions.findLastIndex((p) => p < from.firstBelowTop);
  return i === -1 ? positions.length - 1 : i;
}

export class Jumper {
  private last: HTMLElement | null = null;

  constructor(private readonly root: Document) {}

  /** The mention a jump lands on, remembered as the next jump's starting point; null when none. */
  target(entityId: string | null, direction: Direction): JumpTarget | null {
    const all = mentionHeads(this.root);
    const positions: number[] = [];
    all.forEach((head, i) => {
      if (entityId === null || head.getAttribute('data-entity') === entityId) positions.push(i);
    });
    const lastPosition = this.last?.isConnected ? all.indexOf(this.last) : -1;
    const from = lastPosition >= 0 ? { position: lastPosition } : { firstBelowTop: firstBelowTop(all) };
    const index = pickIndex(positions, direction, from);
    if (index < 0) return null;
    const head = all[positions[index] as number] as HTMLElement;
    this.last = head;
    return { head, entityId: head.getAttribute('data-entity') ?? '', index: index + 1, total: positions.length };
  }

  forget(): void {
    this.last = null;
  }
}

/** The position of the first mention at or below the viewport's top (all.length when none is). */
function firstBelowTop(all: readonly HTMLElement[]): number {
  // Mentions are in document order, which is mostly top to bottom: a binary search would be
  // wrong on pages laid out in columns, a linear pass costs one layout read per mention.
  const i = all.findIndex((head) => {
    const rects = head.getClientRects();
    return rects.length > 0 && (rects[0] as DOMRect).bottom > 0;
  });
  return i === -1 ? all.length : i;
}
