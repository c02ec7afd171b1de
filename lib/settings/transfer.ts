// Settings as a file the user can keep and bring back. Pure: no browser API.
import { parseUntrustedJson } from '../untrusted-json';
import { migrateV1, parseSettingsReport, SETTINGS_VERSION, type Settings } from './settings';

const FORMAT = 'gloss-settings';
/** Settings are a few kilobytes; anything far larger is not ours and is not parsed at all. */
export const MAX_IMPORT_BYTES = 256 * 1024;

export function exportSettings(settings: Settings): string {
  return `${JSON.stringify({ format: FORMAT, version: SETTINGS_VERSION, settings }, null, 2)}\n`;
}

/**
 * Why a file cannot be imported, as data: the options page words it (public/_locales), so this
 * module stays free of browser APIs and of any one language. Nothing is changed in every case.
 */
export type ImportError =
  | { code: 'too-large'; maxKilobytes: number }
  | { code: 'not-json' }
  /** A key such as `__proto__` anywhere in the file. */
  | { code: 'forbidden-key'; key: string }
  /** Valid JSON, but not our format. */
  | { code: 'not-settings' }
  | { code: 'newer-version' }
  /** A version that is no number, or one Gloss never wrote. */
  | { code: 'unknown-version' }
  /** The fields parseSettingsReport could not use, as it names them (`styles`, `site rule`…). */
  | { code: 'unusable'; fields: string[] };

export type ImportResult = { ok: true; settings: Settings } | { ok: false; error: ImportError };

/**
 * A settings file back into settings, or the reason it cannot be: nothing is applied unless the
 * whole file is valid (a partly valid file would change some settings and silently drop others).
 */
export function importSettings(text: string): ImportResult {
  if (text.length > MAX_IMPORT_BYTES) {
    return { ok: false, error: { code: 'too-large', maxKilobytes: MAX_IMPORT_BYTES / 1024 } };
  }
  const json = parseUntrustedJson(text);
  if (!json.ok) {
    const { problem } = json;
    return { ok: false, error: problem.code === 'not-json' ? { code: 'not-json' } : problem };
  }
  const { data } = json;
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== FORMAT) {
    return { ok: false, error: { code: 'not-settings' } };
  }
  const { version, settings } = data as { version?: unknown; settings?: unknown };
  if (version !== 1 && version !== SETTINGS_VERSION) {
    const newer = typeof version === 'number' && version > SETTINGS_VERSION;
    return { ok: false, error: { code: newer ? 'newer-version' : 'unknown-version' } };
  }
  const current = version === 1 ? migrateV1(settings) : settings;
  const parsed = parseSettingsReport(current);
  if (parsed.problems.length > 0 || typeof current !== 'object' || current === null) {
    const fields = parsed.problems.length > 0 ? parsed.problems : ['settings'];
    return { ok: false, error: { code: 'unusable', fields } };
  }
  return { ok: true, settings: parsed.settings };
}
