// The user's settings and what they mean for a page. Pure: no browser API.
import * as v from 'valibot';

export const SETTINGS_VERSION = 1;

export const SettingsSchema = v.object({
  /** Pauses Gloss everywhere without forgetting per-site choices. */
  paused: v.boolean(),
  /** Per-host choice; a host not listed follows the default (on). */
  sites: v.record(v.string(), v.boolean()),
  demonyms: v.boolean(),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  paused: false,
  sites: {},
  demonyms: false,
});

/** A stored value that is not valid settings falls back to the defaults, never throws. */
export function parseSettings(value: unknown): Settings {
  const parsed = v.safeParse(SettingsSchema, value);
  if (!parsed.success) return { ...DEFAULT_SETTINGS, sites: {} };
  // Object.entries drops inherited keys such as a smuggled __proto__.
  return { ...parsed.output, sites: Object.fromEntries(Object.entries(parsed.output.sites)) };
}

/** The host a per-site choice is stored under, or null for pages Gloss never runs on. */
export function siteKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.hostname.toLowerCase().replace(/^www\./, '');
}

export function isSiteEnabled(url: string, settings: Settings): boolean {
  const key = siteKey(url);
  if (key === null || settings.paused) return false;
  return settings.sites[key] ?? true;
}

export function withSite(settings: Settings, url: string, enabled: boolean): Settings {
  const key = siteKey(url);
  if (key === null) return settings;
  const sites = { ...settings.sites };
  // Default is on, so "on" is stored by forgetting the exception.
  if (enabled) delete sites[key];
  else sites[key] = false;
  return { ...settings, sites };
}
