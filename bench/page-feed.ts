// The bench page's dynamic page: paragraphs appended in bursts to a page Gloss annotated, and the
// latency from each insertion to the first frame that shows a mark in the paragraph. Bundled into
// bench/page.ts.
import { Annotator } from '../lib/annotator/annotator';
import type { Matcher } from '../lib/matcher/matcher';
import { type Counts, EXCLUDED_ZONES, MARKS, markCount, matcherCount } from './page-count';
import { errors, settle, sleep, watchFrames, watchLongTasks } from './page-probes';

export interface FeedRun {
  latenciesMs: number[];
  /** Paragraphs that never got a mark before the deadline. */
  missed: number;
  longestTaskMs: number;
  tasksOver50: number;
  /** Long animation frames: the tasks of a frame and its render together, what the reader waits through. */
  longestFrameMs: number;
  framesOver50: number;
  maxFrameGapMs: number;
  initialMs: number;
  marks: Counts;
  expected: Counts;
  marksInExcluded: number;
  errors: string[];
}

export async function runFeed(
  matcher: Matcher,
  options: { bursts: number; perBurst: number; intervalMs: number },
): Promise<FeedRun> {
  const items = JSON.parse(document.getElementById('feed-data')?.textContent ?? '[]') as string[];
  const feed = document.getElementById('feed');
  if (!feed) throw new Error('no #feed on this page');
  const annotator = new Annotator(document.body, { matcher });
  const t0 = performance.now();
  await annotator.start();
  const initialMs = performance.now() - t0;
  await settle();

  const pending: { el: Element; t: number }[] = [];
  const latencies: number[] = [];
  const longTasks = watchLongTasks();
  const frames = watchFrames((now) => {
    for (let i = pending.length - 1; i >= 0; i--) {
      const item = pending[i];
      if (item?.el.querySelector(MARKS)) {
        latencies.push(now - item.t);
        pending.splice(i, 1);
      }
    }
  });
  const feedStart = performance.now();
  let next = 0;
  for (let burst = 0; burst < options.bursts; burst++) {
    const html = items.slice(next, next + options.perBurst).join('');
    next += options.perBurst;
    const before = feed.children.length;
    feed.insertAdjacentHTML('beforeend', html);
    const t = performance.now();
    for (let i = before; i < feed.children.length; i++) {
      const el = feed.children[i];
      if (el) pending.push({ el, t });
    }
    // An infinite feed: the reader is at the bottom, where the new items appear.
    document.scrollingElement?.scrollTo(0, document.scrollingElement.scrollHeight);
    await sleep(options.intervalMs);
  }
  const deadline = performance.now() + 5000;
  while (pending.length > 0 && performance.now() < deadline) await sleep(20);
  await annotator.idle();
  const feedEnd = performance.now();
  await settle();
  const { maxFrameGap } = frames.stop(feedStart, feedEnd);
  const { tasks, frames: longFrames } = longTasks.stop(feedStart, feedEnd);
  const result: FeedRun = {
    latenciesMs: latencies,
    missed: pending.length,
    longestTaskMs: tasks.longest,
    tasksOver50: tasks.over50,
    longestFrameMs: longFrames.longest,
    framesOver50: longFrames.over50,
    maxFrameGapMs: maxFrameGap,
    initialMs,
    marks: markCount(document),
    expected: matcherCount(matcher, document.body),
    marksInExcluded: document.querySelectorAll(EXCLUDED_ZONES).length,
    errors: [...errors],
  };
  annotator.stop();
  return result;
}
