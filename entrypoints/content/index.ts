import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Annotator } from '@/lib/annotator/annotator';
import { type CardData, CardDataSchema } from '@/lib/knowledge/card-data';
import { loadMatchSources, type MatchSources, watchMatchSources } from '@/lib/match-store';
import { LazyMatcher } from '@/lib/matcher/lazy-matcher';
import {
  type JumpResult,
  type Message,
  type MessageError,
  type MessageType,
  messageType,
  type PageState,
  parseMessage,
} from '@/lib/messages';
import { highlightCss } from '@/lib/settings/highlight-css';
import { enabledTypes, isEnabledOn, type Settings } from '@/lib/settings/settings';
import { siteKey } from '@/lib/settings/site-rules';
import { loadSettings, watchSettings } from '@/lib/storage';
import { bundledSource, importedSource, readBundledAliases } from './alias-sources';
import type { CardAnchor } from './card-api';
import { LazyCard } from './card-loader';
import { HighlightSheet } from './highlight-sheet';
import { Interactions } from './interactions';
import { Jumper } from './jump';
import type { Box } from './mentions';
import '@/entrypoints/matcher/api';
import { loadPart } from './parts';

export default defineContentScript({
  // Not in the manifest: the probe (entrypoints/probe.content), which every frame runs, has the
  // background run this in the frames whose text may hold a name, or that are asked something.
  registration: 'runtime',
  matches: ['http://*/*', 'https://*/*'],
  // The card brings its own styles into its shadow root (entrypoints/card); nothing goes in the page.
  cssInjectionMode: 'manual',
  async main(ctx) {
    // Once per frame. Two loaders may ask at nearly the same moment (the probe, and a popup opened
    // while the page loads): the newer run's context then stops this one at once, even in the
    // middle of its first reads below, and this one gives the frame up there and then, so that
    // the newer run finds it free and starts clean. Each step set up below adds its undoing here.
    if (globalThis.glossHighlighter) return;
    globalThis.glossHighlighter = true;
    const undo: (() => void)[] = [];
    ctx.onInvalidated(() => {
      globalThis.glossHighlighter = undefined;
      // The page first: once the extension has reloaded or gone, its APIs throw ("Extension
      // context invalidated"), and nothing after a throw would run.
      for (const step of undo.splice(0).reverse()) {
        try {
          step();
        } catch {
          // The listener went with the extension's context.
        }
      }
    });
    // Listening from the first moment: whoever had this script run here to ask something (the
    // popup, a command, a lookup) asks right after; those messages wait for the settings.
    let answer: ((message: unknown, sender: { id?: string }) => Promise<unknown> | undefined) | null = null;
    let started: () => void = () => {};
    const ready = new Promise<void>((resolve) => {
      started = resolve;
    });
    const listener = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      if (answer) return answer(message, sender);
      if (sender.id !== browser.runtime.id || !isPageMessage(message)) return undefined;
      return ready.then(() => answer?.(message, sender));
    };
    browser.runtime.onMessage.addListener(listener);
    undo.push(() => browser.runtime.onMessage.removeListener(listener));
    // The names are read while the settings are: the first highlight waits for the slowest read,
    // not for all of them one after another.
    readBundledAliases();
    // The matcher's script too: the probe sends this script only where a text may hold a name.
    void Promise.resolve(matcherEngine()).catch(() => undefined);
    // Both reads at once: the first highlight waits for the slower of the two, not for both.
    let [settings, sources]: [Settings, MatchSources] = await Promise.all([loadSettings(), loadMatchSources()]);
    if (ctx.isInvalid) return;
    let matcherFor: { key: string; matcher: LazyMatcher | null } | null = null;
    let annotator: Annotator | null = null;
    let annotatorMatcher: LazyMatcher | null = null;
    let reportTimer: ReturnType<typeof setTimeout> | undefined;
    const sheet = new HighlightSheet(document);

    /**
     * Null when every type or every pack is switched off: nothing to highlight. The matcher builds
     * its patterns only once a text may hold a name (LazyMatcher), so a frame without one pays
     * for a word test, not for a pattern.
     */
    const matcher = (): LazyMatcher | null => {
      const types = enabledTypes(settings);
      const key = `${settings.demonyms}|${types.join(',')}|${sources.bundled}|${sources.imported?.packs.join(',')}`;
      if (matcherFor?.key !== key) {
        const wanted = (alias: { entityType: keyof Settings['categories'] }) => settings.categories[alias.entityType];
        const from = [
          ...(sources.bundled ? [bundledSource(wanted, settings.demonyms)] : []),
          ...(sources.imported ? [importedSource(sources.imported, wanted)] : []),
        ];
        matcherFor = {
          key,
          // The highlight styles set custom properties on the page's root, which restyles the whole
          // page: a frame that never holds a name never gets them.
          matcher:
            types.length > 0 && from.length > 0
              ? new LazyMatcher(matcherEngine, from, { demonyms: settings.demonyms }, () =>
                  sheet.set(highlightCss(settings.styles)),
                )
              : null,
        };
      }
      return matcherFor.matcher;
    };

    // about:blank and srcdoc frames belong to the page that made them, whose URL is their base.
    const pageUrl = () => (location.protocol === 'about:' ? document.baseURI : location.href);
    const enabled = () => isEnabledOn(pageUrl(), settings);

    const mentions = () => [...(annotator?.mentions() ?? [])].map(([entityId, count]) => ({ entityId, count }));
    // Frames highlight their own text; the top frame speaks for the tab (badge, popup, jumps).
    const isTopFrame = window === window.top;

    let interactions: Interactions | null = null;
    const card = new LazyCard(ctx, {
      mentionsOf: (entityId) => annotator?.mentions().get(entityId),
      openDocument: (document, quote) => {
        const message: Message<'ui/open-document'> = {
          type: 'ui/open-document',
          packId: document.packId,
          sourceId: document.id,
          quote,
        };
        browser.runtime.sendMessage(message).catch(() => {});
      },
      cardData: async (entityId): Promise<CardData | null> => {
        const message: Message<'knowledge/card'> = { type: 'knowledge/card', entityId };
        const answer: unknown = await browser.runtime.sendMessage(message);
        const parsed = v.safeParse(v.nullable(CardDataSchema), answer);
        if (!parsed.success) throw new Error('Gloss: the background did not answer with a card.');
        return parsed.output;
      },
      focusMark: (mark) => interactions?.focusMark(mark, true),
    });
    interactions = new Interactions(ctx, card);
    const jumper = new Jumper(document, () =>
      annotator?.hasUnwritten() ? (text: Text) => annotator?.unwrittenIn(text) : null,
    );

    // Batched: a page that keeps changing should not flood the background with messages.
    const reportMentions = () => {
      // A page that replaces the document's adopted sheets wholesale gets ours back.
      sheet.ensure();
      if (!isTopFrame) return;
      clearTimeout(reportTimer);
      reportTimer = setTimeout(() => {
        if (ctx.isInvalid) return;
        const message: Message<'page/mentions'> = {
          type: 'page/mentions',
          distinct: annotator?.mentions().size ?? 0,
          enabled: enabled(),
        };
        browser.runtime.sendMessage(message).catch(() => {});
      }, 250);
    };

    const stopHighlighting = () => {
      annotator?.stop();
      annotator = null;
      annotatorMatcher = null;
      jumper.forget();
      interactions?.reset();
    };

    /** A matcher being compiled, a step per task, before it takes over (see apply). */
    let warming: Promise<void> | null = null;
    const warmUp = (next: LazyMatcher) =>
      new Promise<void>((resolve) => {
        const step = () => {
          if (ctx.isInvalid || !next.warmUp()) resolve();
          else ctx.setTimeout(step, 0);
        };
        ctx.setTimeout(step, 0);
      });
    /** The page's marks once settings that just changed have taken effect. */
    const settled = async () => {
      while (warming) await warming;
      await annotator?.idle();
    };

    const apply = () => {
      if (ctx.isInvalid) return;
      if (!enabled()) {
        stopHighlighting();
        sheet.remove();
        card.close();
        reportMentions();
        return;
      }
      const css = highlightCss(settings.styles);
      const wanted = matcher();
      if (annotatorMatcher?.built || wanted?.built) sheet.set(css);
      if (annotator && annotatorMatcher === wanted) return;
      // The current marks stay until the new matcher is compiled, a step at a time, so that
      // switching a kind of name off never blanks the page for the length of a compile. (A page
      // that never held a name has nothing to keep, and its matcher is built only when needed.)
      if (wanted && annotatorMatcher?.built && (!wanted.built || !wanted.warm)) {
        warming ??= warmUp(wanted).then(() => {
          warming = null;
          apply();
        });
        return;
      }
      stopHighlighting();
      if (!wanted) {
        reportMentions();
        return;
      }
      annotatorMatcher = wanted;
      annotator = new Annotator(document.body ?? document.documentElement, {
        matcher: wanted,
        onChange: reportMentions,
        // The colours are custom properties set on the page's root, which shadow trees inherit:
        // later style changes reach marks in shadow roots without touching their sheets.
        shadowStyles: css,
      });
      // A page with nothing to highlight never changes; it still reports, so the toolbar says so.
      void annotator.start().then(reportMentions);
    };

    const unwatchSettings = watchSettings((next) => {
      settings = next;
      apply();
    });
    const unwatchSources = watchMatchSources((next) => {
      sources = next;
      apply();
    });
    // A change made between the first read and the watchers above was missed by both: this script
    // is run whenever a frame needs it, maybe just as the user switches something. Read once more.
    void Promise.all([loadSettings(), loadMatchSources()]).then(([now, nowSources]) => {
      if (ctx.isInvalid) return;
      if (JSON.stringify(now) === JSON.stringify(settings) && JSON.stringify(nowSources) === JSON.stringify(sources)) {
        return;
      }
      settings = now;
      sources = nowSources;
      apply();
    });

    const state = async (): Promise<PageState> => {
      await settled();
      return {
        url: pageUrl(),
        site: siteKey(pageUrl()),
        enabled: enabled(),
        mentions: enabled() ? mentions() : [],
      };
    };

    const jump = async (entityId: string | null, direction: 'next' | 'prev'): Promise<JumpResult | null> => {
      await settled();
      // A mention not written yet (far away on a page dear to render) is written first, then
      // landed on; a page changing meanwhile could keep moving it, so only a few tries.
      for (let attempt = 0; attempt < 3 && annotator; attempt++) {
        const target = jumper.target(entityId, direction);
        if (!target) return null;
        if ('run' in target) {
          await annotator.revealRun(target.run);
          continue;
        }
        void interactions?.jumpTo(target.head);
        return { entityId: target.entityId, index: target.index, total: target.total };
      }
      return null;
    };

    const lookup = async (text: string, entityId: string | null): Promise<{ entityId: string | null }> => {
      const anchor = selectionAnchor(text) ?? topCenterAnchor();
      await card.open(
        entityId ? { kind: 'entity', entityId, trail: [] } : { kind: 'nothing', text },
        anchor,
        'lookup',
        {
          focus: true,
        },
      );
      return { entityId };
    };

    const malformed = (type: MessageType): Promise<MessageError> =>
      Promise.resolve({ error: `Gloss: the '${type}' message is malformed.` });

    const onMessage = (message: unknown, sender: { id?: string }): Promise<unknown> | undefined => {
      // Only our own extension talks to us; anything else, and messages not of ours, are ignored.
      if (sender.id !== browser.runtime.id) return undefined;
      const type = messageType(message);
      switch (type) {
        case 'page/get-state': {
          if (!isTopFrame) return undefined;
          return parseMessage(message, type) ? state() : malformed(type);
        }
        case 'page/jump': {
          if (!isTopFrame) return undefined;
          const parsed = parseMessage(message, type);
          return parsed ? jump(parsed.entityId, parsed.direction) : malformed(type);
        }
        case 'page/lookup': {
          const parsed = parseMessage(message, type);
          // The frame with the selection shows the card; the top frame answers for the tab.
          if (!parsed) return isTopFrame ? malformed(type) : undefined;
          if (!isTopFrame && !selectionMatches(parsed.text)) return undefined;
          return lookup(parsed.text, parsed.entityId);
        }
        default:
          // Messages for the background ('page/mentions', 'ui/open-document'), or not ours.
          return undefined;
      }
    };
    answer = onMessage;
    started();

    undo.push(unwatchSettings, unwatchSources, () => {
      clearTimeout(reportTimer);
      stopHighlighting();
      sheet.remove();
      card.close();
    });
    // An orphaned script notices it is orphaned only when it checks; a still page would otherwise
    // keep the old marks until the next hover. This check is the cheapest way to notice in time.
    ctx.setInterval(() => {}, 2000);

    interactions.start();
    apply();
  },
});

/**
 * The Matcher's code, from its own script (entrypoints/matcher): loaded the first time a text here
 * may hold a name, and at once in frames the probe sent this script to (see main).
 */
const matcherEngine = () => globalThis.glossMatcher ?? loadPart('matcher', () => globalThis.glossMatcher);

/** Messages this script answers (the rest are the background's, or not ours). */
const PAGE_MESSAGES: readonly MessageType[] = ['page/get-state', 'page/jump', 'page/lookup'];
const isPageMessage = (message: unknown) => PAGE_MESSAGES.includes(messageType(message) as MessageType);

declare global {
  // Set while the highlighter runs in this frame's content-script world: the probe, run again
  // after a change of settings, leaves such a frame to it.
  var glossHighlighter: true | undefined;
}

const normalize = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Selections in text fields are not the document's selection: the field's own is read. */
function fieldSelection(): { field: HTMLElement; text: string } | null {
  const field = document.activeElement;
  if (!(field instanceof HTMLInputElement || field instanceof HTMLTextAreaElement)) return null;
  const { selectionStart: start, selectionEnd: end } = field;
  if (start === null || end === null || start === end) return null;
  return { field, text: field.value.slice(start, end) };
}

/** The text looked up is this document's selection (the context menu sends it, maybe cut short). */
function matches(selected: string, text: string): boolean {
  const wanted = normalize(text);
  return wanted !== '' && normalize(selected).includes(wanted.slice(0, 200));
}

function selectionMatches(text: string): boolean {
  const field = fieldSelection();
  return matches(window.getSelection()?.toString() ?? '', text) || (field !== null && matches(field.text, text));
}

/** Where the looked-up text is on screen, to put the card next to it; null when not in this document. */
function selectionAnchor(text: string): CardAnchor | null {
  const selection = window.getSelection();
  if (selection && selection.rangeCount > 0 && !selection.isCollapsed && matches(selection.toString(), text)) {
    const range = selection.getRangeAt(0).cloneRange();
    return {
      pieces: null,
      box: (): Box | null => {
        const rect = range.getBoundingClientRect();
        return rect.width === 0 && rect.height === 0 ? null : rect;
      },
    };
  }
  const field = fieldSelection();
  if (field && matches(field.text, text)) {
    return { pieces: null, box: () => (field.field.isConnected ? field.field.getBoundingClientRect() : null) };
  }
  return null;
}

/** Where a card goes when the selection is not in this document (a frame's, or already gone). */
function topCenterAnchor(): CardAnchor {
  const box = () => {
    const middle = document.documentElement.clientWidth / 2;
    return { left: Math.max(0, middle - 180), right: middle + 180, top: 0, bottom: 8 };
  };
  return { pieces: null, box };
}
