// Settings in extension storage: read through the schema, so a damaged value never breaks Gloss.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, parseSettings, SETTINGS_VERSION, type Settings } from './settings/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
});

export async function loadSettings(): Promise<Settings> {
  return parseSettings(await settingsItem.getValue());
}

/** Applies a change to the latest stored settings, so quick changes in a row all count. */
export async function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  const next = change(await loadSettings());
  await settingsItem.setValue(next);
  return next;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettings(value)));
}
