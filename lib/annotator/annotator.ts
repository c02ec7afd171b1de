// Highlights the mentions the matcher finds in a page, keeps them right while the page changes,
// and takes them out again leaving the page's own nodes as they were: the one class the content
// script uses, composing reading (runs), writing (writer), timing (scheduler), what is left for
// later (deferral, idle-writer), the page's changes (watcher) and shadow roots (shadows).
import type { MentionContext, TextMatcher } from '../matcher/matcher';
import { Deferral } from './deferral';
import { MARK_CLASS, UI_ATTRIBUTE } from './dom-contract';
import { blockAround, isHtmlDocument } from './elements';
import { IdleWriter } from './idle-writer';
import { type Run, RunReader, withLineBreaks } from './runs';
import { FRAME_WAIT_LIMIT_MS, renderingCost, Scheduler, VIEWPORT, type Work, yieldToPage } from './scheduler';
import { Shadows } from './shadows';
import { Watcher } from './watcher';
import { type MarkRange, MarkWriter } from './writer';

export { isExcludedElement, isHtmlDocument } from './elements';
export { countMentions } from './writer';
export { MARK_CLASS, UI_ATTRIBUTE };

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

export class Annotator {
  private readonly matcher: TextMatcher;
  private readonly onChange: () => void;
  private context: MentionContext = new Set();
  /** False in documents that are not HTML pages: then the annotator does nothing at all. */
  private readonly readable: boolean;
  private readonly writer = new MarkWriter();
  private readonly reader: RunReader;
  private readonly scheduler: Scheduler;
  private readonly deferral: Deferral;
  private readonly idleWriter: IdleWriter;
  private readonly watcher: Watcher;
  private readonly shadows: Shadows;
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
    this.idleWriter.setHidden(this.hidden);
  };

  constructor(
    private readonly root: Element | Document | ShadowRoot,
    options: AnnotatorOptions,
  ) {
    this.matcher = options.matcher;
    const onChange = options.onChange ?? (() => {});
    this.onChange = onChange;
    const sliceMs = options.sliceMs ?? 10;
    const measureRendering = options.measureRendering ?? (() => renderingCost(this.view, FRAME_WAIT_LIMIT_MS));
    const doc = root.ownerDocument ?? (root as Document);
    this.readable = isHtmlDocument(doc);
    this.scheduler = new Scheduler({
      pass: () => this.drain(),
      sliceMs,
      measureRendering,
      hidden: () => this.hidden,
      onSettled: () => this.idleWriter.wake(),
    });
    this.shadows = new Shadows(root, {
      annotatorFor: (shadow) =>
        new Annotator(shadow, {
          matcher: this.matcher,
          onChange,
          sliceMs,
          shadowStyles: options.shadowStyles,
          measureRendering,
        }),
      styles: options.shadowStyles,
      watching: () => this.watcher.watching,
    });
    this.deferral = new Deferral({
      queue: (text) => this.queue(text),
      requestPass: () => this.requestPass(),
      watching: () => this.watcher.watching,
    });
    this.idleWriter = new IdleWriter({
      doc,
      hasWork: () => this.deferral.firstHeld() !== undefined,
      write: (ms) => this.writeWhileIdle(ms),
    });
    this.reader = new RunReader(root, {
      groupOf: (node) => this.writer.groupOf(node),
      unwrite: (groups) => {
        this.watcher.takePageRecords();
        for (const group of groups) this.writer.restore(group);
        this.watcher.discardOwnRecords();
      },
      readAsNothing: (nodes) => this.deferral.dropAll(nodes),
      host: (el) => this.shadows.readHost(el),
      readAgain: (start) => this.scheduler.add(start),
    });
    this.watcher = new Watcher(root, this.reader, this.writer, {
      dropHeldIn: (scope) => this.deferral.dropIn(scope),
      queue: (node) => this.queue(node),
      requestPass: () => this.requestPass(),
      schedule: () => void this.scheduler.schedule(),
      changed: onChange,
      pageChanged: () => this.shadows.pageChanged(),
    });
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
   * What is left for later on a page dear to render is written in the page's idle time.
   */
  start(): Promise<void> {
    if (!this.readable) return Promise.resolve();
    this.watcher.start();
    this.readVisibility();
    this.idleWriter.setHidden(this.hidden);
    this.view?.document.addEventListener('visibilitychange', this.onVisibilityChange);
    if (this.isLongPage()) this.scheduler.add(VIEWPORT);
    this.scheduler.add(this.root);
    return this.scheduler.schedule();
  }

  /** Stops watching and removes every mark, in shadow roots too. */
  stop(): void {
    this.watcher.stop();
    this.idleWriter.stop();
    this.view?.document.removeEventListener('visibilitychange', this.onVisibilityChange);
    this.shadows.stopWatching();
    this.clear();
    this.deferral.stop();
    this.shadows.stop();
  }

  /** Resolves when no work is queued, here or in any shadow root. */
  async idle(): Promise<void> {
    await this.scheduler.settled();
    await this.shadows.idle();
  }

  /** Mentions per entity under the root and its shadow roots; a split name counts once. */
  mentions(): Map<string, number> {
    // Only a removal can detach our nodes, and only a page's removal record can show one: walking
    // every mark for detached ones costs O(marks), too much for each badge report on a huge page.
    this.watcher.takePageRecords();
    if (this.watcher.takeNodesMayHaveLeft()) {
      this.deferral.dropDetached();
      if (this.writer.releaseDetached()) this.watcher.discardOwnRecords();
    }
    const counts = this.writer.written();
    this.deferral.addCounts(counts);
    this.shadows.addMentions(counts);
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
      this.deferral.releaseEvery();
      if (this.scheduler.hasPending) void this.scheduler.schedule();
      await this.shadows.revealAll();
      await this.idle();
    } finally {
      this.writingAll = false;
    }
  }

  /** Whether any mention found is not written yet, here or in a shadow root. */
  hasUnwritten(): boolean {
    return this.deferral.holding || this.shadows.hasUnwritten();
  }

  /** The entities of the mentions found in the run that starts at `text` and not written yet. */
  unwrittenIn(text: Text): readonly string[] | undefined {
    // Asked of every text node of the page for each jump: the common answer must cost no walk up.
    return this.deferral.heldIn(text) ?? this.shadows.annotatorOf(text)?.unwrittenIn(text);
  }

  /** Writes the run that starts at `text` (and its section), and resolves when it is in the page. */
  async revealRun(text: Text): Promise<void> {
    if (this.shadows.isInside(text)) {
      await this.shadows.annotatorOf(text)?.revealRun(text);
      return;
    }
    this.deferral.releaseRunOf(text);
    if (this.scheduler.hasPending) void this.scheduler.schedule();
    await this.idle();
  }

  /** Highlights a subtree at once, in one task. Used for small roots and by tests. */
  annotate(node: Node = this.root): void {
    if (!this.readable) return;
    for (const run of this.reader.read(blockAround(node, this.root))) this.write(run);
  }

  /** Restores every node the annotator split; the DOM is as it was before. */
  clear(): void {
    this.watcher.takePageRecords();
    this.scheduler.restart();
    const dropped = this.deferral.clear();
    const changed = this.writer.restoreMarksIn(this.root) || dropped;
    this.context = new Set();
    this.reader.forgetReads();
    this.watcher.discardOwnRecords();
    if (changed) this.onChange();
  }

  /**
   * Queues the run of text around a changed node. Queued by block, so a burst of changes inside
   * one paragraph (a framework adding fifty spans) reads it once, not once per change.
   */
  private queue(node: Node): void {
    if (node.isConnected) this.scheduler.add(blockAround(node, this.root));
  }

  private requestPass(): void {
    if (this.scheduler.hasPending) void this.scheduler.schedule();
  }

  /** One pass: reads the runs queued, matches them, and writes them or leaves them for later. */
  private async drain(): Promise<void> {
    const { scheduler } = this;
    const generation = scheduler.generation;
    // Compiling the pattern cannot be cut into slices: a cold matcher gets steps of their own.
    // A warm one starts at once, so that marks taken out and put back (a setting changed) are
    // never seen missing.
    while (!this.matcher.warm) {
      await yieldToPage();
      if (generation !== scheduler.generation) return;
      this.matcher.warmUp();
    }
    let sliceStart = performance.now();
    let wrote = false;
    let deferred = false;
    // A pass in idle time fills its idle period: while its first slice has time left, the next
    // section is written in it too (on a page dear to render, every slice costs a long render).
    let inIdlePeriod = scheduler.writesCapped;
    const takeNext = (): Work | null => {
      const next = scheduler.take();
      if (next !== null || !inIdlePeriod) return next;
      const section = this.deferral.nextForIdle();
      if (!section) return null;
      this.deferral.release(section);
      return scheduler.take();
    };
    /** Lets the page run; false when clear() began another generation meanwhile. */
    const endSlice = async (): Promise<boolean> => {
      inIdlePeriod = false;
      if (wrote) this.onChange();
      const measured = await scheduler.yieldAfter(wrote, performance.now() - sliceStart);
      // Renders turned out cheap after all: what was left for later is written now (what was
      // released already is on its way: asking again would read its blocks twice).
      if (measured && scheduler.writeBudget.cheap) this.deferral.releaseHeld();
      wrote = false;
      sliceStart = performance.now();
      return generation === scheduler.generation;
    };
    for (let next = takeNext(); next !== null; next = takeNext()) {
      const runs = next === VIEWPORT ? this.reader.visible() : this.reader.read(next);
      for (const run of runs) {
        if (generation !== scheduler.generation) return;
        // A text in a script met for the first time compiles its pattern: in tasks of its own.
        if (this.matcher.wouldCompile(run.text)) {
          if (!(await endSlice())) return;
          for (let step = this.matcher.prepare(run.text); step !== false; step = this.matcher.prepare(run.text)) {
            await (step === true ? yieldToPage() : step);
            if (generation !== scheduler.generation) return;
          }
          sliceStart = performance.now();
        }
        if (next !== VIEWPORT && this.isFar(run)) deferred = this.defer(run) || deferred;
        else wrote = this.write(run) || wrote;
        if (scheduler.sliceOver(performance.now() - sliceStart, wrote) && !(await endSlice())) return;
      }
      // What is on screen is shown before anything else is read.
      if (next === VIEWPORT && wrote && !(await endSlice())) return;
    }
    this.deferral.closeSection();
    const budget = scheduler.writeBudget;
    if (this.deferral.holding && budget.undecided && scheduler.framesMeasurable && !this.hidden) {
      // A page first seen in a background tab has had no render measured, and its first frames
      // back render everything anew: the last writes are measured too, and while that is not
      // enough to judge the page, one more section is written (and this comes back here).
      if (wrote && !(await endSlice())) return;
      const unwritten = this.deferral.firstHeld();
      if (unwritten && budget.undecided) this.deferral.release(unwritten);
    }
    if (wrote || deferred) this.onChange();
  }

  /**
   * Idle time came with runs left for later: the section nearest where the reader is gets
   * written, and the next ones while the idle period lasts, in slices that fit in it. When that
   * pass ends, the next idle period is asked for.
   */
  private writeWhileIdle(sliceMs: number): void {
    // A pass under way asks for the next idle period when it ends.
    if (this.scheduler.busy || !this.watcher.watching) return;
    const section = this.deferral.nextForIdle();
    if (!section) return;
    this.deferral.release(section);
    if (!this.scheduler.hasPending) {
      // All its runs had left the page: on to the next.
      this.idleWriter.wake();
      return;
    }
    this.scheduler.capWrites(sliceMs);
    void this.scheduler.schedule();
  }

  /** Pages taller than a couple of screens get their visible part highlighted first. */
  private isLongPage(): boolean {
    const view = this.view;
    const doc = view?.document;
    if (!view || !doc?.documentElement || typeof doc.elementFromPoint !== 'function') return false;
    return doc.documentElement.scrollHeight > 2 * view.innerHeight;
  }

  /** Wraps the mentions of one run; false when it had none or went stale. */
  private write(run: Run): boolean {
    const ranges = this.mentionsIn(run);
    if (ranges.length === 0) return false;
    this.watcher.unobserved(() => this.writer.wrap(run.nodes, run.data, ranges));
    return true;
  }

  /**
   * The mentions in a run, as ranges of its text; none when it has none or went stale. Whatever
   * this run held before, not written, is dropped: it is being read again now.
   */
  private mentionsIn(run: Run): MarkRange[] {
    const { nodes, data } = run;
    // Page changes not yet seen are handled first: they may make this run stale.
    this.watcher.takePageRecords();
    this.deferral.dropAll(nodes);
    for (let i = 0; i < nodes.length; i++) {
      const node = nodes[i] as Text;
      if (!node.isConnected || node.data !== data[i] || this.writer.isOurs(node)) return [];
    }
    const { text, toReal } = withLineBreaks(run.text, run.breaks);
    const matches = this.matcher.find(text, this.context);
    if (matches.length === 0) this.reader.readWithout(run);
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
   * comes within a few screens, in the page's idle time, or, on a page that renders cheaply, once
   * the tab is shown.
   */
  private isFar(run: Run): boolean {
    // A run that was written and changed by the page is written again at once: left for later,
    // its highlights would blink out for a frame where the reader may be looking.
    const budget = this.scheduler.writeBudget;
    if (run.hadMarks || this.writingAll || !(budget.dear || this.hidden) || !this.deferral.canHold()) return false;
    return !this.deferral.inReleased(run.nodes);
  }

  /** Reads a far run's mentions, to count them, and leaves it for later. */
  private defer(run: Run): boolean {
    const ranges = this.mentionsIn(run);
    const first = run.nodes[0];
    const block = first ? blockAround(first, this.root) : null;
    if (!first || !(block instanceof Element) || ranges.length === 0) return false;
    this.deferral.hold(
      first,
      block,
      run.text.length,
      ranges.map((range) => range.entityId),
    );
    return true;
  }

  /**
   * The tab came to the front. Sections near the viewport are written as their sentinels report
   * in its first frame; the renders of those writes tell whether the page is dear (a page never
   * seen has had no render measured). On a page known to render cheaply, all are written now.
   */
  private shown(): void {
    if (this.hidden || !this.scheduler.writeBudget.cheap) return;
    this.deferral.releaseHeld();
    this.requestPass();
  }
}
