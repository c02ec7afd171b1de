// What the toolbar button shows for one tab: how many entities the page names, or that Gloss is
// off there (a grey, struck-through icon and "off"). Decisions only, worded in the user's language
// (lib/i18n); the calls that change the button live in toolbar.ts.
import { plural, t } from '@/lib/i18n';
import { isEnabledOn, type Settings } from '@/lib/settings/settings';
import { siteKey } from '@/lib/settings/site-rules';
import { ICON_OFF, ICON_ON, type IconPaths } from './icons';

/** `distinct` is null while Gloss runs on the page but its content script has not counted yet. */
export type ActionState = { kind: 'on'; distinct: number | null } | { kind: 'off-site' } | { kind: 'paused' };

export interface ActionView {
  text: string;
  color: string;
  title: string;
  icon: IconPaths;
}

const ON_COLOR = '#2b4c7e';
const OFF_COLOR = '#6b7280';
/** A badge has room for about four characters. */
const MAX_BADGE_COUNT = 999;

/**
 * The button for a state. "off" stays on the badge next to the grey icon: at 16 px the icon's
 * slash is small, and the word also tells "off" apart from a page where nothing was found (no badge).
 */
export function actionView(state: ActionState): ActionView {
  switch (state.kind) {
    case 'on': {
      const { distinct } = state;
      return {
        text:
          distinct === null || distinct === 0
            ? ''
            : distinct > MAX_BADGE_COUNT
              ? `${MAX_BADGE_COUNT}+`
              : String(distinct),
        color: ON_COLOR,
        title:
          distinct === null ? t('extName') : distinct === 0 ? t('badgeTitleNone') : plural('badgeTitleCount', distinct),
        icon: ICON_ON,
      };
    }
    case 'off-site':
      return { text: t('badgeOff'), color: OFF_COLOR, title: t('badgeTitleOffSite'), icon: ICON_OFF };
    case 'paused':
      return { text: t('badgeOff'), color: OFF_COLOR, title: t('badgeTitlePaused'), icon: ICON_OFF };
  }
}

/** What a content script's report means for its tab; a page that is off is off for a reason we know. */
export function stateFromReport(report: { distinct: number; enabled: boolean }, settings: Settings): ActionState {
  if (report.enabled) return { kind: 'on', distinct: report.distinct };
  return settings.paused ? { kind: 'paused' } : { kind: 'off-site' };
}

/** Whether Gloss runs on a URL under these settings, and if not why; null where it never runs. */
export function stateKind(url: string | undefined, settings: Settings): ActionState['kind'] | null {
  if (url === undefined || siteKey(url) === null) return null;
  if (settings.paused) return 'paused';
  return isEnabledOn(url, settings) ? 'on' : 'off-site';
}

/**
 * The new state of a tab after the settings changed, or null when the tab keeps what it shows
 * (its state did not change, or Gloss never runs there). Switching on shows the count of the
 * last report only if that report already came from the page running (it may beat this change
 * to the background); otherwise the count appears when the content script reports.
 */
export function stateAfterSettingsChange(
  url: string | undefined,
  before: Settings,
  after: Settings,
  lastReport: { distinct: number; enabled: boolean } | undefined,
): ActionState | null {
  const was = stateKind(url, before);
  const now = stateKind(url, after);
  if (now === null || was === now) return null;
  if (now !== 'on') return { kind: now };
  return { kind: 'on', distinct: lastReport?.enabled ? lastReport.distinct : null };
}
