// Settings as a file the user can keep and bring back. Pure: no browser API.
import { migrateV1, parseSettingsReport, SETTINGS_VERSION, type Settings } from './settings';

const FORMAT = 'gloss-settings';
/** Settings are a few kilobytes; anything far larger is not ours and is not parsed at all. */
export const MAX_IMPORT_BYTES = 256 * 1024;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ format: FORMAT, version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: string };

/**
 * A settings file back into settings, or the reason it cannot be: nothing is applied unless the
 * whole file is valid (a partly valid file would change some settings and silently drop others).
 */
export function importSettings(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: `This file is too large to be Gloss settings (over ${MAX_IMPORT_BYTES / 1024} KB).` };
  }
  let forbidden: string | null = null;
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = key;
      return value;
    });
  } catch {
    return { ok: false, error: 'This file is not valid JSON.' };
  }
  if (forbidden !== null) return { ok: false, error: `This file contains a forbidden key (“${forbidden}”).` };
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== FORMAT) {
    return { ok: false, error: 'This is not a Gloss settings file.' };
  }
  const { version, settings } = data as { version?: unknown; settings?: unknown };
  if (version !== 1 && version !== SETTINGS_VERSION) {
    return {
      ok: false,
      error:
        typeof version === 'number' && version > SETTINGS_VERSION
          ? 'This file comes from a newer version of Gloss.'
          : 'This settings file has an unknown version.',
    };
  }
  const current = version === 1 ? migrateV1(settings) : settings;
  const parsed = parseSettingsReport(current);
  if (parsed.problems.length > 0 || typeof current !== 'object' || current === null) {
    const fields = parsed.problems.length > 0 ? parsed.problems.join(', ') : 'settings';
    return { ok: false, error: `This file has settings Gloss cannot use (${fields}). Nothing was changed.` };
  }
  return { ok: true, settings: parsed.settings };
}
