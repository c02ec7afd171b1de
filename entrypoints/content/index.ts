import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { Annotator, countMentions } from '@/lib/annotator/annotator';
import { matcherAliases } from '@/lib/knowledge/pack';
import { Matcher } from '@/lib/matcher/matcher';
import { isMessageOfType, type Message, type PageState } from '@/lib/messages';
import { isSiteEnabled, type Settings, siteKey } from '@/lib/settings/settings';
import { loadSettings, watchSettings } from '@/lib/storage';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
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

    const enabled = () => isSiteEnabled(location.href, settings);

    const mentions = () => [...countMentions(document)].map(([entityId, count]) => ({ entityId, count }));

    // Batched: a page that keeps changing should not flood the background with messages.
    const reportMentions = () => {
      clearTimeout(reportTimer);
      reportTimer = setTimeout(() => {
        if (ctx.isInvalid) return;
        const message: Message<'page/mentions'> = {
          type: 'page/mentions',
          distinct: countMentions(document).size,
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
      });
      void annotator.start();
    };

    const unwatch = watchSettings((next) => {
      settings = next;
      apply();
    });

    const onMessage = (message: unknown): Promise<PageState> | undefined => {
      if (!isMessageOfType(message, 'page/get-state')) return undefined;
      return (async () => {
        await annotator?.idle();
        return {
          url: location.href,
          site: siteKey(location.href),
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
