// The idle writer alone: when it asks for idle time, how long it works in it, and what pauses it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FALLBACK_DELAY_MS, FALLBACK_IDLE_MS, IDLE_TIMEOUT_MS, IdleWriter, INPUT_QUIET_MS } from './idle-writer';

let requests: { id: number; callback: IdleRequestCallback; timeout: number | undefined }[] = [];
let ids = 0;

function writer(work = { left: 3 }) {
  const doc = new EventTarget() as unknown as Document;
  const slices: number[] = [];
  const idle = new IdleWriter({
    doc,
    hasWork: () => work.left > 0,
    write: (ms) => {
      slices.push(ms);
      work.left--;
    },
  });
  return { idle, doc, slices, work };
}

function giveIdle(ms: number) {
  const request = requests.shift();
  request?.callback({ didTimeout: ms === 0, timeRemaining: () => ms });
  return request !== undefined;
}

beforeEach(() => {
  requests = [];
  vi.stubGlobal('requestIdleCallback', (callback: IdleRequestCallback, options?: IdleRequestOptions) => {
    requests.push({ id: ++ids, callback, timeout: options?.timeout });
    return ids;
  });
  vi.stubGlobal('cancelIdleCallback', (id: number) => {
    requests = requests.filter((request) => request.id !== id);
  });
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('IdleWriter', () => {
  it('asks for one idle period at a time, with a timeout so a busy page still gets its turn', () => {
    const { idle, slices } = writer();
    idle.wake();
    idle.wake();
    expect(requests).toHaveLength(1);
    expect(requests[0]?.timeout).toBe(IDLE_TIMEOUT_MS);
    giveIdle(30);
    expect(slices).toEqual([30]);
    // Woken again by whoever wrote, once the writing is done.
    idle.wake();
    expect(requests).toHaveLength(1);
  });

  it('works within the idle period: never past a long task, never nothing at all', () => {
    const { idle, slices } = writer();
    for (const ms of [49.9, 0, 3]) {
      idle.wake();
      giveIdle(ms);
    }
    expect(slices).toEqual([40, 5, 5]);
  });

  it('asks for nothing when there is nothing to write', () => {
    const { idle } = writer({ left: 0 });
    idle.wake();
    expect(requests).toHaveLength(0);
  });

  it('stops while the tab is hidden and asks again when it is shown', () => {
    const { idle, slices } = writer();
    idle.wake();
    idle.setHidden(true);
    expect(requests).toHaveLength(0);
    idle.wake();
    expect(requests).toHaveLength(0);
    idle.setHidden(false);
    expect(requests).toHaveLength(1);
    giveIdle(20);
    expect(slices).toEqual([20]);
  });

  it('pauses while the reader scrolls or types, until a quiet moment has passed', () => {
    const { idle, doc } = writer();
    idle.wake();
    doc.dispatchEvent(new Event('wheel'));
    expect(requests).toHaveLength(0);
    idle.wake();
    expect(requests).toHaveLength(0);
    vi.advanceTimersByTime(INPUT_QUIET_MS - 1);
    doc.dispatchEvent(new Event('keydown'));
    vi.advanceTimersByTime(INPUT_QUIET_MS - 1);
    expect(requests).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(requests).toHaveLength(1);
  });

  it('stop() cancels what was asked for and stops listening', () => {
    const { idle, doc } = writer();
    idle.wake();
    doc.dispatchEvent(new Event('scroll'));
    idle.stop();
    vi.advanceTimersByTime(10 * INPUT_QUIET_MS);
    expect(requests).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('listens to the reader only once there is something to write', () => {
    const doc = new EventTarget() as unknown as Document;
    const listen = vi.spyOn(doc, 'addEventListener');
    const idle = new IdleWriter({ doc, hasWork: () => false, write: () => {} });
    idle.wake();
    expect(listen).not.toHaveBeenCalled();
  });

  it('stands in with a timer where the browser has no idle callbacks', () => {
    vi.stubGlobal('requestIdleCallback', undefined);
    const { idle, slices } = writer();
    idle.wake();
    vi.advanceTimersByTime(FALLBACK_DELAY_MS - 1);
    expect(slices).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(slices).toEqual([FALLBACK_IDLE_MS]);
  });
});
