// @vitest-environment jsdom
// Shadows alone: an annotator for each open shadow root met, late roots found, styles adopted
// and taken out again.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { type ShadowAnnotator, Shadows } from './shadows';

function stand(): ShadowAnnotator & { started: number; stopped: number } {
  return {
    started: 0,
    stopped: 0,
    start() {
      this.started++;
      return Promise.resolve();
    },
    stop() {
      this.stopped++;
    },
    idle: () => Promise.resolve(),
    mentions: () => new Map([['country:ca', 2]]),
    revealAll: () => Promise.resolve(),
    hasUnwritten: () => true,
    unwrittenIn: () => ['country:ca'],
    revealRun: () => Promise.resolve(),
  };
}

function shadows(watching = true) {
  const made: ReturnType<typeof stand>[] = [];
  const s = new Shadows(document.body, {
    annotatorFor: () => {
      const a = stand();
      made.push(a);
      return a;
    },
    styles: undefined,
    watching: () => watching,
  });
  return { s, made };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
});

describe('Shadows', () => {
  it('gives each open shadow root one annotator of its own, and speaks for them', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    const root = host.attachShadow({ mode: 'open' });
    root.innerHTML = '<p>Canada</p>';
    const { s, made } = shadows();
    s.readHost(host);
    s.readHost(host);
    expect(made).toHaveLength(1);
    expect(made[0]?.started).toBe(1);
    const counts = new Map([['country:ca', 1]]);
    s.addMentions(counts);
    expect(counts.get('country:ca')).toBe(3);
    expect(s.hasUnwritten()).toBe(true);
    const text = root.querySelector('p')?.firstChild as Text;
    expect(s.isInside(text)).toBe(true);
    expect(s.annotatorOf(text)).toBe(made[0]);
    s.stop();
    expect(made[0]?.stopped).toBe(1);
    expect(s.hasUnwritten()).toBe(false);
  });

  it('enters nothing when the annotator is not watching', () => {
    document.body.innerHTML = '<div id="host"></div>';
    const host = document.getElementById('host') as HTMLElement;
    host.attachShadow({ mode: 'open' });
    const { s, made } = shadows(false);
    s.readHost(host);
    expect(made).toHaveLength(0);
  });

  it('looks again at custom elements read without a shadow root, and finds the late ones', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    document.body.innerHTML = '<late-card></late-card>';
    const card = document.querySelector('late-card') as HTMLElement;
    const { s, made } = shadows();
    s.readHost(card);
    card.attachShadow({ mode: 'open' });
    vi.advanceTimersByTime(499);
    expect(made).toHaveLength(0);
    vi.advanceTimersByTime(1);
    expect(made).toHaveLength(1);
    s.stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});
