// Reads the page's text in runs: text nodes joined across inline elements, split at blocks and at
// elements that are not ours to read, skipping runs read before that have not changed since.
import { blockAround, isExcludedElement, isInline, isInsideExcluded } from './elements';
import type { SplitGroup } from './writer';

const HAS_LETTER = /[\p{L}\p{N}]/u;
/** At most this many runs are read for the first, visible pass. */
const VIEWPORT_RUN_LIMIT = 400;

/** Consecutive text nodes that read as one run of text (no block or excluded element between). */
export interface Run {
  nodes: Text[];
  /** The data of each node when the run was read; a changed node makes the run stale. */
  data: string[];
  /** Offsets in the joined data where a <br> stands: read as a line break, so "Samantha<br>Power" is one name. */
  breaks: number[];
  /** The data joined. */
  text: string;
  /** It held marks of ours, taken out to read it again: the page changed it. */
  hadMarks: boolean;
}

export interface RunReaderHooks {
  /** The split group a node of ours, or a node we split, belongs to. */
  groupOf(node: Node): SplitGroup | undefined;
  /** Takes out the marks of a run that is read again because the page changed it. */
  unwrite(groups: Set<SplitGroup>): void;
  /** A run now reads as nothing (its words removed): what it held for later goes. */
  readAsNothing(nodes: Text[]): void;
  /** An element met on the way, which may host a shadow root. */
  host(el: Element): void;
  /** The page moved the nodes being read: the subtree under `start` is to be read again. */
  readAgain(start: Node): void;
}

export class RunReader {
  /** Text nodes the page added or changed since they were last read. */
  private readonly dirty = new WeakSet<Text>();
  /**
   * Text nodes of runs that were read and had no mention, with the text they had. Such a run is
   * not read again while its text stays the same: a name met later (in "Samantha Power") must not
   * turn an earlier bare "Power" into a mention on the next pass, or annotating twice would give
   * other marks than annotating once. Replaced by forgetReads(), which starts over.
   */
  private readWithoutMentions = new WeakMap<Text, string>();

  constructor(
    private readonly root: Element | Document | ShadowRoot,
    private readonly hooks: RunReaderHooks,
  ) {}

  /** New text must be read even where the run around it was wrapped before. */
  markDirty(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      this.dirty.add(node as Text);
      return;
    }
    const walker = (node.ownerDocument ?? document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) this.dirty.add(text as Text);
  }

  /** The run was matched and held no mention: it is not read again while its text stays. */
  readWithout(run: Run): void {
    for (const [i, node] of run.nodes.entries()) this.readWithoutMentions.set(node, run.data[i] as string);
  }

  /** Every run is new again (the marks were all taken out). */
  forgetReads(): void {
    this.readWithoutMentions = new WeakMap();
  }

  /**
   * The runs of text from the top of the viewport down to its bottom, read before any is
   * wrapped so that measuring them costs one layout.
   */
  visible(): Run[] {
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const view = doc.defaultView;
    if (!view) return [];
    const anchor = doc.elementFromPoint(view.innerWidth / 2, Math.min(40, view.innerHeight / 10));
    if (!anchor || !this.root.contains(anchor)) return [];
    const visible: Run[] = [];
    for (const run of this.read(this.root, blockAround(anchor, this.root))) {
      const top = run.nodes[0]?.parentElement?.getBoundingClientRect().top ?? 0;
      if (top > view.innerHeight || visible.length >= VIEWPORT_RUN_LIMIT) break;
      visible.push(run);
    }
    return visible;
  }

  /**
   * Reads the runs of text under `start` (from `from` on, when given). A run that was wrapped
   * before and has not changed since is skipped; a run where the page added or changed text is
   * read again as a whole, after its old marks are taken out, so a name that now spans old and
   * new text is still found. Lazy, so a long page is read in slices too.
   */
  *read(start: Node, from?: Node): Generator<Run> {
    const { hooks } = this;
    if (!start.isConnected || isInsideExcluded(start, this.root)) return;
    if (start instanceof Element && start !== this.root) {
      if (isExcludedElement(start)) return;
      // The walker below sees only what is under `start`: an element the page added is read here.
      hooks.host(start);
    }
    const doc = start.ownerDocument ?? (start as Document);
    let nodes: Text[] = [];
    let breaks: number[] = [];
    let runLength = 0;
    let lineBreakPending = false;
    let touched = new Set<SplitGroup>();
    let changed = false;
    let currentBlock: Node | null = null;
    let brokenSinceLastText = false;
    const blockCache = new Map<Node, Node>();
    // A loop, not recursion: a page can nest inline elements thousands deep.
    const blockOf = (node: Node): Node => {
      const path: Node[] = [];
      let current = node;
      let block: Node | undefined = blockCache.get(current);
      while (!block) {
        if (current === start || !isInline(current) || !current.parentNode) {
          block = current;
          break;
        }
        path.push(current);
        current = current.parentNode;
        block = blockCache.get(current);
      }
      blockCache.set(current, block);
      for (const inline of path) blockCache.set(inline, block);
      return block;
    };
    const finishRun = (): Run | null => {
      let run: Run | null = null;
      const known = touched.size === 0 && !changed && nodes.every((n) => this.readWithoutMentions.get(n) === n.data);
      if (nodes.length > 0 && !known && (changed || touched.size === 0)) {
        if (touched.size > 0) hooks.unwrite(touched);
        const data = nodes.map((n) => n.data);
        const text = data.join('');
        if (HAS_LETTER.test(text)) run = { nodes, data, breaks, text, hadMarks: touched.size > 0 };
      }
      if (!run) hooks.readAsNothing(nodes);
      nodes = [];
      breaks = [];
      runLength = 0;
      lineBreakPending = false;
      // Most runs touch nothing: their empty set serves the next run.
      if (touched.size > 0) touched = new Set();
      changed = false;
      return run;
    };
    // No filter function: the walker would call into it for every node of the page. Elements are
    // looked at here instead, and a subtree that is not ours to read is stepped over.
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    if (from) walker.currentNode = from;
    for (let node = walker.nextNode(); node; ) {
      if (node.nodeType !== Node.TEXT_NODE) {
        const el = node as Element;
        const group = hooks.groupOf(el);
        if (group) {
          // One of our marks: its text belongs to the run of the group's original node.
          touched.add(group);
          node = nextOutside(walker);
          continue;
        }
        if (isExcludedElement(el)) {
          brokenSinceLastText = true;
          node = nextOutside(walker);
          continue;
        }
        hooks.host(el);
        if (el.localName === 'br') lineBreakPending = true;
        else if (!isInline(el)) brokenSinceLastText = true;
        node = walker.nextNode();
        continue;
      }
      const text = node as Text;
      const block = text.parentNode ? blockOf(text.parentNode) : null;
      if (brokenSinceLastText || block !== currentBlock) {
        const run = finishRun();
        if (run) {
          yield run;
          // The page may have run meanwhile; a walker left on a detached node would stop early.
          if (!text.isConnected) {
            hooks.readAgain(start);
            return;
          }
        }
        currentBlock = block;
      }
      brokenSinceLastText = false;
      const group = hooks.groupOf(text);
      node = walker.nextNode();
      if (group && text !== group.original) {
        touched.add(group);
        continue;
      }
      if (lineBreakPending && nodes.length > 0) breaks.push(runLength);
      lineBreakPending = false;
      // A node the page added (or moved here) makes the run new, even where it holds our marks.
      if (this.dirty.has(text)) {
        this.dirty.delete(text);
        changed = true;
      }
      if (group) {
        touched.add(group);
        runLength += group.data.length;
      } else {
        runLength += text.data.length;
      }
      nodes.push(text);
    }
    const last = finishRun();
    if (last) yield last;
  }
}

/** The node after the walker's current one and all it contains, or null past the walker's root. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/**
 * The run's text as a reader sees it, with a line break where each <br> stands, and the way back
 * from its offsets to offsets in the joined text nodes, which is what mark.js wraps.
 */
export function withLineBreaks(
  joined: string,
  breaks: readonly number[],
): { text: string; toReal: (at: number) => number } {
  if (breaks.length === 0) return { text: joined, toReal: (at) => at };
  let text = '';
  let last = 0;
  for (const at of breaks) {
    text += `${joined.slice(last, at)}\n`;
    last = at;
  }
  text += joined.slice(last);
  const toReal = (at: number) => {
    let before = 0;
    while (before < breaks.length && (breaks[before] as number) + before < at) before++;
    return at - before;
  };
  return { text, toReal };
}
