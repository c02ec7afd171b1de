// The "toggle-site" command: Gloss on or off for the site of the active tab. Pure.
import { isEnabledOn, type Settings } from '@/lib/settings/settings';
import { siteKey, withSiteEnabled } from '@/lib/settings/site-rules';

/**
 * The settings after the user pressed the toggle on a page. Where Gloss highlights, it switches
 * the site off. Where it does not, the user wants to see highlights on this page, so it switches
 * the site on, and, when Gloss is paused, also ends the pause: the shortcut has no other way to
 * make the page light up (the pause is one switch for every site, as in the popup). Pages Gloss
 * never runs on (not http or https) leave the settings as they are.
 */
export function toggledSettings(settings: Settings, url: string): Settings {
  if (siteKey(url) === null) return settings;
  if (isEnabledOn(url, settings)) return { ...settings, site: withSiteEnabled(settings.site, url, false) };
  return { ...settings, paused: false, site: withSiteEnabled(settings.site, url, true) };
}
