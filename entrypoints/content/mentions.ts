// Reads the marks the annotator put in the page as mentions: in document order, open shadow roots
// included where their host stands, a name split over several elements counted once.
import { MARK_CLASS, UI_ATTRIBUTE } from '@/lib/annotator/annotator';

/** On every piece of a mention after the first (see the annotator). */
export const CONTINUED_ATTRIBUTE = 'data-gloss-continued';

export function isMark(node: unknown): node is HTMLElement {
  return node instanceof HTMLElement && node.localName === 'mark' && node.classList.contains(MARK_CLASS);
}

/**
 * A mention, in document order: written, as its first mark, or found by the annotator in a run of
 * text it has not written yet (far from the viewport on a page that is dear to render).
 */
export type MentionSlot = { head: HTMLElement; run?: undefined } | { run: Text; entityId: string; head?: undefined };

/** The entities of the mentions found in a run of text and not written yet; none for most text. */
export type Unwritten = (text: Text) => readonly string[] | undefined;

const OUR_UI = `[${UI_ATTRIBUTE}]`;

/** The first piece of every mention under `root`, in document order, shadow roots included. */
export function mentionHeads(root: Document | ShadowRoot | Element): HTMLElement[] {
  return mentionSlots(root, null).map((slot) => slot.head as HTMLElement);
}

/**
 * Every mention under `root` in document order, shadow roots included where their host stands:
 * written ones by their first mark, and, where `unwritten` is given, those not written yet.
 */
export function mentionSlots(root: Document | ShadowRoot | Element, unwritten: Unwritten | null): MentionSlot[] {
  const slots: MentionSlot[] = [];
  const show = unwritten ? NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT : NodeFilter.SHOW_ELEMENT;
  const visit = (scope: Document | ShadowRoot | Element) => {
    const doc = scope instanceof Document ? scope : (scope.ownerDocument ?? document);
    // No filter: a callback for every node of a long page made a jump cost half a second.
    const walker = doc.createTreeWalker(scope, show);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const entityIds = unwritten?.(node as Text);
        if (entityIds) for (const entityId of entityIds) slots.push({ run: node as Text, entityId });
        continue;
      }
      const element = node as Element;
      // Our own UI (the in-page card) is not the page: what it shows is no mention. Asked of marks
      // and shadow hosts only, not of every element.
      if (element.localName === 'mark') {
        if (isMark(element) && !element.hasAttribute(CONTINUED_ATTRIBUTE) && !element.closest(OUR_UI)) {
          slots.push({ head: element });
        }
        continue;
      }
      if (element.shadowRoot && !element.hasAttribute(UI_ATTRIBUTE)) visit(element.shadowRoot);
    }
  };
  visit(root);
  return slots;
}

/** The first piece of the mention `mark` belongs to. */
export function headOf(mark: HTMLElement): HTMLElement {
  if (!mark.hasAttribute(CONTINUED_ATTRIBUTE)) return mark;
  const entity = mark.getAttribute('data-entity');
  const scope = mark.getRootNode() as Document | ShadowRoot;
  const marks = [...scope.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`)];
  for (let i = marks.indexOf(mark) - 1; i >= 0; i--) {
    const candidate = marks[i] as HTMLElement;
    if (candidate.getAttribute('data-entity') !== entity) break;
    if (!candidate.hasAttribute(CONTINUED_ATTRIBUTE)) return candidate;
  }
  return mark;
}

/** Every piece of the mention that starts at `head`. */
export function piecesOf(head: HTMLElement): HTMLElement[] {
  const entity = head.getAttribute('data-entity');
  const scope = head.getRootNode() as Document | ShadowRoot;
  const marks = [...scope.querySelectorAll<HTMLElement>(`mark.${MARK_CLASS}`)];
  const pieces = [head];
  for (let i = marks.indexOf(head) + 1; i < marks.length; i++) {
    const next = marks[i] as HTMLElement;
    if (!next.hasAttribute(CONTINUED_ATTRIBUTE) || next.getAttribute('data-entity') !== entity) break;
    pieces.push(next);
  }
  return pieces;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The box around all the pieces drawn on screen; null when none is (hidden, or gone). */
export function boxOf(pieces: readonly Element[]): Box | null {
  let box: Box | null = null;
  for (const piece of pieces) {
    if (!piece.isConnected) continue;
    for (const r of piece.getClientRects()) {
      if (r.width === 0 && r.height === 0) continue;
      box = box
        ? {
            left: Math.min(box.left, r.left),
            top: Math.min(box.top, r.top),
            right: Math.max(box.right, r.right),
            bottom: Math.max(box.bottom, r.bottom),
          }
        : { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    }
  }
  return box;
}
