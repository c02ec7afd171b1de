// The toolbar button of each tab: badge, tooltip and icon follow the content script's reports and
// every change of the settings. Browser glue around the pure rules of badge.ts.
import { browser } from 'wxt/browser';
import type { Settings } from '@/lib/settings/settings';
import { type ActionState, actionView, stateAfterSettingsChange, stateFromReport } from './badge';

type Report = { distinct: number; enabled: boolean };

export interface Toolbar {
  /** A content script's report for the top frame of a tab. */
  report(tabId: number, report: Report, settings: Settings): Promise<void>;
  /** Tabs whose on/off state changed follow at once, without waiting for their content script. */
  settingsChanged(before: Settings, after: Settings): Promise<void>;
  forget(tabId: number): void;
}

export function createToolbar(): Toolbar {
  // Firefox builds are MV2, where the toolbar button is browserAction.
  const action = browser.action ?? browser.browserAction;
  // The last report of each tab. An MV3 worker forgets it when it sleeps; the worst that costs is a
  // blank count after switching a site back on, until the page reports again.
  const reports = new Map<number, Report>();

  const show = async (tabId: number, state: ActionState) => {
    const view = actionView(state);
    // A tab can close between the report and these calls; that is not an error worth surfacing.
    await Promise.all([
      action.setBadgeText({ tabId, text: view.text }),
      action.setBadgeBackgroundColor({ tabId, color: view.color }),
      action.setTitle({ tabId, title: view.title }),
      action.setIcon({ tabId, path: { ...view.icon } }),
    ]).catch(() => undefined);
  };

  return {
    async report(tabId, report, settings) {
      reports.set(tabId, report);
      await show(tabId, stateFromReport(report, settings));
    },
    async settingsChanged(before, after) {
      // Without the "tabs" permission, tabs.query still gives the URL of every http(s) tab: the
      // host permissions cover them. Other tabs have no URL here, and Gloss never runs on them.
      const tabs = await browser.tabs.query({}).catch(() => []);
      await Promise.all(
        tabs.map((tab) => {
          if (tab.id === undefined) return undefined;
          const state = stateAfterSettingsChange(tab.url, before, after, reports.get(tab.id));
          return state ? show(tab.id, state) : undefined;
        }),
      );
    },
    forget(tabId) {
      reports.delete(tabId);
    },
  };
}
