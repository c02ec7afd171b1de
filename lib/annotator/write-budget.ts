// Pure: how long the annotator writes before it lets the page render, from what renders cost.

/**
 * How long a slice that writes marks may run, learnt from what rendering our writes costs the
 * page. The slice and the render after it make one frame. A render costs a fixed part, whatever
 * was written (on a flat article of a million words Chromium spends 120 ms on style, layout and
 * paint after one changed character), and a part that grows with what was written. Where the
 * fixed part is small, a slice writes as much as keeps its frame under a long task (50 ms);
 * where every render is a long task anyway, a slice writes about as long as the fixed part takes,
 * so that there are far fewer renders. Such a page is `dear`: the annotator then leaves the text
 * far from the viewport for later.
 */
export class WriteBudget {
  /** The cheapest render seen: the fixed part, and what the smallest slice wrote. */
  private fixedMs = Number.POSITIVE_INFINITY;
  /** Render time per ms of writing, beyond the fixed part, from the latest slice; at first about 1. */
  private perWriteMs = 1;
  /** Renders measured so far. */
  observations = 0;
  ms: number;

  constructor(private readonly floorMs: number) {
    this.ms = floorMs;
  }

  /**
   * Every render of this page is a long task, whatever was written: seen on more than one
   * render, so that one slow moment of a busy machine does not count as the page's nature.
   */
  get dear(): boolean {
    return this.observations >= DEAR_AFTER_RENDERS && this.fixedMs >= FRAME_TARGET_MS;
  }

  /** A render seen was short of a long task: the page is not dear to render. */
  get cheap(): boolean {
    return this.fixedMs < FRAME_TARGET_MS;
  }

  /** Too few renders seen to judge whether the page is dear, and none of them was cheap. */
  get undecided(): boolean {
    return this.observations < DEAR_AFTER_RENDERS && this.fixedMs >= FRAME_TARGET_MS;
  }

  observe(writingMs: number, renderingMs: number): void {
    this.observations++;
    this.fixedMs = Math.min(this.fixedMs, renderingMs);
    if (writingMs > 0 && renderingMs > this.fixedMs) this.perWriteMs = (renderingMs - this.fixedMs) / writingMs;
    const ms =
      this.fixedMs >= FRAME_TARGET_MS
        ? Math.min(this.fixedMs, MAX_WRITE_SLICE_MS)
        : (FRAME_TARGET_MS - this.fixedMs) / (1 + this.perWriteMs);
    this.ms = Math.max(this.floorMs, ms);
  }
}

/** A frame under a long task (50 ms), with room for what a slice runs past its check. */
export const FRAME_TARGET_MS = 40;
/** Even where every render is a long task, the page gets its turn at least this often. */
export const MAX_WRITE_SLICE_MS = 200;
/** Renders to see before the page may be judged dear to render. */
export const DEAR_AFTER_RENDERS = 2;
