import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { parseMessage } from '@/lib/messages';

export default defineBackground(() => {
  // Firefox builds are MV2, where the toolbar button is browserAction.
  const action = browser.action ?? browser.browserAction;
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts report; anything else is ignored.
    if (sender.id !== browser.runtime.id) return undefined;
    const report = parseMessage(message, 'page/mentions');
    const tabId = sender.tab?.id;
    if (!report || tabId === undefined) return undefined;
    const text = !report.enabled ? 'off' : report.distinct > 0 ? String(report.distinct) : '';
    return Promise.all([
      action.setBadgeText({ tabId, text }),
      action.setBadgeBackgroundColor({ tabId, color: report.enabled ? '#2b4c7e' : '#6b7280' }),
    ]).then(
      () => null,
      () => null,
    );
  });
});
