// Settings in extension storage: read through the schema, so a damaged value never breaks Gloss.
import { storage } from 'wxt/utils/storage';
import { DEFAULT_SETTINGS, migrateV1, parseSettingsReport, SETTINGS_VERSION, type Settings } from './settings/settings';

export const settingsItem = storage.defineItem<Settings>('local:settings', {
  fallback: DEFAULT_SETTINGS,
  version: SETTINGS_VERSION,
  migrations: { 2: migrateV1 },
});

/** What was found damaged when settings were last read, so the options page can tell the user. */
export interface SettingsRepair {
  problems: string[];
  at: number;
}
export const settingsRepairItem = storage.defineItem<SettingsRepair | null>('local:settings-repair', {
  fallback: null,
});

export async function loadSettings(): Promise<Settings> {
  return parseSettingsReport(await settingsItem.getValue()).settings;
}

/**
 * Applies a change to the latest stored settings, so quick changes in a row all count. A damaged
 * stored value is repaired here, field by field, and what was lost is recorded for the options page.
 */
export function updateSettings(change: (settings: Settings) => Settings): Promise<Settings> {
  // Updates from one context run one after another: two quick clicks both read the latest value.
  const run = pendingUpdate.then(async () => {
    const { settings, problems } = parseSettingsReport(await settingsItem.getValue());
    if (problems.length > 0) await settingsRepairItem.setValue({ problems, at: Date.now() });
    const next = change(settings);
    await settingsItem.setValue(next);
    return next;
  });
  pendingUpdate = run.catch(() => undefined);
  return run;
}
let pendingUpdate: Promise<unknown> = Promise.resolve();

/** Damage in what is stored now, without changing anything. */
export async function checkStoredSettings(): Promise<string[]> {
  return parseSettingsReport(await settingsItem.getValue()).problems;
}

export function watchSettings(callback: (settings: Settings) => void): () => void {
  return settingsItem.watch((value) => callback(parseSettingsReport(value).settings));
}
