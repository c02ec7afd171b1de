// When the annotator works: one pass at a time over a queue of work, in slices that yield to the
// page, writing slices sized by what the page's renders cost (WriteBudget).
import { WriteBudget } from './write-budget';

/**
 * Lets the page run (input, rendering, its own tasks) before the next slice. A message task
 * is not clamped like nested timers, so slices follow each other without idle gaps.
 */
export function yieldToPage(): Promise<void> {
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
export function renderingCost(view: (Window & typeof globalThis) | null, limitMs: number): Promise<number | null> {
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
export const FRAME_WAIT_LIMIT_MS = 250;

/** Stands in the work queue for "the runs of text visible now", read before the rest. */
export const VIEWPORT = Symbol('viewport');
/** What a pass works through: the subtree under a node, or the visible runs. */
export type Work = Node | typeof VIEWPORT;

export interface SchedulerOptions {
  /** One pass over the queue; it takes work with take() and ends its slices with endSlice(). */
  pass: () => Promise<void>;
  /** Time budget of one slice of work before yielding to the page, in ms. */
  sliceMs: number;
  /** What rendering the last writes cost the page, in ms; null where frames cannot be measured. */
  measureRendering: () => Promise<number | null>;
  /** Whether the tab is hidden now. */
  hidden: () => boolean;
  /** A pass ended with nothing queued. */
  onSettled: () => void;
}

export class Scheduler {
  private readonly pending = new Set<Work>();
  private running: Promise<void> | null = null;
  /** Bumped by restart(): slices of an older pass stop instead of writing. */
  private currentGeneration = 0;
  readonly writeBudget: WriteBudget;
  private writeSlices = 0;
  /** False once frames stopped coming (throttled): then slices just yield. */
  private measurable = true;
  /** Set for a pass that writes in the page's idle time: its writing slices stay this short. */
  private writeCapMs: number | null = null;

  constructor(private readonly options: SchedulerOptions) {
    this.writeBudget = new WriteBudget(options.sliceMs);
  }

  get generation(): number {
    return this.currentGeneration;
  }

  get busy(): boolean {
    return this.running !== null;
  }

  get hasPending(): boolean {
    return this.pending.size > 0;
  }

  get framesMeasurable(): boolean {
    return this.measurable;
  }

  add(work: Work): void {
    this.pending.add(work);
  }

  take(): Work | null {
    for (const next of this.pending) {
      this.pending.delete(next);
      return next;
    }
    return null;
  }

  /** Forgets the queue; slices of the pass under way stop at their next check. */
  restart(): void {
    this.currentGeneration++;
    this.pending.clear();
  }

  /** The next pass writes in slices of at most `ms` (work done in the page's idle time). */
  capWrites(ms: number): void {
    this.writeCapMs = ms;
  }

  /** Whether this pass writes in the page's idle time (see capWrites). */
  get writesCapped(): boolean {
    return this.writeCapMs !== null;
  }

  /** Whether a slice that ran `elapsed` ms (and wrote, or only read) has had its time. */
  sliceOver(elapsed: number, wrote: boolean): boolean {
    if (elapsed <= this.options.sliceMs) return false;
    if (!wrote) return true;
    const limit = this.writeCapMs === null ? this.writeBudget.ms : Math.min(this.writeBudget.ms, this.writeCapMs);
    return elapsed > limit;
  }

  /** Starts a pass unless one is under way; resolves when it ends. */
  schedule(): Promise<void> {
    if (this.running) return this.running;
    // Known as running before the pass starts: its first steps, before it ever yields, may
    // queue work (page records read on the way) and ask for a pass, which must not start a second.
    let settle: { resolve: () => void; reject: (reason: unknown) => void } | undefined;
    this.running = new Promise<void>((resolve, reject) => {
      settle = { resolve, reject };
    });
    const { resolve, reject } = settle as NonNullable<typeof settle>;
    this.options
      .pass()
      .finally(() => {
        this.running = null;
        this.writeCapMs = null;
        // Records that arrived during the last slice were queued after the loop ended.
        if (this.pending.size > 0) void this.schedule();
        else this.options.onSettled();
      })
      .then(resolve, reject);
    return this.running;
  }

  /** Resolves when no pass is under way (a pass that ends with work queued starts the next). */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  /**
   * Lets the page run. After writes, waits for the page to render them and sizes the next
   * writing slice by what that cost; reading alone changes nothing to render. True when a
   * render was measured.
   */
  async yieldAfter(wrote: boolean, sliceMs: number): Promise<boolean> {
    // Waiting for a frame leaves the page idle until it comes, so only some slices measure.
    // Until a page that rendered slowly once is known to be dear or not, every slice measures.
    const slice = wrote ? this.writeSlices++ : 0;
    const measure = wrote && this.measurable && (this.writeBudget.undecided || slice % MEASURE_EVERY === 0);
    if (!measure) {
      await yieldToPage();
      return false;
    }
    const hiddenBefore = this.options.hidden();
    const rendering = await this.options.measureRendering();
    if (rendering === null) {
      // No frame came to a page seen all along: frames are throttled here, not just hidden.
      if (!hiddenBefore && !this.options.hidden()) this.measurable = false;
      return false;
    }
    this.writeBudget.observe(sliceMs, rendering);
    return true;
  }
}
