// The parts of Gloss a frame loads only when it needs them (lib/frame-parts.ts): the background
// runs the part's script in this frame, into this content-script world, where the script leaves
// its module on a global; this reads it from there.
import { browser } from 'wxt/browser';
import type { FramePart, Message } from '@/lib/messages';

const loading = new Map<FramePart, Promise<unknown>>();

/**
 * The module a part's script leaves (`read` finds it), loaded once per frame: asked of the
 * background the first time, and asked again after a failure (the extension may be starting).
 */
export function loadPart<T>(part: Exclude<FramePart, 'highlighter'>, read: () => T | undefined): Promise<T> {
  const present = read();
  if (present) return Promise.resolve(present);
  let pending = loading.get(part) as Promise<T> | undefined;
  if (!pending) {
    pending = (async () => {
      const message: Message<'frame/load'> = { type: 'frame/load', part };
      await browser.runtime.sendMessage(message);
      const module = read();
      if (!module) throw new Error(`Gloss: the ${part} could not be loaded into this frame.`);
      return module;
    })();
    loading.set(part, pending);
    pending.catch(() => loading.delete(part));
  }
  return pending;
}
