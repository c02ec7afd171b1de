// @vitest-environment jsdom
// The watcher alone: what the page's changes do to our marks and to what is read again, and the
// backing off from a page that keeps undoing our marks.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RunReader } from './runs';
import { Watcher, type WatcherHooks } from './watcher';
import { type MarkRange, MarkWriter } from './writer';

const CANADA: MarkRange = { start: 0, length: 6, entityId: 'country:ca', entityType: 'country' };

function watched(html: string, hooks: Partial<WatcherHooks> = {}) {
  document.body.innerHTML = html;
  const writer = new MarkWriter();
  const reader = new RunReader(document.body, {
    groupOf: (node) => writer.groupOf(node),
    unwrite: () => {},
    readAsNothing: () => {},
    host: () => {},
    readAgain: () => {},
  });
  const queued: Node[] = [];
  const all: WatcherHooks = {
    dropHeldIn: () => false,
    queue: (node) => queued.push(node),
    requestPass: () => {},
    schedule: () => {},
    changed: () => {},
    pageChanged: () => {},
    ...hooks,
  };
  const watcher = new Watcher(document.body, reader, writer, all);
  watcher.start();
  /** Marks Canada at the start of the first paragraph, as the annotator would. */
  const mark = () => {
    const text = document.querySelector('p')?.firstChild as Text;
    watcher.unobserved(() => writer.wrap([text], [text.data], [CANADA]));
    return text;
  };
  return { watcher, writer, queued, mark };
}

/** Mutation records arrive in a microtask. */
const records = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('Watcher', () => {
  it('makes our own writes unseen: no record, nothing queued', async () => {
    const { watcher, queued, mark } = watched('<p>Canada and Chile</p>');
    mark();
    await records();
    expect(queued).toEqual([]);
    expect(document.querySelectorAll('mark')).toHaveLength(1);
    watcher.stop();
  });

  it('queues text the page adds or changes', async () => {
    const { watcher, queued } = watched('<p>Chile</p>');
    const p = document.querySelector('p') as HTMLElement;
    (p.firstChild as Text).data = 'Canada';
    p.append(' and Peru');
    await records();
    expect(queued).toContain(p.firstChild);
    expect(queued).toContain(p.lastChild);
    watcher.stop();
  });

  it('gives the page its own node back, holding what it wrote, when it rewrites a node we split', async () => {
    const changed = vi.fn();
    const { watcher, writer, queued, mark } = watched('<p>Canada and Chile</p>', { changed });
    const original = mark();
    original.data = 'Peru';
    await records();
    expect(document.querySelector('p')?.innerHTML).toBe('Peru');
    expect(writer.written().size).toBe(0);
    expect(queued).toContain(original);
    expect(changed).toHaveBeenCalled();
    watcher.stop();
  });

  it('backs off from a page that takes our marks away: later each time, then never again', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const schedule = vi.fn();
    const { watcher, writer, mark } = watched('<p>Canada and Chile</p>', { schedule });
    const p = document.querySelector('p') as HTMLElement;
    const retries: number[] = [];
    let elapsed = 0;
    for (let round = 0; round < 5; round++) {
      mark();
      p.querySelector('mark')?.remove();
      watcher.takePageRecords();
      expect(writer.written().size).toBe(0);
      const before = schedule.mock.calls.length;
      for (let ms = 0; ms < 10_000 && schedule.mock.calls.length === before; ms += 50) {
        vi.advanceTimersByTime(50);
        elapsed += 50;
      }
      if (schedule.mock.calls.length > before) retries.push(elapsed);
      elapsed = 0;
      p.textContent = 'Canada and Chile';
      watcher.takePageRecords();
    }
    expect(retries).toEqual([500, 1000, 2000]);
    watcher.stop();
  });

  it('takes our marks out of text that becomes editable, and drops what was held there', async () => {
    const dropHeldIn = vi.fn(() => true);
    const { watcher, writer, mark } = watched('<p>Canada and Chile</p>', { dropHeldIn });
    mark();
    document.querySelector('p')?.setAttribute('contenteditable', 'true');
    await records();
    expect(document.querySelector('mark')).toBeNull();
    expect(writer.written().size).toBe(0);
    expect(dropHeldIn).toHaveBeenCalled();
    watcher.stop();
  });

  it('says when the page removed nodes, once', async () => {
    const { watcher } = watched('<p>Canada</p><p>Chile</p>');
    expect(watcher.takeNodesMayHaveLeft()).toBe(false);
    document.querySelector('p')?.remove();
    watcher.takePageRecords();
    expect(watcher.takeNodesMayHaveLeft()).toBe(true);
    expect(watcher.takeNodesMayHaveLeft()).toBe(false);
    watcher.stop();
    expect(watcher.watching).toBe(false);
  });
});
