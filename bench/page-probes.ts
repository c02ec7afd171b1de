// The bench page's instruments: long tasks and long animation frames, a requestAnimationFrame
// loop, the end of a frame's rendering, errors thrown in the page. Bundled into bench/page.ts.

interface Overlapping {
  longest: number;
  over50: number;
  count: number;
}

interface LongTaskProbe {
  /** `longtask` entries (one task each) and `long-animation-frame` entries (a frame: its tasks and its render). */
  stop(from: number, to: number): { tasks: Overlapping; frames: Overlapping };
}

export function watchLongTasks(): LongTaskProbe {
  const watch = (type: string) => {
    const entries: PerformanceEntry[] = [];
    let observer: PerformanceObserver | null = null;
    try {
      observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
      observer.observe({ type, buffered: true });
    } catch {
      observer = null;
    }
    return (from: number, to: number): Overlapping => {
      if (observer) {
        entries.push(...observer.takeRecords());
        observer.disconnect();
      }
      // An entry overlapping the window counts (the first one starts before `from`).
      const inWindow = entries.filter((e) => e.startTime < to && e.startTime + e.duration > from);
      return {
        longest: inWindow.reduce((max, e) => Math.max(max, e.duration), 0),
        over50: inWindow.filter((e) => e.duration > 50).length,
        count: inWindow.length,
      };
    };
  };
  const tasks = watch('longtask');
  const frames = watch('long-animation-frame');
  return { stop: (from, to) => ({ tasks: tasks(from, to), frames: frames(from, to) }) };
}

/** A requestAnimationFrame loop: the frames the user would see, and a hook run on each. */
export function watchFrames(onFrame: (now: number) => void) {
  const times: number[] = [];
  let running = true;
  const tick = () => {
    if (!running) return;
    const now = performance.now();
    times.push(now);
    onFrame(now);
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  return {
    stop(from: number, to: number) {
      running = false;
      let gap = 0;
      let previous = from;
      for (const t of times) {
        if (t < from) continue;
        if (t > to) {
          gap = Math.max(gap, t - previous);
          break;
        }
        gap = Math.max(gap, t - previous);
        previous = t;
      }
      return { maxFrameGap: gap, frames: times.filter((t) => t >= from && t <= to).length };
    },
  };
}

export const errors: string[] = [];
addEventListener('error', (e) => errors.push(String(e.error?.stack ?? e.message)));
addEventListener('unhandledrejection', (e) => errors.push(String(e.reason?.stack ?? e.reason)));

export const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * The end of the rendering of the next frame. A requestAnimationFrame callback runs at the start
 * of the frame, before its style, layout and paint; a task posted from it runs after them. So
 * `end` is when that frame's rendering ended (on the main thread) and `renderMs` how long it took.
 */
export function nextFrameRendered(): Promise<{ end: number; renderMs: number }> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => {
      const start = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        const end = performance.now();
        channel.port1.close();
        resolve({ end, renderMs: end - start });
      };
      channel.port2.postMessage(null);
    });
  });
}
export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** Lets pending long-task entries and frames arrive after the measured work. */
export async function settle(): Promise<void> {
  await nextFrame();
  await nextFrame();
  await sleep(60);
}

export function hash(text: string): string {
  // FNV-1a, 32 bits, plus the length: enough to tell a restored DOM from a changed one.
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}
