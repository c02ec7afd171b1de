// Wraps mentions found by the matcher in <mark class="gloss-mark"> elements, keeps them right
// while the page changes, and takes them out again leaving the page's own nodes as they were.
// The only module that touches page nodes and the only one that uses mark.js.
import Mark from 'mark.js';
import type { EntityType } from '../knowledge/schema';
import type { MentionContext, TextMatcher } from '../matcher/matcher';
import { MARK_CLASS, UI_ATTRIBUTE } from './dom-contract';
import { WriteBudget } from './write-budget';

export { MARK_CLASS, UI_ATTRIBUTE };

/** On every piece of a mention after the first, when a name spans several text nodes. */
const CONTINUED_ATTRIBUTE = 'data-gloss-continued';

// Text inside these is code, form state, not rendered, or not ours to decorate.
const EXCLUDED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
  'audio',
  'video',
  'mark',
]);

// Inline elements do not end a run of text: "<b>Antony</b> Blinken" reads as one name.
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'nobr',
  'q',
  'ruby',
  'rb',
  'rt',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'acronym',
]);

const HAS_LETTER = /[\p{L}\p{N}]/u;

function isInline(node: Node): boolean {
  return node instanceof Element && INLINE_TAGS.has(node.localName);
}

export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.localName)) return true;
  if (el.hasAttribute(UI_ATTRIBUTE) || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * Only HTML pages are ours to highlight. Raw XML is shown by the browser's own viewer, built from
 * the document (and kept in it for others to read); an SVG file is a drawing.
 */
export function isHtmlDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' || doc.contentType === 'application/xhtml+xml';
}

function isInsideExcluded(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
    if (el === root) return false;
  }
  return false;
}

/** Consecutive text nodes that read as one run of text (no block or excluded element between). */
interface Chunk {
  nodes: Text[];
  /** The data of each node when the chunk was read; a changed node makes the chunk stale. */
  data: string[];
  /** Offsets in the joined data where a <br> stands: read as a line break, so "Samantha<br>Power" is one name. */
  breaks: number[];
  /** The data joined. */
  text: string;
  /** It held marks of ours, taken out to read it again: the page changed it. */
  hadMarks: boolean;
}

/** The nodes one original text node became after wrapping, so it can be put back exactly. */
interface SplitGroup {
  original: Text;
  data: string;
  /** What we left in the original node; anything else there was written by the page. */
  left: string;
  parts: Node[];
}

/**
 * Consecutive runs of text far from the viewport, found to hold mentions and not written yet, on
 * a page where every render is a long task. They are written when one of their sentinel blocks
 * comes within NEAR_SCREENS of the viewport. One section is a few screens of text, so a page of a
 * million words needs about a thousand targets observed, not one per paragraph (with 36,000
 * targets the observer alone added 50 ms to every frame of a scroll).
 */
interface Section {
  /** The first text node of each run, each holding its Deferred. */
  texts: Set<Text>;
  /** The blocks of its runs, in reading order; two of them are observed at a time. */
  blocks: Element[];
  /** Observed for coming near: the first block, and the last block added. */
  sentinels: Element[];
  /** The next block to observe instead of a sentinel that is not rendered. */
  nextCandidate: number;
  /** Characters of text read into it. */
  size: number;
  /** Came near (or was asked for): its runs are written when read again. */
  released: boolean;
}

interface Deferred {
  section: Section;
  /** The entity of each mention found in the run. */
  entityIds: string[];
}

interface MarkRange {
  start: number;
  length: number;
  entityId: string;
  entityType: EntityType;
}

export interface AnnotatorOptions {
  matcher: TextMatcher;
  /** Called after a batch of marks was added or removed. */
  onChange?: () => void;
  /** Time budget of one slice of work before yielding to the page, in ms. */
  sliceMs?: number;
  /** The highlight styles, adopted by open shadow roots, which the page's styles do not reach. */
  shadowStyles?: string;
  /**
   * What rendering our last writes cost the page, in ms, measured on the next frame; null where
   * frames cannot be measured. Measured in the page by default; tests without layout give theirs.
   */
  measureRendering?: () => Promise<number | null>;
}

/**
 * Lets the page run (input, rendering, its own tasks) before the next slice. A message task
 * is not clamped like nested timers, so slices follow each other without idle gaps.
 */
function yieldToPage(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Waits for the next frame and returns how long the page then took to render (style, layout,
 * paint): the time from the frame's callbacks to the next task. Null where that cannot be
 * measured: no frames (hidden tab, offscreen frame, no DOM rendering), or none within `limitMs`.
 */
function renderingCost(view: (Window & typeof globalThis) | null, limitMs: number): Promise<number | null> {
  if (!view || typeof view.requestAnimationFrame !== 'function' || view.document.visibilityState === 'hidden') {
    return yieldToPage().then(() => null);
  }
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      view.cancelAnimationFrame(frame);
      resolve(null);
    }, limitMs);
    const frame = view.requestAnimationFrame(() => {
      clearTimeout(timer);
      const renderingStarts = performance.now();
      void yieldToPage().then(() => resolve(performance.now() - renderingStarts));
    });
  });
}

/** One writing slice in this many waits for its frame, to learn what rendering costs. */
const MEASURE_EVERY = 4;
/** A frame that does not come within this is not waited for again (a throttled frame). */
const FRAME_WAIT_LIMIT_MS = 250;

const OBSERVED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  // The attributes that decide whether an element's text is ours to mark.
  attributes: true,
  attributeFilter: ['hidden', 'aria-hidden', 'contenteditable'],
};

/**
 * A value kept on nodes, under a symbol of its own: what a WeakMap from node to value does, at
 * less than half the cost. With a WeakMap (a hash for each new node, weak entries for the garbage
 * collector to trace), recording a mark's nodes took 6 µs of the 57 µs of script per mark on a
 * million-word page. In a content script the property sits on our own world's view of the node,
 * which the page cannot see.
 */
class NodeSlot<T> {
  private readonly key = Symbol('gloss');

  get(node: Node): T | undefined {
    return (node as unknown as Record<symbol, T | undefined>)[this.key];
  }

  has(node: Node): boolean {
    return this.get(node) !== undefined;
  }

  set(node: Node, value: T): void {
    (node as unknown as Record<symbol, T | undefined>)[this.key] = value;
  }

  /** Set to undefined, not deleted: deleting a property would make every node object slower. */
  delete(node: Node): void {
    if (this.has(node)) (node as unknown as Record<symbol, T | undefined>)[this.key] = undefined;
  }
}

/** Stands in the work queue for "the runs of text visible now", read before the rest. */
const VIEWPORT = Symbol('viewport');
/** At most this many runs are read for the first, visible pass. */
const VIEWPORT_RUN_LIMIT = 400;
/** A page that removes our marks gets them back this many times, later each time, then no more. */
const MAX_FIGHTS = 3;
const FIGHT_BACKOFF_MS = 250;
/**
 * When custom elements read without a shadow root are looked at again, after the page last
 * changed: a page that defines its elements late attaches their shadow roots then, and no mutation
 * record tells. After the last delay they are looked at again only when the page changes.
 */
const LATE_SHADOW_DELAYS_MS = [500, 2000, 8000, 30000];
/** Runs far from the viewport are written when they come within this many screens of it. */
const NEAR_SCREENS = 3;
/** Characters of text in one section: about two screens of an article column. */
const SECTION_SIZE = 5000;

export class Annotator {
  private readonly matcher: TextMatcher;
  private readonly onChange: () => void;
  private readonly sliceMs: number;
  private readonly shadowStyles: string | undefined;
  private readonly measureRendering: () => Promise<number | null>;
  /** One annotator per open shadow root met on the page, each with its own observer. */
  private readonly shadows = new Map<ShadowRoot, { annotator: Annotator; sheet: CSSStyleSheet | null }>();
  private context: MentionContext = new Set();
  /** Mentions per entity, kept as marks come and go so that asking costs nothing on huge pages. */
  private readonly counts = new Map<string, number>();
  /** Every node of ours (and each original node we split) to its group; marks find their group here. */
  private readonly groupOf = new NodeSlot<SplitGroup>();
  /** The groups now in force, so that groups whose nodes left the page unseen can be found. */
  private readonly live = new Set<SplitGroup>();
  /** Text nodes the page added or changed since they were last read. */
  private readonly dirty = new WeakSet<Text>();
  /**
   * Text nodes of runs that were read and had no mention, with the text they had. Such a run is
   * not read again while its text stays the same: a name met later (in "Samantha Power") must not
   * turn an earlier bare "Power" into a mention on the next pass, or annotating twice would give
   * other marks than annotating once. Replaced by clear(), which starts over.
   */
  private readWithoutMentions = new WeakMap<Text, string>();
  private observer: MutationObserver | null = null;
  /** False in documents that are not HTML pages: then the annotator does nothing at all. */
  private readonly readable: boolean;
  /** How often the page removed our marks from an element; past a few times we leave it alone. */
  private readonly fights = new WeakMap<Node, number>();
  private readonly retries = new Set<ReturnType<typeof setTimeout>>();
  /**
   * Custom elements read without a shadow root (see LATE_SHADOW_DELAYS_MS). Only custom elements:
   * they are what a page upgrades late, and watching every div of a long page would cost too much.
   */
  private readonly shadowless = new Set<Element>();
  private lateShadowCheck: { timer: ReturnType<typeof setTimeout>; step: number } | null = null;
  private readonly pending = new Set<Node | typeof VIEWPORT>();
  private running: Promise<void> | null = null;
  /** Bumped by clear(): slices of an older run stop instead of writing. */
  private generation = 0;
  private readonly writeBudget: WriteBudget;
  private writeSlices = 0;
  /** The page removed nodes since mentions() last looked for groups that left with them. */
  private nodesMayHaveLeft = false;
  /** False once frames stopped coming (throttled): then slices just yield. */
  private framesMeasurable = true;
  /** Sections holding runs not written yet. */
  private readonly sections = new Set<Section>();
  /** The section the next far run joins. */
  private openSection: Section | null = null;
  /** The runs a section holds, on their first text node. */
  private readonly deferredOf = new NodeSlot<Deferred>();
  /** Mentions per entity in runs not written yet. */
  private readonly deferredCounts = new Map<string, number>();
  /** Sentinel blocks to the sections they watch for. */
  private readonly sectionsOf = new Map<Element, Set<Section>>();
  private near: IntersectionObserver | null = null;
  /** revealAll() is under way: nothing is left for later. */
  private writingAll = false;
  /**
   * In a background tab (or a minimised window): nothing is seen, and no render is measured.
   * Kept from the page's visibility events, since every run read asks.
   */
  private hidden = false;
  private readonly onVisibilityChange = () => {
    this.readVisibility();
    this.shown();
  };

  constructor(
    private readonly root: Element | Document | ShadowRoot,
    options: AnnotatorOptions,
  ) {
    this.matcher = options.matcher;
    this.onChange = options.onChange ?? (() => {});
    this.sliceMs = options.sliceMs ?? 10;
    this.writeBudget = new WriteBudget(this.sliceMs);
    this.shadowStyles = options.shadowStyles;
    this.measureRendering = options.measureRendering ?? (() => renderingCost(this.view, FRAME_WAIT_LIMIT_MS));
    this.readable = isHtmlDocument(root.ownerDocument ?? (root as Document));
  }

  private get view(): (Window & typeof globalThis) | null {
    return (this.root.ownerDocument ?? (this.root as Document)).defaultView;
  }

  private readVisibility(): void {
    this.hidden = this.view?.document.visibilityState === 'hidden';
  }

  /**
   * Highlights the whole root, what is on screen first on long pages, in slices that yield to
   * the page; then keeps up with changes until stop(). Resolves when the first pass is done.
   */
  start(): Promise<void> {
    if (!this.readable) return Promise.resolve();
    this.observe();
    this.readVisibility();
    this.view?.document.addEventListener('visibilitychange', this.onVisibilityChange);
    if (this.isLongPage()) this.pending.add(VIEWPORT);
    this.pending.add(this.root);
    return this.schedule();
  }

  /** Stops watching and removes every mark, in shadow roots too. */
  stop(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.view?.document.removeEventListener('visibilitychange', this.onVisibilityChange);
    for (const timer of this.retries) clearTimeout(timer);
    this.retries.clear();
    if (this.lateShadowCheck) clearTimeout(this.lateShadowCheck.timer);
    this.lateShadowCheck = null;
    this.shadowless.clear();
    this.clear();
    this.near?.disconnect();
    this.near = null;
    for (const [shadow, { annotator, sheet }] of this.shadows) {
      annotator.stop();
      if (sheet) shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
    }
    this.shadows.clear();
  }

  /** Resolves when no work is queued, here or in any shadow root. */
  async idle(): Promise<void> {
    // A pass that ends with work queued starts the next as it ends: wait for that one too.
    while (this.running) await this.running;
    await Promise.all([...this.shadows.values()].map(({ annotator }) => annotator.idle()));
  }

  /** Mentions per entity under the root and its shadow roots; a split name counts once. */
  mentions(): Map<string, number> {
    // Only a removal can detach our nodes, and only a page's removal record can show one: walking
    // every mark for detached ones costs O(marks), too much for each badge report on a huge page.
    this.takePageRecords();
    if (this.nodesMayHaveLeft) {
      this.nodesMayHaveLeft = false;
      this.releaseDetached();
    }
    const counts = new Map([...this.counts].filter(([, count]) => count > 0));
    for (const [id, count] of this.deferredCounts) if (count > 0) counts.set(id, (counts.get(id) ?? 0) + count);
    for (const { annotator } of this.shadows.values()) {
      for (const [id, count] of annotator.mentions()) counts.set(id, (counts.get(id) ?? 0) + count);
    }
    return counts;
  }

  /**
   * Writes every run not written yet, wherever it is, and resolves when all are in the page. For
   * whoever needs every mark at once (the benchmark checks them against the matcher's count).
   */
  async revealAll(): Promise<void> {
    await this.idle();
    // Runs read again meanwhile (the page changed them) are written too, not left once more.
    this.writingAll = true;
    try {
      for (const section of [...this.sections]) this.release(section);
      if (this.pending.size > 0) void this.schedule();
      await Promise.all([...this.shadows.values()].map(({ annotator }) => annotator.revealAll()));
      await this.idle();
    } finally {
      this.writingAll = false;
    }
  }

  /** Whether any mention found is not written yet, here or in a shadow root. */
  hasUnwritten(): boolean {
    return this.sections.size > 0 || [...this.shadows.values()].some(({ annotator }) => annotator.hasUnwritten());
  }

  /** The entities of the mentions found in the run that starts at `text` and not written yet. */
  unwrittenIn(text: Text): readonly string[] | undefined {
    // Asked of every text node of the page for each jump: the common answer must cost no walk up.
    const deferred = this.deferredOf.get(text);
    if (deferred) return text.isConnected ? deferred.entityIds : undefined;
    if (this.shadows.size === 0) return undefined;
    const root = text.getRootNode();
    return root instanceof ShadowRoot && root !== this.root
      ? this.shadows.get(root)?.annotator.unwrittenIn(text)
      : undefined;
  }

  /** Writes the run that starts at `text` (and its section), and resolves when it is in the page. */
  async revealRun(text: Text): Promise<void> {
    const root = text.getRootNode();
    if (root instanceof ShadowRoot && root !== this.root) {
      await this.shadows.get(root)?.annotator.revealRun(text);
      return;
    }
    const deferred = this.deferredOf.get(text);
    if (deferred) this.release(deferred.section);
    if (this.pending.size > 0) void this.schedule();
    await this.idle();
  }

  private enterShadow(shadow: ShadowRoot): void {
    const annotator = new Annotator(shadow, {
      matcher: this.matcher,
      onChange: this.onChange,
      sliceMs: this.sliceMs,
      shadowStyles: this.shadowStyles,
      measureRendering: this.measureRendering,
    });
    let sheet: CSSStyleSheet | null = null;
    if (this.shadowStyles && typeof CSSStyleSheet !== 'undefined' && 'adoptedStyleSheets' in shadow) {
      try {
        sheet = new CSSStyleSheet();
        sheet.replaceSync(this.shadowStyles);
        shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
      } catch {
        // Marks still work unstyled where constructed sheets are not supported.
        sheet = null;
      }
    }
    this.shadows.set(shadow, { annotator, sheet });
    void annotator.start();
  }

  /** A tree walker does not enter shadow roots: each open one gets an annotator of its own. */
  private readHost(el: Element): void {
    if (!this.observer) return;
    if (el.shadowRoot) {
      if (!this.shadows.has(el.shadowRoot)) this.enterShadow(el.shadowRoot);
    } else if (el.localName.includes('-')) {
      this.shadowless.add(el);
      this.watchLateShadows();
    }
  }

  /** Looks at the shadowless custom elements again soon: the page is changing, or new ones were read. */
  private watchLateShadows(): void {
    if (this.lateShadowCheck?.step === 0 || this.shadowless.size === 0) return;
    if (this.lateShadowCheck) clearTimeout(this.lateShadowCheck.timer);
    this.scheduleLateShadowCheck(0);
  }

  private scheduleLateShadowCheck(step: number): void {
    const timer = setTimeout(() => {
      this.lateShadowCheck = null;
      if (!this.observer) return;
      this.enterLateShadows();
      const next = step + 1;
      if (next < LATE_SHADOW_DELAYS_MS.length && this.shadowless.size > 0) this.scheduleLateShadowCheck(next);
    }, LATE_SHADOW_DELAYS_MS[step]);
    this.lateShadowCheck = { timer, step };
  }

  private enterLateShadows(): void {
    for (const el of this.shadowless) {
      // Gone, or moved into another root, whose annotator reads it there.
      if (!el.isConnected || !this.root.contains(el)) this.shadowless.delete(el);
      else if (el.shadowRoot) {
        this.shadowless.delete(el);
        const excluded = isExcludedElement(el) || isInsideExcluded(el, this.root);
        if (!excluded && !this.shadows.has(el.shadowRoot)) this.enterShadow(el.shadowRoot);
      }
    }
  }

  /** Highlights a subtree at once, in one task. Used for small roots and by tests. */
  annotate(node: Node = this.root): void {
    if (!this.readable) return;
    for (const chunk of this.readChunks(this.blockAround(node))) this.wrapChunk(chunk);
  }

  /** Restores every node the annotator split; the DOM is as it was before. */
  clear(): void {
    this.takePageRecords();
    this.generation++;
    this.pending.clear();
    const dropped = this.dropDeferred();
    const changed = this.restoreMarksIn(this.root) || dropped;
    this.context = new Set();
    this.readWithoutMentions = new WeakMap();
    this.discardOwnRecords();
    if (changed) this.onChange();
  }

  private restoreMarksIn(scope: ParentNode): boolean {
    let restored = false;
    for (const mark of scope.querySelectorAll(`mark.${MARK_CLASS}`)) {
      const group = this.groupOf.get(mark);
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
  private releaseMarksIn(scope: Element): boolean {
    let released = false;
    for (const mark of [...scope.getElementsByClassName(MARK_CLASS)]) {
      const group = this.groupOf.get(mark);
      if (!group) continue;
      this.restore(group);
      released = true;
    }
    return released;
  }

  /**
   * Groups whose page node left the page without a record that showed it (a subtree taken out of
   * one that had already left). Cheap: one flag per group, and only asked when counts are read.
   */
  private releaseDetached(): void {
    for (const section of this.sections) {
      for (const text of section.texts) if (!text.isConnected) this.undefer(text);
    }
    let released = false;
    for (const group of this.live) {
      if (group.original.isConnected) continue;
      this.restore(group);
      released = true;
    }
    if (released) this.discardOwnRecords();
  }

  private observe(): void {
    if (this.observer || typeof MutationObserver === 'undefined') return;
    this.observer = new MutationObserver((records) => this.handleRecords(records));
    this.observer.observe(this.root, OBSERVED);
  }

  /**
   * Makes our own writes without the observer: the page cannot run in the middle of them, and a
   * record for each split and insertion (five per mark) would only be thrown away. The page's
   * records up to now must have been taken first.
   */
  private unobserved(write: () => void): void {
    const observer = this.observer;
    if (!observer) {
      write();
      return;
    }
    observer.disconnect();
    try {
      write();
    } finally {
      observer.observe(this.root, OBSERVED);
    }
  }

  private schedule(): Promise<void> {
    if (this.running) return this.running;
    // Known as running before the pass starts: its first steps, before it ever yields, may
    // queue work (page records read on the way) and ask for a pass, which must not start a second.
    let settle: { resolve: () => void; reject: (reason: unknown) => void } | undefined;
    this.running = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const { resolve, reject } = settle as NonNullable<typeof settle>;
    this.drain()
      .finally(() => {
        this.running = null;
        // Records that arrived during the last slice were queued after the loop ended.
        if (this.pending.size > 0) void this.schedule();
      })
      .then(resolve, reject);
    return this.running;
  }

  private async drain(): Promise<void> {
    const generation = this.generation;
    // Compiling the pattern cannot be cut into slices: a cold matcher gets steps of their own.
    // A warm one starts at once, so that marks taken out and put back (a setting changed) are
    // never seen missing.
    while (!this.matcher.warm) {
      await yieldToPage();
      if (generation !== this.generation) return;
      this.matcher.warmUp();
    }
    let sliceStart = performance.now();
    let wrote = false;
    let deferred = false;
    /** Lets the page run; false when clear() began another generation meanwhile. */
    const endSlice = async (): Promise<boolean> => {
      await this.yieldAfter(wrote, performance.now() - sliceStart);
      wrote = false;
      sliceStart = performance.now();
      return generation === this.generation;
    };
    for (let next = this.takePending(); next !== null; next = this.takePending()) {
      const chunks = next === VIEWPORT ? this.visibleChunks() : this.readChunks(next);
      for (const chunk of chunks) {
        if (generation !== this.generation) return;
        // A text in a script met for the first time compiles its pattern: in tasks of its own.
        if (this.matcher.wouldCompile(chunk.text)) {
          if (!(await endSlice())) return;
          for (let step = this.matcher.prepare(chunk.text); step !== false; step = this.matcher.prepare(chunk.text)) {
            await (step === true ? yieldToPage() : step);
            if (generation !== this.generation) return;
          }
          sliceStart = performance.now();
        }
        if (next !== VIEWPORT && this.isFar(chunk)) deferred = this.defer(chunk) || deferred;
        else wrote = this.wrapChunk(chunk) || wrote;
        const elapsed = performance.now() - sliceStart;
        if (elapsed > this.sliceMs && (!wrote || elapsed > this.writeBudget.ms) && !(await endSlice())) return;
      }
      // What is on screen is shown before anything else is read.
      if (next === VIEWPORT && wrote && !(await endSlice())) return;
    }
    // The section left open may have lost all its runs meanwhile (read again and written).
    if (this.openSection?.texts.size === 0) this.retire(this.openSection);
    this.openSection = null;
    if (this.sections.size > 0 && this.writeBudget.undecided && this.framesMeasurable && !this.hidden) {
      // A page first seen in a background tab has had no render measured, and its first frames
      // back render everything anew: the last writes are measured too, and while that is not
      // enough to judge the page, one more section is written (and this comes back here).
      if (wrote && !(await endSlice())) return;
      const unwritten = [...this.sections].find((section) => !section.released);
      if (unwritten && this.writeBudget.undecided) this.release(unwritten);
    }
    if (wrote || deferred) this.onChange();
  }

  /**
   * Lets the page run. After writes, waits for the page to render them and sizes the next
   * writing slice by what that cost; reading alone changes nothing to render.
   */
  private async yieldAfter(wrote: boolean, sliceMs: number): Promise<void> {
    if (wrote) this.onChange();
    // Waiting for a frame leaves the page idle until it comes, so only some slices measure.
    // Until a page that rendered slowly once is known to be dear or not, every slice measures.
    const slice = wrote ? this.writeSlices++ : 0;
    const measure = wrote && this.framesMeasurable && (this.writeBudget.undecided || slice % MEASURE_EVERY === 0);
    if (!measure) {
      await yieldToPage();
      return;
    }
    const hiddenBefore = this.hidden;
    const rendering = await this.measureRendering();
    if (rendering === null) {
      // No frame came to a page seen all along: frames are throttled here, not just hidden.
      if (!hiddenBefore && !this.hidden) this.framesMeasurable = false;
      return;
    }
    this.writeBudget.observe(sliceMs, rendering);
    // Renders turned out cheap after all: what was left for later is written now (what was
    // released already is on its way: asking again would read its blocks twice).
    if (this.writeBudget.cheap) for (const section of this.sections) if (!section.released) this.release(section);
  }

  /**
   * Queues the run of text around a changed node. Queued by block, so a burst of changes inside
   * one paragraph (a framework adding fifty spans) reads it once, not once per change.
   */
  private queue(node: Node): void {
    if (node.isConnected) this.pending.add(this.blockAround(node));
  }

  private takePending(): Node | typeof VIEWPORT | null {
    for (const next of this.pending) {
      this.pending.delete(next);
      return next;
    }
    return null;
  }

  /** Pages taller than a couple of screens get their visible part highlighted first. */
  private isLongPage(): boolean {
    const view = this.view;
    const doc = view?.document;
    if (!view || !doc?.documentElement || typeof doc.elementFromPoint !== 'function') return false;
    return doc.documentElement.scrollHeight > 2 * view.innerHeight;
  }

  /**
   * The runs of text from the top of the viewport down to its bottom, read before any is
   * wrapped so that measuring them costs one layout.
   */
  private visibleChunks(): Chunk[] {
    const doc = this.root.ownerDocument ?? (this.root as Document);
    const view = doc.defaultView;
    if (!view) return [];
    const anchor = doc.elementFromPoint(view.innerWidth / 2, Math.min(40, view.innerHeight / 10));
    if (!anchor || !this.root.contains(anchor)) return [];
    const visible: Chunk[] = [];
    for (const chunk of this.readChunks(this.root, this.blockAround(anchor))) {
      const top = chunk.nodes[0]?.parentElement?.getBoundingClientRect().top ?? 0;
      if (top > view.innerHeight || visible.length >= VIEWPORT_RUN_LIMIT) break;
      visible.push(chunk);
    }
    return visible;
  }

  /**
   * Reads the runs of text under `start` (from `from` on, when given). A run that was wrapped
   * before and has not changed since is skipped; a run where the page added or changed text is
   * read again as a whole, after its old marks are taken out, so a name that now spans old and
   * new text is still found. Lazy, so a long page is read in slices too.
   */
  private *readChunks(start: Node, from?: Node): Generator<Chunk> {
    if (!start.isConnected || isInsideExcluded(start, this.root)) return;
    if (start instanceof Element && start !== this.root) {
      if (isExcludedElement(start)) return;
      // The walker below sees only what is under `start`: an element the page added is read here.
      this.readHost(start);
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
    const finishRun = (): Chunk | null => {
      let chunk: Chunk | null = null;
      const known = touched.size === 0 && !changed && nodes.every((n) => this.readWithoutMentions.get(n) === n.data);
      if (nodes.length > 0 && !known && (changed || touched.size === 0)) {
        if (touched.size > 0) {
          this.takePageRecords();
          for (const group of touched) this.restore(group);
          this.discardOwnRecords();
        }
        const data = nodes.map((n) => n.data);
        const text = data.join('');
        if (HAS_LETTER.test(text)) chunk = { nodes, data, breaks, text, hadMarks: touched.size > 0 };
      }
      // A run left for later that now reads as nothing (its words removed) holds no mention.
      if (!chunk && this.sections.size > 0) for (const node of nodes) this.undefer(node);
      nodes = [];
      breaks = [];
      runLength = 0;
      lineBreakPending = false;
      // Most runs touch nothing: their empty set serves the next run.
      if (touched.size > 0) touched = new Set();
      changed = false;
      return chunk;
    };
    // No filter function: the walker would call into it for every node of the page. Elements are
    // looked at here instead, and a subtree that is not ours to read is stepped over.
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    if (from) walker.currentNode = from;
    for (let node = walker.nextNode(); node; ) {
      if (node.nodeType !== Node.TEXT_NODE) {
        const el = node as Element;
        const group = this.groupOf.get(el);
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
        this.readHost(el);
        if (el.localName === 'br') lineBreakPending = true;
        else if (!isInline(el)) brokenSinceLastText = true;
        node = walker.nextNode();
        continue;
      }
      const text = node as Text;
      const block = text.parentNode ? blockOf(text.parentNode) : null;
      if (brokenSinceLastText || block !== currentBlock) {
        const chunk = finishRun();
        if (chunk) {
          yield chunk;
          // The page may have run meanwhile; a walker left on a detached node would stop early.
          if (!text.isConnected) {
            this.pending.add(start);
            return;
          }
        }
        currentBlock = block;
      }
      brokenSinceLastText = false;
      const group = this.groupOf.get(text);
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

  /** The nearest element around `node` that starts a run of text of its own. */
  private blockAround(node: Node): Node {
    let current = node;
    while (current !== this.root && current.parentNode && (current.nodeType === Node.TEXT_NODE || isInline(current))) {
      current = current.parentNode;
    }
    return current;
  }

  /** Wraps the mentions of one chunk; false when it had none or went stale. */
  private wrapChunk(chunk: Chunk): boolean {
    const ranges = this.mentionsIn(chunk);
    if (ranges.length === 0) return false;
    const { nodes, data } = chunk;
    const followers = nodes.map((node) => node.nextSibling);
    let previous: MarkRange | null = null;
    // An array of text nodes as the context makes mark.js read exactly this chunk's text,
    // so our offsets and its offsets agree.
    this.unobserved(() =>
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
      ),
    );
    for (const [i, node] of nodes.entries()) this.recordGroup(node, data[i] as string, followers[i] ?? null);
    return true;
  }

  /**
   * The mentions in a chunk, as ranges of its text; none when it has none or went stale. Whatever
   * this run held before, not written, is dropped: it is being read again now.
   */
  private mentionsIn(chunk: Chunk): MarkRange[] {
    const { nodes, data } = chunk;
    // Page changes not yet seen are handled first: they may make this chunk stale.
    this.takePageRecords();
    if (this.sections.size > 0) for (const node of nodes) this.undefer(node);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Text;
      if (!node.isConnected || node.data !== data[i] || this.groupOf.has(node)) return [];
    }
    const { text, toReal } = withLineBreaks(chunk.text, chunk.breaks);
    const matches = this.matcher.find(text, this.context);
    if (matches.length === 0) {
      for (const [i, node] of nodes.entries()) this.readWithoutMentions.set(node, data[i] as string);
    }
    return matches.map((m) => ({
      start: toReal(m.start),
      length: toReal(m.end) - toReal(m.start),
      entityId: m.entityId,
      entityType: m.entityType,
    }));
  }

  /**
   * Whether a run is left for later: on a page where every render is a long task, or in a tab
   * nobody sees, a run not yet known to be near the viewport. On the first, writing it would cost
   * a long frame of its own while nobody can see it; on the second, work (and memory) for a page
   * that may never be looked at, and one render of every mark when it is. It is written when it
   * comes within a few screens, or, on a page that renders cheaply, once the tab is shown.
   */
  private isFar(chunk: Chunk): boolean {
    // A run that was written and changed by the page is written again at once: left for later,
    // its highlights would blink out for a frame where the reader may be looking.
    if (chunk.hadMarks || this.writingAll || !(this.writeBudget.dear || this.hidden) || !this.nearObserver()) {
      return false;
    }
    for (const node of chunk.nodes) {
      if (this.deferredOf.get(node)?.section.released) return false;
    }
    return true;
  }

  /** Reads a far run's mentions, to count them, and leaves it to a section. */
  private defer(chunk: Chunk): boolean {
    const ranges = this.mentionsIn(chunk);
    const first = chunk.nodes[0];
    const block = first ? this.blockAround(first) : null;
    if (!first || !(block instanceof Element) || ranges.length === 0) return false;
    let section = this.openSection;
    if (!section || section.released || (section.size >= SECTION_SIZE && section.blocks.at(-1) !== block)) {
      section = { texts: new Set(), blocks: [], sentinels: [], nextCandidate: 1, size: 0, released: false };
      this.openSection = section;
      this.sections.add(section);
      this.watch(section, block);
    }
    if (section.blocks.at(-1) !== block) {
      section.blocks.push(block);
      // The last block is watched too, so that the section comes near from below as well.
      const last = section.sentinels[1];
      if (section.blocks.length > 1) {
        if (last) this.unwatch(section, last);
        this.watch(section, block);
      }
    }
    section.size += chunk.text.length;
    section.texts.add(first);
    const entityIds = ranges.map((range) => range.entityId);
    this.deferredOf.set(first, { section, entityIds });
    for (const id of entityIds) this.deferredCounts.set(id, (this.deferredCounts.get(id) ?? 0) + 1);
    return true;
  }

  /** Drops what a run held, not written; it is being read again or left the page. */
  private undefer(text: Text): void {
    const deferred = this.deferredOf.get(text);
    if (!deferred) return;
    this.deferredOf.delete(text);
    for (const id of deferred.entityIds) this.deferredCounts.set(id, (this.deferredCounts.get(id) ?? 1) - 1);
    const { section } = deferred;
    section.texts.delete(text);
    if (section.texts.size === 0 && section !== this.openSection) this.retire(section);
  }

  /**
   * The tab came to the front. Sections near the viewport are written as their sentinels report
   * in its first frame; the renders of those writes tell whether the page is dear (a page never
   * seen has had no render measured). On a page known to render cheaply, all are written now.
   */
  private shown(): void {
    if (this.hidden || !this.writeBudget.cheap) return;
    for (const section of [...this.sections]) if (!section.released) this.release(section);
    if (this.pending.size > 0) void this.schedule();
  }

  /** A section came near, or was asked for: its runs are read again, and written. */
  private release(section: Section): void {
    // Asked for again (a jump, revealAll()) while still holding runs: those are read again too.
    if (!section.released) {
      section.released = true;
      if (this.openSection === section) this.openSection = null;
      for (const sentinel of [...section.sentinels]) this.unwatch(section, sentinel);
    }
    // A run that left the page unseen (no removal record for it was read yet) is dropped here.
    for (const text of [...section.texts]) {
      if (text.isConnected) this.queue(text);
      else this.undefer(text);
    }
    if (section.texts.size === 0) this.retire(section);
  }

  private retire(section: Section): void {
    for (const sentinel of [...section.sentinels]) this.unwatch(section, sentinel);
    this.sections.delete(section);
  }

  /** Forgets the runs not written in `scope`, which is no longer ours to mark; true when there were any. */
  private dropDeferredIn(scope: Node): boolean {
    if (this.sections.size === 0) return false;
    if (scope.nodeType === Node.TEXT_NODE) {
      const held = this.deferredOf.has(scope as Text);
      this.undefer(scope as Text);
      return held;
    }
    let dropped = false;
    const walker = (scope.ownerDocument ?? document).createTreeWalker(scope, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      if (!this.deferredOf.has(text as Text)) continue;
      this.undefer(text as Text);
      dropped = true;
    }
    return dropped;
  }

  /** Forgets every run not written; true when there were any. */
  private dropDeferred(): boolean {
    const had = this.sections.size > 0;
    for (const section of this.sections) {
      for (const text of section.texts) this.deferredOf.delete(text);
      for (const sentinel of section.sentinels) this.sectionsOf.get(sentinel)?.delete(section);
    }
    this.sections.clear();
    this.openSection = null;
    this.deferredCounts.clear();
    this.near?.disconnect();
    this.sectionsOf.clear();
    return had;
  }

  private watch(section: Section, block: Element): void {
    section.sentinels.push(block);
    let watched = this.sectionsOf.get(block);
    if (!watched) {
      watched = new Set();
      this.sectionsOf.set(block, watched);
      this.near?.observe(block);
    }
    watched.add(section);
  }

  private unwatch(section: Section, block: Element): void {
    section.sentinels = section.sentinels.filter((sentinel) => sentinel !== block);
    const watched = this.sectionsOf.get(block);
    if (!watched?.delete(section) || watched.size > 0) return;
    this.sectionsOf.delete(block);
    this.near?.unobserve(block);
  }

  /** The observer of sentinels, made on first use; null where there is none (no layout, old browsers). */
  private nearObserver(): IntersectionObserver | null {
    if (this.near) return this.near;
    if (typeof IntersectionObserver === 'undefined' || !this.observer) return null;
    this.near = new IntersectionObserver((entries) => this.onNear(entries), {
      rootMargin: `${NEAR_SCREENS * 100}% 0px`,
    });
    return this.near;
  }

  private onNear(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const watched = this.sectionsOf.get(entry.target);
      if (!watched) continue;
      for (const section of [...watched]) {
        if (entry.isIntersecting) {
          this.release(section);
          continue;
        }
        const { width, height } = entry.boundingClientRect;
        if (width > 0 || height > 0) continue;
        // Not rendered (display: none), so it never comes near: another block of the section
        // watches instead; a section with none rendered is written, where it costs no render.
        this.unwatch(section, entry.target);
        const candidate = section.blocks
          .slice(section.nextCandidate)
          .find((block) => !section.sentinels.includes(block));
        section.nextCandidate = candidate ? section.blocks.indexOf(candidate) + 1 : section.blocks.length;
        if (candidate) this.watch(section, candidate);
        else if (section.sentinels.length === 0) this.release(section);
      }
    }
    if (this.pending.size > 0) void this.schedule();
  }

  /** `after` is the sibling that followed the node before wrapping: what lies between is ours. */
  private recordGroup(original: Text, data: string, after: Node | null): void {
    if (original.data === data) return;
    const parts: Node[] = [];
    for (let next = original.nextSibling; next && next !== after; next = next.nextSibling) parts.push(next);
    const group: SplitGroup = { original, data, left: original.data, parts };
    this.groupOf.set(original, group);
    this.live.add(group);
    for (const part of parts) {
      this.groupOf.set(part, group);
      if (part instanceof Element) for (const child of part.childNodes) this.groupOf.set(child, group);
    }
  }

  /**
   * Removes the nodes we made and puts the original text back into the page's node, unless the
   * page has written its node since: then it keeps what the page wrote.
   */
  private restore(group: SplitGroup, text = group.data): void {
    for (const part of group.parts) part.parentNode?.removeChild(part);
    const { original } = group;
    if (original.data === group.left && original.data !== text) original.data = text;
    this.forget(group);
  }

  private forget(group: SplitGroup): void {
    if (!this.live.delete(group)) return;
    this.groupOf.delete(group.original);
    for (const part of group.parts) {
      if (part instanceof Element && !part.hasAttribute(CONTINUED_ATTRIBUTE)) {
        this.count(part.getAttribute('data-entity') ?? '', -1);
      }
      this.groupOf.delete(part);
      for (const child of part.childNodes) this.groupOf.delete(child);
    }
  }

  private handleRecords(records: MutationRecord[]): void {
    let changed = false;
    for (const record of records) {
      const target = record.target;
      if (record.type === 'attributes') {
        changed = this.handleExclusionChange(target as Element) || changed;
        continue;
      }
      if (record.type === 'characterData') {
        const group = this.groupOf.get(target);
        if (group) {
          // The page rewrote text we had split. Its node must show exactly what it wrote:
          // our fragments go, and the node is read again.
          if (target === group.original) {
            this.restore(group, group.original.data);
            // The page wrote back the very text it had: it undoes our marks. A fight.
            const parent = group.original.parentNode;
            if (parent && group.original.data === group.data && group.data.trim() !== '') {
              this.backOff(parent);
              changed = true;
              continue;
            }
          } else {
            // The page wrote into one of our fragments (it walked into our nodes): keep all it shows.
            const text = [group.original, ...group.parts].map((n) => n.textContent ?? '').join('');
            group.left = group.original.data;
            this.restore(group, text);
          }
          changed = true;
          this.dirty.add(group.original);
          this.queue(group.original);
        } else if (target.parentNode) {
          this.dirty.add(target as Text);
          this.queue(target);
        }
        continue;
      }
      if (record.removedNodes.length > 0) this.nodesMayHaveLeft = true;
      for (const removed of record.removedNodes) {
        const group = this.groupOf.get(removed);
        if (!group) {
          // A subtree that moved within the page keeps its marks (its run is read again as added).
          if (removed instanceof Element && !removed.isConnected) changed = this.releaseMarksIn(removed) || changed;
          continue;
        }
        changed = true;
        if (removed === group.original) {
          // The page took away its own node (a framework re-rendering): the rest of its old text
          // lives on in our fragments, which must go with it, back into the node.
          const data = group.data;
          this.restore(group);
          // Put back with the very text it had: the page undoes our marks (`el.textContent =
          // el.textContent` as they appear), it does not show anything new. That is a fight.
          if (data.trim() !== '' && addedText(record).includes(data)) this.backOff(record.target);
          else this.queue(record.target);
        } else {
          this.forget(group);
          // The page took away one of our marks: its text stays as the page left it, and the
          // element is read again only a few times, later each time, so neither side loops.
          this.backOff(record.target);
        }
      }
      for (const added of record.addedNodes) {
        if (this.groupOf.has(added)) continue;
        if (added instanceof Element && added.classList.contains(MARK_CLASS)) continue;
        // Text the page moved into an editor, a hidden box or code: our marks must go, and what
        // was left for later no longer counts.
        const intoExcluded =
          (added instanceof Element && isExcludedElement(added)) || isInsideExcluded(added, this.root);
        if (intoExcluded) changed = this.dropDeferredIn(added) || changed;
        if (intoExcluded && added instanceof Element && added.getElementsByClassName(MARK_CLASS).length > 0) {
          changed = this.restoreMarksIn(added) || changed;
          continue;
        }
        this.markDirty(added);
        // Where the page fights our marks, only the backed-off retry reads it again.
        if (!this.fights.has(record.target)) this.queue(added);
      }
    }
    this.discardOwnRecords();
    if (changed) this.onChange();
    if (this.pending.size > 0) void this.schedule();
    this.watchLateShadows();
  }

  /**
   * An element became editable or hidden (its marks must go, so nothing of ours ends up in what
   * the user edits or submits), or stopped being so (its text is read again).
   */
  private handleExclusionChange(element: Element): boolean {
    if (!element.isConnected) return false;
    if (isExcludedElement(element) || isInsideExcluded(element, this.root)) {
      const dropped = this.dropDeferredIn(element);
      return this.restoreMarksIn(element) || dropped;
    }
    this.queue(element);
    return false;
  }

  private count(entityId: string, delta: number): void {
    this.counts.set(entityId, (this.counts.get(entityId) ?? 0) + delta);
  }

  private backOff(element: Node): void {
    const fights = (this.fights.get(element) ?? 0) + 1;
    this.fights.set(element, fights);
    if (fights > MAX_FIGHTS) return;
    const timer = setTimeout(
      () => {
        this.retries.delete(timer);
        if (!this.observer) return;
        this.queue(element);
        void this.schedule();
      },
      FIGHT_BACKOFF_MS * 2 ** fights,
    );
    this.retries.add(timer);
  }

  /** New text must be read even where the run around it was wrapped before. */
  private markDirty(node: Node): void {
    if (node.nodeType === Node.TEXT_NODE) {
      this.dirty.add(node as Text);
      return;
    }
    const walker = (node.ownerDocument ?? document).createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) this.dirty.add(text as Text);
  }

  /** Page mutations queued before we write must be handled, not dropped with ours. */
  private takePageRecords(): void {
    if (!this.observer) return;
    const records = this.observer.takeRecords();
    if (records.length > 0) this.handleRecords(records);
  }

  private discardOwnRecords(): void {
    this.observer?.takeRecords();
  }
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

/** The node after the walker's current one and all it contains, or null past the walker's root. */
function nextOutside(walker: TreeWalker): Node | null {
  for (;;) {
    const sibling = walker.nextSibling();
    if (sibling) return sibling;
    if (!walker.parentNode()) return null;
  }
}

/** The text a childList record put in, in order. */
function addedText(record: MutationRecord): string {
  let text = '';
  for (const node of record.addedNodes) text += node.textContent ?? '';
  return text;
}

/**
 * The run's text as a reader sees it, with a line break where each <br> stands, and the way back
 * from its offsets to offsets in the joined text nodes, which is what mark.js wraps.
 */
function withLineBreaks(joined: string, breaks: readonly number[]): { text: string; toReal: (at: number) => number } {
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

/** How many times each entity is mentioned under root; a mention split over elements counts once. */
export function countMentions(root: ParentNode): Map<string, number> {
  const counts = new Map<string, number>();
  for (const mark of root.querySelectorAll(`mark.${MARK_CLASS}:not([${CONTINUED_ATTRIBUTE}])`)) {
    const id = mark.getAttribute('data-entity');
    if (id) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}
