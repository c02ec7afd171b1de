// Wraps ranges of text nodes in marks and takes them out again, remembering what each split node
// held so the page's own node gets back exactly its text; counts the marks. The only user of mark.js.
import Mark from 'mark.js';
import type { EntityType } from '../knowledge/schema';
import { MARK_CLASS } from './dom-contract';
import { NodeSlot } from './node-slot';

/** On every piece of a mention after the first, when a name spans several text nodes. */
const CONTINUED_ATTRIBUTE = 'data-gloss-continued';

/** The nodes one original text node became after wrapping, so it can be put back exactly. */
export interface SplitGroup {
  original: Text;
  data: string;
  /** What we left in the original node; anything else there was written by the page. */
  left: string;
  parts: Node[];
}

/** A mention to wrap, in offsets of the joined data of the nodes it is written into. */
export interface MarkRange {
  start: number;
  length: number;
  entityId: string;
  entityType: EntityType;
}

export class MarkWriter {
  /** Every node of ours (and each original node we split) to its group; marks find their group here. */
  private readonly groups = new NodeSlot<SplitGroup>();
  /** The groups now in force, so that groups whose nodes left the page unseen can be found. */
  private readonly live = new Set<SplitGroup>();
  /** Mentions per entity, kept as marks come and go so that asking costs nothing on huge pages. */
  private readonly counts = new Map<string, number>();

  /** The group a node of ours, or an original node we split, belongs to. */
  groupOf(node: Node): SplitGroup | undefined {
    return this.groups.get(node);
  }

  isOurs(node: Node): boolean {
    return this.groups.has(node);
  }

  /** Mentions per entity in the marks now written; a split name counts once. */
  written(): Map<string, number> {
    return new Map([...this.counts].filter(([, count]) => count > 0));
  }

  /**
   * Wraps `ranges` of the joined text of `nodes`, whose data was `data` when it was read (and
   * still is). An array of text nodes as the context makes mark.js read exactly this text, so our
   * offsets and its offsets agree.
   */
  wrap(nodes: Text[], data: readonly string[], ranges: MarkRange[]): void {
    const followers = nodes.map((node) => node.nextSibling);
    let previous: MarkRange | null = null;
    withSingleNodeIterators(() =>
      new Mark(nodes as unknown as HTMLElement[]).markRanges(ranges, {
        element: 'mark',
        className: MARK_CLASS,
        each: (element: Element, range: unknown) => {
          const markRange = range as MarkRange;
          element.setAttribute('data-entity', markRange.entityId);
          element.setAttribute('data-entity-type', markRange.entityType);
          if (markRange === previous) element.setAttribute(CONTINUED_ATTRIBUTE, '');
          else this.count(markRange.entityId, 1);
          previous = markRange;
        },
      }),
    );
    for (const [i, node] of nodes.entries()) this.recordGroup(node, data[i] as string, followers[i] ?? null);
  }

  /**
   * Removes the nodes we made and puts the original text back into the page's node, unless the
   * page has written its node since: then it keeps what the page wrote.
   */
  restore(group: SplitGroup, text = group.data): void {
    for (const part of group.parts) part.parentNode?.removeChild(part);
    const { original } = group;
    if (original.data === group.left && original.data !== text) original.data = text;
    this.forget(group);
  }

  /** Lets go of a group whose nodes the page took away: they no longer count or hold memory. */
  forget(group: SplitGroup): void {
    if (!this.live.delete(group)) return;
    this.groups.delete(group.original);
    for (const part of group.parts) {
      if (part instanceof Element && !part.hasAttribute(CONTINUED_ATTRIBUTE)) {
        this.count(part.getAttribute('data-entity') ?? '', -1);
      }
      this.groups.delete(part);
      for (const child of part.childNodes) this.groups.delete(child);
    }
  }

  /** Takes out every mark under `scope`; true when there was any. */
  restoreMarksIn(scope: ParentNode): boolean {
    let restored = false;
    for (const mark of scope.querySelectorAll(`mark.${MARK_CLASS}`)) {
      const group = this.groups.get(mark);
      if (group) this.restore(group);
      // A mark whose group was forgotten (its subtree left the page and came back): unwrap it.
      else if (mark.isConnected) mark.replaceWith(...mark.childNodes);
      restored = true;
    }
    return restored;
  }

  /**
   * A subtree left the page with marks in it: its nodes get their own text back (the page may put
   * the subtree back, or read it), and the marks no longer count or hold memory.
   */
  releaseMarksIn(scope: Element): boolean {
    let released = false;
    for (const mark of [...scope.getElementsByClassName(MARK_CLASS)]) {
      const group = this.groups.get(mark);
      if (!group) continue;
      this.restore(group);
      released = true;
    }
    return released;
  }

  /**
   * Groups whose page node left the page without a record that showed it (a subtree taken out of
   * one that had already left). Cheap: one flag per group. True when any was let go.
   */
  releaseDetached(): boolean {
    let released = false;
    for (const group of this.live) {
      if (group.original.isConnected) continue;
      this.restore(group);
      released = true;
    }
    return released;
  }

  private count(entityId: string, delta: number): void {
    this.counts.set(entityId, (this.counts.get(entityId) ?? 0) + delta);
  }

  /** `after` is the sibling that followed the node before wrapping: what lies between is ours. */
  private recordGroup(original: Text, data: string, after: Node | null): void {
    if (original.data === data) return;
    const parts: Node[] = [];
    for (let next = original.nextSibling; next && next !== after; next = next.nextSibling) parts.push(next);
    const group: SplitGroup = { original, data, left: original.data, parts };
    this.groups.set(original, group);
    this.live.add(group);
    for (const part of parts) {
      this.groups.set(part, group);
      if (part instanceof Element) for (const child of part.childNodes) this.groups.set(child, group);
    }
  }
}

/** How many times each entity is mentioned under root; a mention split over elements counts once. */
export function countMentions(root: ParentNode): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mark of root.querySelectorAll(`mark.${MARK_CLASS}:not([${CONTINUED_ATTRIBUTE}])`)) {
    const id = mark.getAttribute('data-entity');
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

/**
 * mark.js reads every context through `document.createNodeIterator` and keeps no handle to let
 * go of it. Chromium keeps each NodeIterator until garbage collection and tells every live one
 * about every node taken out of the document, and wrapping a mention takes one out: with one
 * iterator per text node, the n-th mark cost O(n) (0.4 s of 1.7 s on a 100k-word page). Our
 * contexts are single text nodes, so for the length of our call mark.js gets an iterator over
 * that one node, which nothing has to notify. Content scripts run in their own world, so the
 * page never sees the stand-in.
 */
function withSingleNodeIterators(mark: () => void): void {
  const doc = globalThis.document;
  const own = Object.getOwnPropertyDescriptor(doc, 'createNodeIterator');
  const native = doc.createNodeIterator;
  const createNodeIterator = function (this: Document, root: Node, whatToShow?: number, filter?: NodeFilter | null) {
    if (root.nodeType !== Node.TEXT_NODE) return native.call(this, root, whatToShow, filter);
    return singleNodeIterator(root, filter ?? null);
  };
  try {
    Object.defineProperty(doc, 'createNodeIterator', { value: createNodeIterator, configurable: true, writable: true });
  } catch {
    // A document we cannot shadow (frozen in this world) still works, only slower.
    mark();
    return;
  }
  try {
    mark();
  } finally {
    if (own) Object.defineProperty(doc, 'createNodeIterator', own);
    else delete (doc as { createNodeIterator?: unknown }).createNodeIterator;
  }
}

/** What mark.js uses of a NodeIterator over a lone text node: forwards and back over it. */
function singleNodeIterator(node: Node, filter: NodeFilter | null): Pick<NodeIterator, 'nextNode' | 'previousNode'> {
  const accept = typeof filter === 'function' ? filter : filter ? (n: Node) => filter.acceptNode(n) : null;
  const nodes = !accept || accept(node) === NodeFilter.FILTER_ACCEPT ? [node] : [];
  let position = 0;
  return {
    nextNode: () => (position < nodes.length ? (nodes[position++] ?? null) : null),
    previousNode: () => (position > 0 ? (nodes[--position] ?? null) : null),
  };
}
