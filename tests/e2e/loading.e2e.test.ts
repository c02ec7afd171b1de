// The highlighter is loaded into a frame on demand, by whoever needs it first: the probe, the
// popup, a command, a lookup. Two of them can ask at nearly the same moment (a reader opens the
// popup while the page is still loading), and the script then runs twice in one frame. WXT's
// context stops the older run as the newer one starts; whatever the gap between the two, one of
// them must end up highlighting the page, once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { countMarks, glossSession, MARK, marksByEntity, sendToTab, sleep, tabIdFor, waitForMarks } from './helpers';

const page = (body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Loading</title></head><body>${body}</body></html>`;

const PAGES: Record<string, string> = {
  '/named.html': page('<p>Brazil and India did not sign; Antony Blinken did.</p>'),
  '/plain.html': page('<p>The river rose overnight and the ferry stayed in port.</p>'),
};

const gloss = glossSession(PAGES);
const { visit } = gloss;

/** Runs the highlighter's script in the tab's top frame, as the background and the popup do. */
function runHighlighter(tabId: number): Promise<string | null> {
  return gloss.extension.evaluate(async (id) => {
    const api = (globalThis as unknown as { chrome: ChromeScripting }).chrome;
    try {
      await api.scripting.executeScript({ target: { tabId: id }, files: ['/content-scripts/content.js'] });
      return null;
    } catch (error) {
      return String(error);
    }
  }, tabId);
}

interface ChromeScripting {
  scripting: { executeScript(injection: { target: { tabId: number }; files: string[] }): Promise<unknown> };
}

/** Marks inside marks: a page highlighted twice over. */
const nestedMarks = (p: Page) => p.evaluate((mark) => document.querySelectorAll(`${mark} ${mark}`).length, MARK);

describe('the highlighter run twice in one frame', () => {
  // From "at once" to "after the first has read its settings and names".
  for (const gapMs of [0, 5, 20, 60, 250]) {
    it(`highlights text added later, once, when the second run starts ${gapMs} ms after the first`, async () => {
      const p = await visit('/plain.html', 0);
      const tabId = await tabIdFor(gloss.extension, p.url());
      const [first, second] = await Promise.all([
        runHighlighter(tabId),
        sleep(gapMs).then(() => runHighlighter(tabId)),
      ]);
      expect([first, second]).toEqual([null, null]);
      // The page is not ours to race with: let both runs settle before it changes.
      await sleep(500);
      await p.evaluate(() => {
        const added = document.createElement('p');
        added.textContent = 'Later, Canada and Japan signed the Declaration for the Future of the Internet.';
        document.body.append(added);
      });
      await waitForMarks(p, 3);
      expect(Object.fromEntries(await marksByEntity(p))).toEqual({
        'country:ca': 1,
        'country:jp': 1,
        'initiative:dfi': 1,
      });
      expect(await nestedMarks(p)).toBe(0);
      // The run that stayed answers the popup.
      const state = (await sendToTab(gloss.extension, tabId, { type: 'page/get-state' })) as {
        answer?: { mentions?: unknown[] };
      };
      expect(state.answer?.mentions).toHaveLength(3);
    });
  }

  it('keeps a highlighted page highlighted once when the script runs again', async () => {
    const p = await visit('/named.html', 3);
    const before = Object.fromEntries(await marksByEntity(p));
    const tabId = await tabIdFor(gloss.extension, p.url());
    await Promise.all([runHighlighter(tabId), runHighlighter(tabId)]);
    await waitForMarks(p, 3);
    expect(Object.fromEntries(await marksByEntity(p))).toEqual(before);
    expect(await nestedMarks(p)).toBe(0);
    expect(await countMarks(p)).toBe(Object.values(before).reduce((a, b) => a + b, 0));
  });
});
