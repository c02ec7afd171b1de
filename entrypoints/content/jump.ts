// "Next / previous mention": which mention a jump lands on. Relative to the mention the last jump
// landed on while it is still in the page, else to the top of the viewport (as find-in-page reads
// from where you are); wraps around at both ends.
import { type MentionSlot, mentionSlots, type Unwritten } from './mentions';

export interface JumpTarget {
  head: HTMLElement;
  entityId: string;
  /** 1-based, among `total` mentions of the entity (or of all entities). */
  index: number;
  total: number;
}

export type Direction = 'next' | 'prev';

/** A jump landed on a mention not written yet: its run must be written, then the jump asked again. */
export interface UnwrittenTarget {
  run: Text;
}

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

  /** `unwritten`: the mentions the annotator found and has not written yet, null when there are none. */
  constructor(
    private readonly root: Document,
    private readonly unwritten: () => Unwritten | null = () => null,
  ) {}

  /**
   * The mention a jump lands on, remembered as the next jump's starting point; null when none.
   * Counted among all mentions, written or not; one not written yet is returned as its run.
   */
  target(entityId: string | null, direction: Direction): JumpTarget | UnwrittenTarget | null {
    const all = mentionSlots(this.root, this.unwritten());
    const positions: number[] = [];
    all.forEach((slot, i) => {
      if (entityId === null || entityOf(slot) === entityId) positions.push(i);
    });
    const lastPosition = this.last?.isConnected ? all.findIndex((slot) => slot.head === this.last) : -1;
    const from = lastPosition >= 0 ? { position: lastPosition } : { firstBelowTop: firstBelowTop(all) };
    const index = pickIndex(positions, direction, from);
    if (index < 0) return null;
    const slot = all[positions[index] as number] as MentionSlot;
    if (!slot.head) return { run: slot.run };
    this.last = slot.head;
    return { head: slot.head, entityId: entityOf(slot), index: index + 1, total: positions.length };
  }

  forget(): void {
    this.last = null;
  }
}

const entityOf = (slot: MentionSlot) => (slot.head ? (slot.head.getAttribute('data-entity') ?? '') : slot.entityId);

/** The position of the first mention at or below the viewport's top (all.length when none is). */
function firstBelowTop(all: readonly MentionSlot[]): number {
  // Mentions are in document order, which is mostly top to bottom: a binary search would be
  // wrong on pages laid out in columns, a linear pass costs one layout read per mention.
  const i = all.findIndex((slot) => {
    const rects = (slot.head ?? slot.run.parentElement)?.getClientRects() ?? [];
    return rects.length > 0 && (rects[0] as DOMRect).bottom > 0;
  });
  return i === -1 ? all.length : i;
}
