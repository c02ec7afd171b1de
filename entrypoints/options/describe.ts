// Words the options page shows for settings data: repaired fields, rule patterns and why one cannot
// be read, tested addresses, why a file cannot be imported, file names. Decisions are unit tested here; the words are messages (lib/i18n), like the page's
// other strings, which live in its components.
import { formatList, type MessageKey, plural, t } from '@/lib/i18n';
import {
  decidingRule,
  isSiteEnabled,
  type PatternError,
  parseSitePattern,
  type SiteRules,
} from '@/lib/settings/site-rules';
import type { ImportError } from '@/lib/settings/transfer';

/** The fields parseSettingsReport names when it repairs them. */
const FIELD_NAMES: Record<string, MessageKey> = {
  settings: 'repairFieldSettings',
  paused: 'repairFieldPaused',
  site: 'repairFieldSite',
  categories: 'repairFieldCategories',
  styles: 'repairFieldStyles',
  demonyms: 'repairFieldDemonyms',
};

/** What a repair reset, in words: one line per field; unreadable site rules are counted. */
export function describeProblems(problems: readonly string[]): string[] {
  const lines: string[] = [];
  for (const problem of new Set(problems)) {
    if (problem === 'site rule') {
      const count = problems.filter((p) => p === 'site rule').length;
      lines.push(plural('repairRules', count));
    } else {
      const key = Object.hasOwn(FIELD_NAMES, problem) ? FIELD_NAMES[problem] : undefined;
      lines.push(key ? t(key) : problem);
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
  if (!parsed.ok) return t('patternInvalid');
  const { host, wildcardHost, port, path, scheme } = parsed.pattern;
  const parts = [wildcardHost ? t('patternSubdomains', { host }) : host];
  if (port) parts.push(t('patternPort', { port }));
  if (scheme !== '*') parts.push(t('patternScheme', { scheme }));
  if (path) parts.push(t('patternPath'));
  return formatList(parts, 'plain');
}

/** Why a pattern cannot be read, as the form under it says it. */
export function describePatternError(error: PatternError): string {
  switch (error.code) {
    case 'empty':
      return t('patternErrorEmpty');
    case 'too-long':
      return t('patternErrorTooLong');
    case 'spaces':
      return t('patternErrorSpaces');
    case 'scheme':
      return t('patternErrorScheme');
    case 'query-or-fragment':
      return t('patternErrorQueryOrFragment');
    case 'no-host':
      return t('patternErrorNoHost');
    case 'wildcard':
      return t('patternErrorWildcard');
    case 'bad-host':
      return t('patternErrorBadHost', { host: error.host });
    case 'bad-port':
      return t('patternErrorBadPort', { port: error.port });
  }
}

/** Why a file cannot be imported, in one sentence (the page adds the file's name and that nothing changed). */
export function describeImportError(error: ImportError): string {
  switch (error.code) {
    case 'too-large':
      return t('transferErrorTooLarge', { size: error.maxKilobytes });
    case 'not-json':
      return t('transferErrorNotJson');
    case 'forbidden-key':
      return t('transferErrorForbiddenKey', { key: error.key });
    case 'not-settings':
      return t('transferErrorNotSettings');
    case 'newer-version':
      return t('transferErrorNewerVersion');
    case 'unknown-version':
      return t('transferErrorUnknownVersion');
    case 'unusable':
      return t('transferErrorUnusable', { fields: formatList(error.fields, 'plain') });
  }
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
    return { kind: 'invalid', message: t('testNotAddress') };
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
