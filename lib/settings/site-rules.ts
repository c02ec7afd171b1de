// Where Gloss runs: a default plus site patterns, the most specific matching pattern deciding.
// Pure: no browser API.

/**
 * A rule's pattern, as the user writes it:
 * - `example.com`: that host (a leading `www.` and a trailing dot are ignored on both sides);
 *   `localhost:3000` adds a port (`:443` and `:80` also match addresses that leave them out);
 *   international names may be written as they read (`bücher.de`); IPv6 addresses in brackets;
 * - `*.example.com`: that host and every subdomain;
 * - `https://example.com/news/*`: a scheme (`http`, `https` or `*`), a host as above, and a path
 *   where `*` stands for any characters.
 */
export interface SiteRule {
  pattern: string;
  enabled: boolean;
}

export type SiteMode = 'everywhere' | 'listed';

export interface SiteRules {
  /** everywhere: on unless a rule says off; listed: off unless a rule says on. */
  mode: SiteMode;
  rules: SiteRule[];
}

export interface SitePattern {
  /** The pattern written the one way it is stored, so duplicates are found. */
  normalized: string;
  scheme: 'http' | 'https' | '*';
  host: string;
  wildcardHost: boolean;
  port: string | null;
  /** Null when the pattern names no path: every path matches. */
  path: RegExp | null;
  /** Higher wins: a path beats a host, an exact host beats a wildcard, longer beats shorter. */
  specificity: number[];
}

/**
 * Why a pattern cannot be read, as data: the options page words it (public/_locales), so this
 * module stays free of browser APIs and of any one language.
 */
export type PatternError =
  /** Nothing, or only spaces, was written. */
  | { code: 'empty' }
  | { code: 'too-long' }
  | { code: 'spaces' }
  /** A scheme other than http, https or `*` (ftp://, chrome://, file://). */
  | { code: 'scheme' }
  /** A `?` or `#` in the path: rules see the address's path only. */
  | { code: 'query-or-fragment' }
  | { code: 'no-host' }
  /** A `*` anywhere in the host but a leading `*.`. */
  | { code: 'wildcard' }
  /** `host` is the host as written, with its port if one was given. */
  | { code: 'bad-host'; host: string }
  | { code: 'bad-port'; port: string };

export type PatternResult = { ok: true; pattern: SitePattern } | { ok: false; error: PatternError };

// Underscores are not valid in host names, yet real sites use them and browsers open them.
const HOST_LABEL = /^[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;
const IPV6 = /^\[[0-9a-f:.]+\]$/;
/** What a host may be written with before it is converted to the form URLs hold. */
const HOST_CHARACTERS = /^[\p{L}\p{N}\p{M}._-]+$/u;
export const MAX_PATTERN_LENGTH = 500;

/** The one way a host is compared: `www.` and a trailing dot name the same site. */
function normalizeHost(host: string): string {
  const bare = host.endsWith('.') ? host.slice(0, -1) : host;
  return bare.startsWith('www.') ? bare.slice(4) : bare;
}

/** The host as a URL holds it (international names in punycode, IPv6 compressed), or null. */
function urlHostname(host: string): string | null {
  try {
    return new URL(`http://${host}/`).hostname;
  } catch {
    return null;
  }
}

function parseHost(text: string): { host: string; wildcard: boolean; port: string | null } | PatternError {
  const portMatch = /:(\d{1,5})$/.exec(text);
  const port = portMatch?.[1] ?? null;
  let host = portMatch ? text.slice(0, portMatch.index) : text;
  let wildcard = false;
  if (host.startsWith('*.')) {
    wildcard = true;
    host = host.slice(2);
  }
  if (!host) return { code: 'no-host' };
  if (host.includes('*')) return { code: 'wildcard' };
  const notAHost: PatternError = { code: 'bad-host', host: text };
  if (IPV6.test(host)) {
    const canonical = wildcard ? null : urlHostname(host);
    if (canonical === null) return notAHost;
    host = canonical;
  } else {
    const canonical = HOST_CHARACTERS.test(host) ? urlHostname(host) : null;
    if (canonical === null) return notAHost;
    host = normalizeHost(canonical);
    if (!host) return { code: 'no-host' };
    if (!IPV4.test(host) && !host.split('.').every((label) => HOST_LABEL.test(label))) return notAHost;
  }
  if (port !== null && Number(port) > 65535) return { code: 'bad-port', port };
  return { host, wildcard, port };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

export function parseSitePattern(input: string): PatternResult {
  const text = input.trim().toLowerCase();
  if (!text) return { ok: false, error: { code: 'empty' } };
  if (text.length > MAX_PATTERN_LENGTH) return { ok: false, error: { code: 'too-long' } };
  if (/\s/.test(text)) return { ok: false, error: { code: 'spaces' } };

  let scheme: SitePattern['scheme'] = '*';
  let rest = text;
  const schemeMatch = /^([a-z*]+):\/\//.exec(text);
  if (schemeMatch) {
    const written = schemeMatch[1];
    if (written !== 'http' && written !== 'https' && written !== '*') {
      return { ok: false, error: { code: 'scheme' } };
    }
    scheme = written;
    rest = text.slice(schemeMatch[0].length);
  }
  const slash = rest.indexOf('/');
  const hostText = slash === -1 ? rest : rest.slice(0, slash);
  const pathText = slash === -1 ? null : rest.slice(slash);
  // Rules match the address's path only, so a query or fragment would never match anything.
  if (pathText !== null && /[?#]/.test(pathText)) {
    return { ok: false, error: { code: 'query-or-fragment' } };
  }
  const host = parseHost(hostText);
  if ('code' in host) return { ok: false, error: host };

  // "example.com/" and "example.com/*" name no more than "example.com".
  const path = pathText === null || pathText === '/' || pathText === '/*' ? null : pathText;
  const pathRegExp = path === null ? null : new RegExp(`^${path.split('*').map(escapeRegExp).join('.*')}$`);
  const hostPart = `${host.wildcard ? '*.' : ''}${host.host}${host.port ? `:${host.port}` : ''}`;
  const normalized = scheme === '*' && path === null ? hostPart : `${scheme}://${hostPart}${path ?? '/*'}`;
  const literalPath = path === null ? 0 : path.replaceAll('*', '').length;
  return {
    ok: true,
    pattern: {
      normalized,
      scheme,
      host: host.host,
      wildcardHost: host.wildcard,
      port: host.port,
      path: pathRegExp,
      specificity: [
        path === null ? 0 : 1,
        literalPath,
        host.wildcard ? 0 : 1,
        host.host.split('.').length,
        host.port ? 1 : 0,
        scheme === '*' ? 0 : 1,
      ],
    },
  };
}

function patternMatches(pattern: SitePattern, url: URL): boolean {
  const scheme = url.protocol.slice(0, -1);
  if (pattern.scheme !== '*' && pattern.scheme !== scheme) return false;
  const host = normalizeHost(url.hostname.toLowerCase());
  const hostMatches = pattern.wildcardHost
    ? host === pattern.host || host.endsWith(`.${pattern.host}`)
    : host === pattern.host;
  if (!hostMatches) return false;
  if (pattern.port !== null && effectivePort(url) !== pattern.port) return false;
  return pattern.path === null || pattern.path.test(url.pathname.toLowerCase());
}

/** `https://example.com/` is on port 443 although its URL leaves the port out. */
function effectivePort(url: URL): string {
  return url.port || (url.protocol === 'https:' ? '443' : '80');
}

function compareSpecificity(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

function webUrl(url: string): URL | null {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed : null;
  } catch {
    return null;
  }
}

/** The rule that decides for this URL: the most specific match; among equals, the later one. */
export function decidingRule(url: string, siteRules: SiteRules): { rule: SiteRule; index: number } | null {
  const parsed = webUrl(url);
  if (!parsed) return null;
  let best: { rule: SiteRule; index: number; specificity: number[] } | null = null;
  siteRules.rules.forEach((rule, index) => {
    const result = parseSitePattern(rule.pattern);
    if (!result.ok || !patternMatches(result.pattern, parsed)) return;
    if (!best || compareSpecificity(result.pattern.specificity, best.specificity) >= 0) {
      best = { rule, index, specificity: result.pattern.specificity };
    }
  });
  if (best === null) return null;
  const { rule, index } = best;
  return { rule, index };
}

/** Whether Gloss highlights this URL; never on anything but http(s). */
export function isSiteEnabled(url: string, siteRules: SiteRules): boolean {
  if (!webUrl(url)) return false;
  const decided = decidingRule(url, siteRules);
  return decided ? decided.rule.enabled : siteRules.mode === 'everywhere';
}

/** The host a per-site switch is about, or null for pages Gloss never runs on. */
export function siteKey(url: string): string | null {
  const parsed = webUrl(url);
  return parsed ? normalizeHost(parsed.hostname.toLowerCase()) : null;
}

/**
 * The rules after the user switched Gloss on or off for the site of this URL (the popup's switch,
 * the toggle command). The host's own rule is replaced; a rule that would merely repeat the default
 * is not kept; if a more specific rule (a path) still decides otherwise, that rule is switched too,
 * so the page ends in the state the user chose.
 */
export function withSiteEnabled(siteRules: SiteRules, url: string, enabled: boolean): SiteRules {
  const host = siteKey(url);
  if (host === null) return siteRules;
  const ownPattern = parseSitePattern(host);
  // A host no pattern can name (a URL parser accepts a few odd characters) gets no rule: a rule
  // that does not parse would be stored, ignored, and dropped as damage on the next read.
  if (!ownPattern.ok) return siteRules;
  const own = ownPattern.pattern.normalized;
  let rules = siteRules.rules.filter((rule) => {
    const parsed = parseSitePattern(rule.pattern);
    return !(parsed.ok && parsed.pattern.normalized === own);
  });
  if (isSiteEnabled(url, { ...siteRules, rules }) !== enabled) rules = [...rules, { pattern: own, enabled }];
  const decided = decidingRule(url, { ...siteRules, rules });
  if (decided && decided.rule.enabled !== enabled) {
    rules = rules.map((rule, i) => (i === decided.index ? { ...rule, enabled } : rule));
  }
  return { ...siteRules, rules };
}

/** Adds a rule, or changes the one already written the same way. */
export function withRule(siteRules: SiteRules, rule: SiteRule): SiteRules | { error: PatternError } {
  const parsed = parseSitePattern(rule.pattern);
  if (!parsed.ok) return { error: parsed.error };
  const pattern = parsed.pattern.normalized;
  const rules = siteRules.rules.filter((r) => {
    const other = parseSitePattern(r.pattern);
    return !(other.ok && other.pattern.normalized === pattern);
  });
  return { ...siteRules, rules: [...rules, { pattern, enabled: rule.enabled }] };
}
