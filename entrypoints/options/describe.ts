// Words the options page shows for settings data: repaired fields, rule patterns, tested addresses,
// file names. Pure, so it is unit tested; the page's other strings live in its components.
import type { EntityType } from '@/lib/knowledge/schema';
import type { HighlightLook } from '@/lib/settings/settings';
import { decidingRule, isSiteEnabled, parseSitePattern, type SiteRules } from '@/lib/settings/site-rules';

// Kept here rather than taken from the knowledge pack, so the options page does not bundle the pack.
export const TYPE_NAMES: Record<EntityType, { one: string; many: string }> = {
  country: { one: 'Country', many: 'Countries' },
  initiative: { one: 'Initiative', many: 'Initiatives' },
  organization: { one: 'Organization', many: 'Organizations' },
  official: { one: 'Official or person', many: 'Officials and people' },
};

export const LOOK_NAMES: Record<HighlightLook, string> = {
  background: 'Background',
  underline: 'Underline',
  outline: 'Outline',
};

const FIELD_NAMES: Record<string, string> = {
  settings: 'all settings (what was stored could not be read at all)',
  paused: 'the “Pause everywhere” switch',
  site: 'where Gloss runs: the default and every site rule',
  categories: 'which kinds of names are highlighted',
  styles: 'the highlight styles and colours',
  demonyms: 'demonym matching',
};

/** What a repair reset, in words: one line per field; unreadable site rules are counted. */
export function describeProblems(problems: readonly string[]): string[] {
  const lines: string[] = [];
  for (const problem of new Set(problems)) {
    if (problem === 'site rule') {
      const count = problems.filter((p) => p === 'site rule').length;
      lines.push(
        count === 1
          ? 'a site rule that could not be read (removed)'
          : `${count} site rules that could not be read (removed)`,
      );
    } else {
      lines.push(FIELD_NAMES[problem] ?? problem);
    }
  }
  return lines;
}

/**
 * Damage recorded by an earlier repair and damage found in storage now, without counting a field
 * twice; dropped site rules are counted, so the larger count of the two is kept.
 */
export function mergeProblems(recorded: readonly string[], now: readonly string[]): string[] {
  const rules = (list: readonly string[]) => list.filter((p) => p === 'site rule').length;
  const fields = [...new Set([...recorded, ...now].filter((p) => p !== 'site rule'))];
  return [...fields, ...Array<string>(Math.max(rules(recorded), rules(now))).fill('site rule')];
}

/** What a stored pattern covers, in a few words. */
export function describePattern(pattern: string): string {
  const parsed = parseSitePattern(pattern);
  if (!parsed.ok) return 'not a valid pattern';
  const { host, wildcardHost, port, path, scheme } = parsed.pattern;
  const parts = [wildcardHost ? `${host} and its subdomains` : host];
  if (port) parts.push(`port ${port}`);
  if (scheme !== '*') parts.push(`${scheme} only`);
  if (path) parts.push('matching pages only');
  return parts.join(', ');
}

export type AddressVerdict =
  | { kind: 'empty' }
  | { kind: 'invalid'; message: string }
  | { kind: 'not-web' }
  | { kind: 'decided'; url: string; enabled: boolean; rule: { pattern: string; index: number } | null };

/**
 * Which rule decides for an address the user typed. A bare `example.com/news` is read as https, the
 * way a browser's address bar would.
 */
export function testAddress(input: string, site: SiteRules): AddressVerdict {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(text) && !/^[^/]+:\d+(\/|$)/.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return { kind: 'invalid', message: 'That is not an address. Try one such as https://example.com/news.' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { kind: 'not-web' };
  const decided = decidingRule(url.href, site);
  return {
    kind: 'decided',
    url: url.href,
    enabled: isSiteEnabled(url.href, site),
    rule: decided ? { pattern: decided.rule.pattern, index: decided.index } : null,
  };
}

/** gloss-settings-YYYY-MM-DD.json, in the user's own time zone. */
export function exportFileName(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `gloss-settings-${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}.json`;
}
