// Asks for the page's idle time to write the runs left for later, so that a page left alone ends
// fully highlighted; pauses while the reader scrolls or types, and while the tab is hidden.

/** What the writer is given of an idle period: how long it may work. */
export interface IdleTime {
  timeRemaining(): number;
}

/** The reader scrolled or typed this long ago at least before idle writing goes on. */
export const INPUT_QUIET_MS = 500;
/** A page busy all the time still gets its idle writes, at least this often. */
export const IDLE_TIMEOUT_MS = 2000;
/** Where the browser has no idle callbacks, writing waits this long, and works this long. */
export const FALLBACK_DELAY_MS = 50;
export const FALLBACK_IDLE_MS = 20;
/** A slice of idle writing runs at least this long (an idle callback whose time ran out), at most the longest idle period. */
const MIN_IDLE_SLICE_MS = 5;
const MAX_IDLE_SLICE_MS = 40;

/** What the reader does that pauses idle writing: every render then would be in the way. */
const INPUT_EVENTS = ['scroll', 'wheel', 'keydown', 'touchstart'] as const;
const LISTENING: AddEventListenerOptions = { capture: true, passive: true };

export interface IdleWriterOptions {
  /** The document whose reader's input pauses the writing. */
  doc: Document | null;
  /** Whether there is anything left to write. */
  hasWork: () => boolean;
  /** Writes some, in slices of at most `sliceMs`; the writer is woken again when that is done. */
  write: (sliceMs: number) => void;
}

export class IdleWriter {
  private request: (() => void) | null = null;
  private quiet: ReturnType<typeof setTimeout> | null = null;
  private hidden = false;
  private listening = false;

  constructor(private readonly options: IdleWriterOptions) {}

  /** Asks for the next idle period, unless one is asked for, the reader is busy, or the tab is hidden. */
  wake(): void {
    if (this.request || this.quiet || this.hidden || !this.options.hasWork()) return;
    this.listen();
    this.request = requestIdle((idle) => {
      this.request = null;
      if (this.hidden || !this.options.hasWork()) return;
      const sliceMs = Math.max(MIN_IDLE_SLICE_MS, Math.min(MAX_IDLE_SLICE_MS, idle.timeRemaining()));
      this.options.write(sliceMs);
    });
  }

  /** The tab went to the background (nothing is written there) or came back. */
  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    if (hidden) this.cancel();
    else this.wake();
  }

  /** Cancels what is asked for and stops listening to the reader. */
  stop(): void {
    this.cancel();
    if (!this.listening) return;
    this.listening = false;
    for (const type of INPUT_EVENTS) this.options.doc?.removeEventListener(type, this.onInput, LISTENING);
  }

  private cancel(): void {
    this.request?.();
    this.request = null;
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = null;
  }

  /** Listened to only once there is something to write: most pages never need it. */
  private listen(): void {
    if (this.listening || !this.options.doc) return;
    this.listening = true;
    for (const type of INPUT_EVENTS) this.options.doc.addEventListener(type, this.onInput, LISTENING);
  }

  private readonly onInput = () => {
    if (this.hidden) return;
    this.cancel();
    this.quiet = setTimeout(() => {
      this.quiet = null;
      this.wake();
    }, INPUT_QUIET_MS);
  };
}

/** requestIdleCallback, or a timer standing in for it where there is none; returns the way to cancel. */
function requestIdle(callback: (idle: IdleTime) => void): () => void {
  if (typeof globalThis.requestIdleCallback === 'function') {
    const handle = globalThis.requestIdleCallback(callback, { timeout: IDLE_TIMEOUT_MS });
    return () => globalThis.cancelIdleCallback(handle);
  }
  const timer = setTimeout(() => callback({ timeRemaining: () => FALLBACK_IDLE_MS }), FALLBACK_DELAY_MS);
  return () => clearTimeout(timer);
}
