import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Annotator } from '@/lib/annotator/annotator';
import { matcherAliases } from '@/lib/knowledge/pack';
import { Matcher } from '@/lib/matcher/matcher';
import { isMessageOfType, type Message, type PageState } from '@/lib/messages';
import { isEnabledOn, type Settings } from '@/lib/settings/settings';
import { siteKey } from '@/lib/settings/site-rules';
import { loadSettings, watchSettings } from '@/lib/storage';
import './style.css';
import highlightStyles from './style.css?inline';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // Each frame highlights its own document; cross-origin frames included.
  allFrames: true,
  matchAboutBlank: true,
  async main(ctx) {
    const aliases = matcherAliases();
    let settings: Settings = await loadSettings();
    let matcherFor: { demonyms: boolean; matcher: Matcher } | null = null;
    let annotator: Annotator | null = null;
    let annotatorMatcher: Matcher | null = null;
    let reportTimer: ReturnType<typeof setTimeout> | undefined;

    const matcher = () => {
      if (matcherFor?.demonyms !== settings.demonyms) {
        matcherFor = { demonyms: settings.demonyms, matcher: new Matcher(aliases, { demonyms: settings.demonyms }) };
      }
      return matcherFor.matcher;
    };

    // about:blank and srcdoc frames belong to the page that made them, whose URL is their base.
    const pageUrl = () => (location.protocol === 'about:' ? document.baseURI : location.href);
    const enabled = () => isEnabledOn(pageUrl(), settings);

    const mentions = () => [...(annotator?.mentions() ?? [])].map(([entityId, count]) => ({ entityId, count }));
    // Frames highlight their own text; the top frame speaks for the tab (badge, popup).
    const isTopFrame = window === window.top;

    // Batched: a page that keeps changing should not flood the background with messages.
    const reportMentions = () => {
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

    const apply = () => {
      if (ctx.isInvalid) return;
      if (!enabled()) {
        annotator?.stop();
        annotator = null;
        reportMentions();
        return;
      }
      const wanted = matcher();
      if (annotator && annotatorMatcher === wanted) return;
      annotator?.stop();
      annotatorMatcher = wanted;
      annotator = new Annotator(document.body ?? document.documentElement, {
        matcher: wanted,
        onChange: reportMentions,
        shadowStyles: highlightStyles,
      });
      void annotator.start();
    };

    const unwatch = watchSettings((next) => {
      settings = next;
      apply();
    });

    const onMessage = (message: unknown): Promise<PageState> | undefined => {
      if (!isTopFrame || !isMessageOfType(message, 'page/get-state')) return undefined;
      return (async () => {
        await annotator?.idle();
        return {
          url: pageUrl(),
          site: siteKey(pageUrl()),
          enabled: enabled(),
          mentions: enabled() ? mentions() : [],
        };
      })();
    };
    browser.runtime.onMessage.addListener(onMessage);

    ctx.onInvalidated(() => {
      clearTimeout(reportTimer);
      unwatch();
      browser.runtime.onMessage.removeListener(onMessage);
      annotator?.stop();
      annotator = null;
    });

    apply();
  },
});
