// The probe: the only script of Gloss that runs in every frame of every page (wxt.config.ts lists
// it as the manifest's content script). It reads the frame's text once, and the text the page adds
// later, with the word test of prefilter.ts, and has the background load the highlighter
// (entrypoints/content) only into frames that may hold a name. Whoever needs the highlighter in a
// frame that has none (the popup, a command, a lookup) has it loaded there (lib/frame-parts.ts).
// Kept small and plain on purpose: no framework, no polyfill, one storage read, so that a frame
// that holds no name costs next to nothing. The background runs it again in open tabs when a
// change of settings or packs may bring names to pages that had none.
import { DEMONYM_KEYS, KEYS, SCRIPTS } from 'virtual:gloss-bundled-aliases';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { changedText, probeText } from '@/lib/annotator/text-probe';
import { type BloomData, BloomFilter } from '@/lib/matcher/bloom';
import { type FilterData, keyLookup, mayHold } from '@/lib/matcher/prefilter';

/** Filters with partners look words up there; their word set is never read. */
const NO_WORDS: ReadonlySet<string> = new Set();

import type { Message } from '@/lib/messages';

/**
 * Waits before asking again for the highlighter, after a failed ask: in a browser just started,
 * the service worker may not listen yet for a few seconds.
 */
const LOAD_RETRIES_MS = [200, 1000, 3000, 6000, 12_000];
/** Custom elements may attach a shadow root late: looked at again this long after. */
const LATE_SHADOW_DELAYS_MS = [500, 2000, 8000, 30_000];

/** What the probe reads of storage, as the highlighter's modules write it (read loosely here). */
interface Stored {
  settings?: { paused?: unknown; demonyms?: unknown };
  'match-sources'?: {
    bundled?: unknown;
    imported?: {
      words?: BloomData;
      pairs?: BloomData;
      span?: number;
      arabic?: boolean;
      unspaced?: boolean;
      always?: boolean;
    } | null;
  };
}

/** The few extension APIs the probe uses: `browser` in Firefox, `chrome` (with promises, MV3) in Chrome. */
interface ExtensionApi {
  runtime: { id?: string; sendMessage(message: unknown): Promise<unknown> };
  storage: { local: { get(keys: string[]): Promise<Record<string, unknown>> } };
}

/** What a run of the probe leaves, so that the next run in the same frame replaces it. */
interface ProbeState {
  stop(): void;
}

declare global {
  var glossProbe: ProbeState | undefined;
  var glossHighlighter: true | undefined;
}

/** The word tests of the names that are on: the bundled pack's (unless off) and the imported packs'. */
function filtersOf(stored: Stored): FilterData[] {
  const filters: FilterData[] = [];
  const sources = stored['match-sources'];
  if (sources?.bundled !== false) {
    const keys = stored.settings?.demonyms === true && DEMONYM_KEYS ? `${KEYS}|${DEMONYM_KEYS}` : KEYS;
    // The key words themselves are only read when a text asks (a map is built for long texts).
    filters.push({ words: NO_WORDS, partners: keyLookup(keys), ...SCRIPTS });
  }
  const imported = sources?.imported;
  if (imported?.words && imported.pairs) {
    try {
      filters.push({
        words: BloomFilter.from(imported.words),
        pairs: BloomFilter.from(imported.pairs),
        span: typeof imported.span === 'number' ? imported.span : 64,
        arabic: imported.arabic === true,
        unspaced: imported.unspaced === true,
        always: imported.always === true,
      });
    } catch {
      // A damaged filter: the imported names are looked for everywhere rather than nowhere.
      filters.push({ words: { has: () => true }, arabic: true, unspaced: true, always: true });
    }
  }
  return filters;
}

function probe(api: ExtensionApi): void {
  globalThis.glossProbe?.stop();
  if (globalThis.glossHighlighter) return;
  const isTopFrame = window === window.top;
  let stopped = false;
  let observer: MutationObserver | null = null;
  const timers: ReturnType<typeof setTimeout>[] = [];
  let filters: FilterData[] = [];
  const test = (text: string) => filters.some((filter) => mayHold(filter, text));

  const stop = () => {
    stopped = true;
    observer?.disconnect();
    for (const timer of timers) clearTimeout(timer);
    if (globalThis.glossProbe === state) globalThis.glossProbe = undefined;
  };
  const state: ProbeState = { stop };
  globalThis.glossProbe = state;

  /**
   * Asks the background to run the highlighter here; the probe's work is done. Asked again a few
   * times if the answer is an error (the service worker starting, the frame still committing);
   * a frame that cannot have it (the extension gone) stays as it is.
   */
  const load = () => {
    if (stopped) return;
    stop();
    const message: Message<'frame/load'> = { type: 'frame/load', part: 'highlighter' };
    const ask = (attempt: number) => {
      if (globalThis.glossHighlighter) return;
      api.runtime
        .sendMessage(message)
        .then((answer) => {
          if (answer === null || globalThis.glossHighlighter) return;
          throw new Error('not loaded');
        })
        .catch(() => {
          if (attempt < LOAD_RETRIES_MS.length) setTimeout(() => ask(attempt + 1), LOAD_RETRIES_MS[attempt]);
        });
    };
    ask(0);
  };

  const root = () => document.body ?? document.documentElement;

  /** Looks at the whole frame; true when something in it may be a name (and the highlighter is asked for). */
  const lookAtPage = (): boolean => {
    const { found, waiting } = probeText(root(), test);
    if (found) {
      load();
      return true;
    }
    if (waiting.length > 0) {
      for (const delay of LATE_SHADOW_DELAYS_MS) {
        timers.push(
          setTimeout(() => {
            if (!stopped && waiting.some((el) => el.shadowRoot && probeText(el.shadowRoot, test).found)) load();
          }, delay),
        );
      }
    }
    return false;
  };

  /** Text the page adds later is looked at in batches, a task after it came. */
  const watch = () => {
    let pending: Node[] = [];
    let batch: ReturnType<typeof setTimeout> | undefined;
    observer = new MutationObserver((records) => {
      pending.push(...changedText(records));
      batch ??= setTimeout(() => {
        batch = undefined;
        const nodes = pending;
        pending = [];
        if (stopped) return;
        for (const node of nodes) {
          if (!node.isConnected) continue;
          const { found, waiting } = probeText(node, test);
          if (found) return load();
          // A custom element added later: looked at again with the page, for late shadow roots.
          if (waiting.length > 0) return void lookAtPage();
        }
      }, 0);
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
  };

  // A frame (an ad, an embed) is looked at once it has loaded: the page's own load event waits
  // for every frame's, and should not wait for Gloss. The top frame goes at once: the reader's
  // clock starts at DOMContentLoaded.
  if (!isTopFrame && document.readyState !== 'complete') {
    const onLoad = () => {
      if (!stopped) decide();
    };
    window.addEventListener('load', onLoad, { once: true });
    return;
  }
  decide();

  function decide(): void {
    void api.storage.local
      .get(['settings', 'match-sources'])
      .then((stored: Stored) => {
        if (stopped) return;
        filters = filtersOf(stored);
        // Paused everywhere: nothing is read (the background runs the probe again when that ends).
        if (stored.settings?.paused !== true && filters.length > 0) {
          if (lookAtPage()) return;
          watch();
        }
        if (isTopFrame) {
          // No highlighter reports for this tab: the toolbar says whether Gloss is on here, with no count.
          const quiet: Message<'page/quiet'> = { type: 'page/quiet' };
          api.runtime.sendMessage(quiet).catch(() => {});
        }
      })
      // Storage unreadable (the extension is gone): nothing to do.
      .catch(() => {});
  }
}

export default defineUnlistedScript(() => {
  const scope = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const api = scope.browser?.runtime?.id ? scope.browser : scope.chrome;
  if (api?.runtime?.id) probe(api);
});
