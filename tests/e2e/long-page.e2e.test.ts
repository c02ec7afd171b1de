// A page where every render is a long task: the benchmark's flat article of a million words, on
// which Chromium spends about 100 ms on style, layout and paint after any change at all. Gloss
// writes what is within three screens of the viewport, counts every mention (popup, badge),
// writes the rest as the reader comes near it and, from where the reader is, in idle time, and
// writes the mention a jump lands on first.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generatePage } from '../../bench/fixtures.mjs';
import { DEFAULT_SETTINGS, glossSession, MARK, sendToTab, tabIdFor, waitForNoMarks, writeStorage } from './helpers';

const { html } = generatePage(1_000_000);
const gloss = glossSession({ '/long.html': html });
const VIEWPORT = { width: 1280, height: 720 };

interface PageState {
  mentions: { entityId: string; count: number }[];
}

/** What the popup is told: waits for Gloss to settle, then lists every mention found. */
async function found(tab: number): Promise<Map<string, number>> {
  const reply = (await sendToTab(gloss.extension, tab, { type: 'page/get-state' })) as { answer: PageState };
  return new Map(reply.answer.mentions.map((m) => [m.entityId, m.count]));
}

const sum = (counts: Map<string, number>) => [...counts.values()].reduce((a, b) => a + b, 0);

/** Mentions written as marks, in all and within the vertical band [top, bottom] of the document. */
function written(p: Page, band?: { top: number; bottom: number }) {
  return p.evaluate(
    ([mark, band]) =>
      [...document.querySelectorAll(`${mark}:not([data-gloss-continued])`)].filter((m) => {
        if (!band) return true;
        const top = m.getBoundingClientRect().top + window.scrollY;
        return top >= band.top && top <= band.bottom;
      }).length,
    [MARK, band ?? null] as const,
  );
}

/** What rendering one changed character costs this page, measured on the next frame (ms). */
function renderCost(p: Page): Promise<number> {
  return p.evaluate(async () => {
    const text = [...document.querySelectorAll('article p')].at(-20)?.firstChild as Text;
    const frame = () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          const start = performance.now();
          setTimeout(() => resolve(performance.now() - start), 0);
        }),
      );
    await frame();
    const costs: number[] = [];
    for (let i = 0; i < 3; i++) {
      text.data += ' ';
      costs.push(await frame());
      text.data = text.data.slice(0, -1);
      await frame();
    }
    return Math.min(...costs);
  });
}

describe('a page where every render is a long task', () => {
  it('writes what is near the reader first, counts the rest and writes it in idle time from where the reader is', async () => {
    const p = await gloss.visit('/long.html', 20, VIEWPORT);
    const tab = await tabIdFor(gloss.extension, p.url());
    const counts = await found(tab);
    const all = sum(counts);
    expect(all).toBeGreaterThan(50_000);
    // Why anything is left for later: this is what any change costs this page, with or without Gloss.
    expect(await renderCost(p), 'a render on this page should be a long task').toBeGreaterThan(40);

    // The reader moves to the middle, some 2,500 screens down: what comes into view is highlighted
    // there, long before idle writing could have come that far from the top.
    const height = await p.evaluate(() => document.documentElement.scrollHeight);
    const middle = Math.round(height / 2);
    await p.evaluate((y) => window.scrollTo(0, y), middle);
    await expect
      .poll(() => written(p, { top: middle, bottom: middle + VIEWPORT.height }), { timeout: 10_000 })
      .toBeGreaterThan(3);
    // Left alone there, the page goes on being written in idle time, on down from the reader
    // (beyond the three screens written as they came near).
    const further = { top: middle + 8 * VIEWPORT.height, bottom: middle + 40 * VIEWPORT.height };
    await expect.poll(() => written(p, further), { timeout: 30_000 }).toBeGreaterThan(0);
    // Still every mention counted, none twice, and none written that was not found.
    expect(await found(tab)).toEqual(counts);
    expect(await written(p)).toBeLessThanOrEqual(all);
  });

  it('a jump to a mention not written yet writes it, lands on it and counts it among all', async () => {
    const p = await gloss.visit('/long.html', 20, VIEWPORT);
    const tab = await tabIdFor(gloss.extension, p.url());
    const counts = await found(tab);
    const [entityId, total] = [...counts].sort((a, b) => b[1] - a[1])[0] as [string, number];
    // Backwards from the top: the entity's last mention, at the bottom of the page.
    const reply = await sendToTab(gloss.extension, tab, { type: 'page/jump', entityId, direction: 'prev' });
    expect(reply).toEqual({ answer: { entityId, index: total, total } });
    await p.waitForFunction(
      (id) => document.activeElement?.matches(`mark.gloss-mark[data-entity="${id}"]`) === true,
      entityId,
    );
    const landed = () =>
      p.evaluate(() => {
        const rect = (document.activeElement as Element).getBoundingClientRect();
        const height = document.documentElement.scrollHeight;
        return { top: rect.top + window.scrollY, height, inView: rect.top >= 0 && rect.bottom <= window.innerHeight };
      });
    // Scrolled there (smoothly, so in a moment).
    await expect.poll(async () => (await landed()).inView, { timeout: 5_000 }).toBe(true);
    const there = await landed();
    expect(there.top).toBeGreaterThan(0.95 * there.height);
    // Back to the first, wrapping around.
    const next = await sendToTab(gloss.extension, tab, { type: 'page/jump', entityId, direction: 'next' });
    expect(next).toEqual({ answer: { entityId, index: 1, total } });
    expect(await found(tab)).toEqual(counts);
  });

  it('switching Gloss off takes every mark out and forgets what was left for later', async () => {
    const p = await gloss.visit('/long.html', 20, VIEWPORT);
    const tab = await tabIdFor(gloss.extension, p.url());
    expect(sum(await found(tab))).toBeGreaterThan(50_000);
    await writeStorage(gloss.extension, { settings: { ...DEFAULT_SETTINGS, paused: true } });
    await waitForNoMarks(p);
    expect(await found(tab)).toEqual(new Map());
    // Scrolling now writes nothing: nothing is watched any more.
    await p.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 3));
    await p.waitForTimeout(1_000);
    expect(await written(p)).toBe(0);
  });
});
