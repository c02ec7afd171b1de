// The parts of Gloss a frame loads only when it needs them, and messages to a frame that may not
// have the highlighter yet. Browser glue, shared by the background and the popup.
import { browser } from 'wxt/browser';
import type { FramePart } from './messages';

/** The probe runs in every frame (the manifest lists it); the other parts only where needed. */
const SCRIPTS = {
  probe: '/probe.js',
  highlighter: '/content-scripts/content.js',
  card: '/card.js',
  matcher: '/matcher.js',
} as const satisfies Record<FramePart | 'probe', string>;

/** Runs a part's script in one frame of a tab, or in all of them, in its content-script world. */
export async function loadPart(tabId: number, frame: number | 'all', part: FramePart | 'probe'): Promise<void> {
  const file = SCRIPTS[part];
  if (import.meta.env.MANIFEST_VERSION === 2) {
    await browser.tabs.executeScript(tabId, {
      file,
      matchAboutBlank: true,
      ...(frame === 'all' ? { allFrames: true } : { frameId: frame }),
    });
    return;
  }
  await browser.scripting.executeScript({
    target: frame === 'all' ? { tabId, allFrames: true } : { tabId, frameIds: [frame] },
    files: [file],
  });
}

/**
 * Sends a message to the highlighter of one frame. A frame without it (its text held no name)
 * gets it first, and then the message: the popup and the commands work on every page.
 */
export async function sendToHighlighter(tabId: number, message: unknown, frameId = 0): Promise<unknown> {
  const send = () => browser.tabs.sendMessage(tabId, message, { frameId });
  try {
    return await send();
  } catch {
    // "Receiving end does not exist": no highlighter here yet.
    await loadPart(tabId, frameId, 'highlighter');
    return send();
  }
}
