import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decidingRule,
  isSiteEnabled,
  type PatternError,
  parseSitePattern,
  type SiteMode,
  type SiteRule,
  type SiteRules,
  siteKey,
  withRule,
  withSiteEnabled,
} from './site-rules';

const on = (pattern: string): SiteRule => ({ pattern, enabled: true });
const off = (pattern: string): SiteRule => ({ pattern, enabled: false });
const everywhere = (...rules: SiteRule[]): SiteRules => ({ mode: 'everywhere', rules });
const listed = (...rules: SiteRule[]): SiteRules => ({ mode: 'listed', rules });

type Row = [description: string, rules: SiteRules, url: string, expected: boolean];

describe('isSiteEnabled', () => {
  // biome-ignore format: one case per line reads as a table
  const defaults: Row[] = [
    ['everywhere, no rules: on', everywhere(), 'https://example.com/', true],
    ['listed, no rules: off', listed(), 'https://example.com/', false],
    ['everywhere: a rule for another site changes nothing', everywhere(off('example.org')), 'https://example.com/', true],
    ['listed: a rule for another site changes nothing', listed(on('example.org')), 'https://example.com/', false],
    ['localhost counts as a web page', everywhere(), 'http://localhost:5173/app', true],
    ['an IP address counts as a web page', everywhere(), 'http://127.0.0.1:8080/', true],
  ];

  // biome-ignore format: one case per line reads as a table
  const nonWeb: Row[] = [
    ...(['everywhere', 'listed'] as SiteMode[]).flatMap((mode): Row[] =>
      [
        'file:///home/me/page.html',
        'chrome://extensions/',
        'chrome-extension://abcdefghijklmnop/options.html',
        'moz-extension://1234/popup.html',
        'about:blank',
        'ftp://example.com/file.txt',
        'data:text/html,<p>example.com</p>',
        'view-source:https://example.com/',
        'not a url',
        '',
      ].map((url): Row => [`${mode}: never on ${url || 'an empty URL'}`, { mode, rules: [on('*.example.com')] }, url, false]),
    ),
  ];

  // biome-ignore format: one case per line reads as a table
  const exactHosts: Row[] = [
    ['exact host: the host itself', everywhere(off('example.com')), 'https://example.com/a', false],
    ['exact host: www. is the same site', everywhere(off('example.com')), 'https://www.example.com/a', false],
    ['exact host: a www. pattern names the bare host too', everywhere(off('www.example.com')), 'https://example.com/', false],
    ['exact host: not a subdomain', everywhere(off('example.com')), 'https://news.example.com/', true],
    ['exact host: not a longer name', everywhere(off('example.com')), 'https://notexample.com/', true],
    ['exact host: not another suffix', everywhere(off('example.com')), 'https://example.com.evil.org/', true],
    ['exact host: upper case in the URL', everywhere(off('example.com')), 'https://EXAMPLE.com/', false],
    ['exact host: upper case in the pattern', everywhere(off('Example.COM')), 'https://example.com/', false],
    ['exact host: a trailing dot in the URL is the same host', everywhere(off('example.com')), 'https://example.com./', false],
    ['exact host: IPv4', listed(on('127.0.0.1')), 'http://127.0.0.1:3000/', true],
  ];

  // biome-ignore format: one case per line reads as a table
  const wildcards: Row[] = [
    ['wildcard: the bare domain', everywhere(off('*.example.com')), 'https://example.com/', false],
    ['wildcard: www.', everywhere(off('*.example.com')), 'https://www.example.com/', false],
    ['wildcard: a subdomain', everywhere(off('*.example.com')), 'https://news.example.com/', false],
    ['wildcard: a deep subdomain', everywhere(off('*.example.com')), 'https://a.b.c.example.com/', false],
    ['wildcard: not a name ending the same way', everywhere(off('*.example.com')), 'https://badexample.com/', true],
    ['wildcard: not the parent domain', everywhere(off('*.news.example.com')), 'https://example.com/', true],
    ['wildcard: listed mode', listed(on('*.example.com')), 'https://docs.example.com/x', true],
  ];

  // biome-ignore format: one case per line reads as a table
  const ports: Row[] = [
    ['port: the same port', everywhere(off('localhost:3000')), 'http://localhost:3000/', false],
    ['port: another port', everywhere(off('localhost:3000')), 'http://localhost:4000/', true],
    ['port: no port in the URL', everywhere(off('localhost:3000')), 'http://localhost/', true],
    ['port: a pattern without a port covers every port', everywhere(off('localhost')), 'http://localhost:8080/', false],
    ['port: https default port written out', listed(on('example.com:443')), 'https://example.com/', true],
    ['port: http default port written out', listed(on('example.com:80')), 'http://example.com/', true],
    ['port: a default port is that scheme’s only', listed(on('example.com:443')), 'http://example.com/', false],
    ['port: wildcard with a port', everywhere(off('*.example.com:8443')), 'https://a.example.com:8443/', false],
  ];

  // biome-ignore format: one case per line reads as a table
  const schemes: Row[] = [
    ['scheme: http only, on http', everywhere(off('http://example.com')), 'http://example.com/a', false],
    ['scheme: http only, not on https', everywhere(off('http://example.com')), 'https://example.com/a', true],
    ['scheme: https only, on https', listed(on('https://example.com')), 'https://example.com/', true],
    ['scheme: https only, not on http', listed(on('https://example.com')), 'http://example.com/', false],
    ['scheme: * means both', listed(on('*://example.com/*')), 'http://example.com/', true],
    ['scheme: with a wildcard host', everywhere(off('https://*.example.com/*')), 'https://a.example.com/', false],
  ];

  // biome-ignore format: one case per line reads as a table
  const paths: Row[] = [
    ['path: inside', everywhere(off('https://example.com/news/*')), 'https://example.com/news/today', false],
    ['path: the folder itself', everywhere(off('https://example.com/news/*')), 'https://example.com/news/', false],
    ['path: without the slash is another page', everywhere(off('https://example.com/news/*')), 'https://example.com/news', true],
    ['path: elsewhere on the site', everywhere(off('https://example.com/news/*')), 'https://example.com/sport/', true],
    ['path: a longer first segment', everywhere(off('https://example.com/news/*')), 'https://example.com/newsletter/', true],
    ['path: case does not matter', everywhere(off('https://example.com/news/*')), 'https://example.com/NEWS/a', false],
    ['path: the query is not part of it', everywhere(off('https://example.com/news/*')), 'https://example.com/news/a?x=1#b', false],
    ['path: no scheme written', everywhere(off('example.com/news/*')), 'http://example.com/news/a', false],
    ['path: * in the middle spans folders', everywhere(off('example.com/*/comments')), 'https://example.com/a/b/comments', false],
    ['path: anchored at the end', everywhere(off('example.com/*/comments')), 'https://example.com/a/comments/2', true],
    ['path: an exact page', listed(on('example.com/about')), 'https://example.com/about', true],
    ['path: an exact page, not its children', listed(on('example.com/about')), 'https://example.com/about/team', false],
    ['path: regex characters are literal', listed(on('example.com/a.b+c')), 'https://example.com/aXb+c', false],
    ['path: "/*" names the whole site', listed(on('example.com/*')), 'https://example.com/any/thing', true],
  ];

  // Each pair in both orders: the order of the rules must not matter when one is more specific.
  // biome-ignore format: one case per line reads as a table
  const pairings: [string, SiteRule, SiteRule, string, boolean][] = [
    ['path beats exact host', on('example.com/news/*'), off('example.com'), 'https://example.com/news/a', true],
    ['path beats exact host (elsewhere the host decides)', on('example.com/news/*'), off('example.com'), 'https://example.com/b', false],
    ['path beats wildcard host', off('*.example.com/docs/*'), on('*.example.com'), 'https://a.example.com/docs/x', false],
    ['exact host beats wildcard', on('news.example.com'), off('*.example.com'), 'https://news.example.com/', true],
    ['exact host beats wildcard (siblings keep the wildcard)', on('news.example.com'), off('*.example.com'), 'https://sport.example.com/', false],
    ['exact host beats a longer wildcard', on('news.example.com'), off('*.news.example.com'), 'https://news.example.com/', true],
    ['longer wildcard beats shorter', on('*.news.example.com'), off('*.example.com'), 'https://a.news.example.com/', true],
    ['longer wildcard beats shorter (outside it the shorter decides)', on('*.news.example.com'), off('*.example.com'), 'https://a.example.com/', false],
    ['longer path beats shorter path', on('example.com/news/sport/*'), off('example.com/news/*'), 'https://example.com/news/sport/x', true],
    ['a path with more literal text beats one with less', on('example.com/news/*/live'), off('example.com/news/*'), 'https://example.com/news/a/live', true],
    ['host with port beats host without', on('localhost:3000'), off('localhost'), 'http://localhost:3000/', true],
    ['host with scheme beats host without', on('https://example.com'), off('example.com'), 'https://example.com/', true],
  ];
  const pairingRows: Row[] = pairings.flatMap(([name, specific, general, url, expected]): Row[] => [
    [`${name}, specific rule last`, everywhere(general, specific), url, expected],
    [`${name}, specific rule first`, everywhere(specific, general), url, expected],
    [`${name}, listed mode`, listed(specific, general), url, expected],
  ]);

  // biome-ignore format: one case per line reads as a table
  const ties: Row[] = [
    ['same pattern twice: the later wins (off)', everywhere(on('example.com'), off('example.com')), 'https://example.com/', false],
    ['same pattern twice: the later wins (on)', listed(off('example.com'), on('example.com')), 'https://example.com/', true],
    ['same site written two ways: the later wins', everywhere(off('example.com'), on('www.example.com')), 'https://example.com/', true],
    ['two paths of equal weight: the later wins', everywhere(off('example.com/a*'), on('example.com/*a')), 'https://example.com/aba', true],
    ['two paths of equal weight, swapped', everywhere(on('example.com/*a'), off('example.com/a*')), 'https://example.com/aba', false],
  ];

  const invalidRulesIgnored: Row[] = [
    ['a stored rule that does not parse is ignored', everywhere(off('not a host!')), 'https://example.com/', true],
  ];

  it.each([
    ...defaults,
    ...nonWeb,
    ...exactHosts,
    ...wildcards,
    ...ports,
    ...schemes,
    ...paths,
    ...pairingRows,
    ...ties,
    ...invalidRulesIgnored,
  ])('%s', (_name, rules, url, expected) => {
    expect(isSiteEnabled(url, rules)).toBe(expected);
  });
});

describe('decidingRule', () => {
  it('names the rule and its index, or null when the default decides', () => {
    const rules = everywhere(off('*.example.com'), on('news.example.com'), off('https://news.example.com/live/*'));
    expect(decidingRule('https://news.example.com/', rules)).toEqual({ rule: on('news.example.com'), index: 1 });
    expect(decidingRule('https://news.example.com/live/1', rules)?.index).toBe(2);
    expect(decidingRule('https://shop.example.com/', rules)?.index).toBe(0);
    expect(decidingRule('https://example.org/', rules)).toBeNull();
    expect(decidingRule('chrome://extensions', rules)).toBeNull();
  });
});

describe('parseSitePattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM  ', 'example.com'],
    ['www.example.com', 'example.com'],
    ['*.example.com', '*.example.com'],
    ['*.www.example.com', '*.example.com'],
    ['localhost:3000', 'localhost:3000'],
    ['127.0.0.1', '127.0.0.1'],
    ['example.com/', 'example.com'],
    ['example.com/*', 'example.com'],
    ['*://example.com/*', 'example.com'],
    ['https://example.com', 'https://example.com/*'],
    ['https://www.example.com/news/*', 'https://example.com/news/*'],
    ['example.com/news/*', '*://example.com/news/*'],
    ['http://*.example.com:8080/a', 'http://*.example.com:8080/a'],
    ['example.com.', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['*.bücher.de', '*.xn--bcher-kva.de'],
    ['[::1]:3000', '[::1]:3000'],
    ['my_host.example.com', 'my_host.example.com'],
  ])('accepts %j as %j', (input, normalized) => {
    const result = parseSitePattern(input);
    expect(result).toMatchObject({ ok: true, pattern: { normalized } });
  });

  it.each<[string, PatternError]>([
    ['', { code: 'empty' }],
    ['   ', { code: 'empty' }],
    ['a'.repeat(501), { code: 'too-long' }],
    ['example .com', { code: 'spaces' }],
    ['ftp://example.com', { code: 'scheme' }],
    ['chrome://extensions', { code: 'scheme' }],
    ['file:///home/me', { code: 'scheme' }],
    ['exa*mple.com', { code: 'wildcard' }],
    ['example.*', { code: 'wildcard' }],
    ['*example.com', { code: 'wildcard' }],
    ['*.', { code: 'no-host' }],
    ['https:///news', { code: 'no-host' }],
    ['example.com:99999', { code: 'bad-port', port: '99999' }],
    ['example..com', { code: 'bad-host', host: 'example..com' }],
    ['-example.com', { code: 'bad-host', host: '-example.com' }],
    ['exa$mple.com', { code: 'bad-host', host: 'exa$mple.com' }],
    ['example.com?q=1', { code: 'bad-host', host: 'example.com?q=1' }],
    ['user@example.com', { code: 'bad-host', host: 'user@example.com' }],
    // The host as written, lower-cased, with its port: what the user sees named in the message.
    ['Ex_ample..COM:8080/a', { code: 'bad-host', host: 'ex_ample..com:8080' }],
    ['*.exa mple', { code: 'spaces' }],
    ['example.com/search?q=1', { code: 'query-or-fragment' }],
    ['example.com/#top', { code: 'query-or-fragment' }],
  ])('rejects %j as %j', (input, error) => {
    expect(parseSitePattern(input)).toEqual({ ok: false, error });
  });
});

describe('withRule', () => {
  it('adds a rule in its normalized form', () => {
    expect(withRule(everywhere(), on('WWW.Example.com'))).toEqual(everywhere(on('example.com')));
  });

  it('replaces the rule written the same way, moving it last', () => {
    const rules = everywhere(off('example.com'), off('a.org'));
    expect(withRule(rules, on('www.example.com/'))).toEqual(everywhere(off('a.org'), on('example.com')));
  });

  it('returns the parse error for a bad pattern', () => {
    expect(withRule(everywhere(), on('exa mple.com'))).toEqual({ error: { code: 'spaces' } });
  });
});

describe('siteKey', () => {
  it.each([
    ['https://www.Example.com:8080/a?b', 'example.com'],
    ['http://localhost:3000/', 'localhost'],
    ['https://example.com./', 'example.com'],
    ['chrome://extensions', null],
    ['nonsense', null],
  ])('%s → %s', (url, key) => {
    expect(siteKey(url)).toBe(key);
  });
});

describe('withSiteEnabled', () => {
  it('leaves no rule behind when switching off then on, where the default already applies', () => {
    const url = 'https://www.example.com/article';
    const offRules = withSiteEnabled(everywhere(), url, false);
    expect(offRules).toEqual(everywhere(off('example.com')));
    expect(withSiteEnabled(offRules, url, true)).toEqual(everywhere());

    const onRules = withSiteEnabled(listed(), url, true);
    expect(onRules).toEqual(listed(on('example.com')));
    expect(withSiteEnabled(onRules, url, false)).toEqual(listed());
  });

  it('adds nothing when the site is already as asked', () => {
    const rules = everywhere(off('example.org'));
    expect(withSiteEnabled(rules, 'https://example.com/', true)).toEqual(rules);
  });

  it('under a wildcard off rule, switching a subdomain on adds an exact rule for it alone', () => {
    const rules = everywhere(off('*.example.com'));
    const next = withSiteEnabled(rules, 'https://news.example.com/today', true);
    expect(next).toEqual(everywhere(off('*.example.com'), on('news.example.com')));
    expect(isSiteEnabled('https://news.example.com/', next)).toBe(true);
    expect(isSiteEnabled('https://sport.example.com/', next)).toBe(false);
    expect(isSiteEnabled('https://example.com/', next)).toBe(false);
  });

  it('switching the wildcard’s own bare domain adds an exact rule that outranks it', () => {
    const next = withSiteEnabled(everywhere(off('*.example.com')), 'https://example.com/', true);
    expect(next).toEqual(everywhere(off('*.example.com'), on('example.com')));
    expect(isSiteEnabled('https://news.example.com/', next)).toBe(false);
  });

  it('when a path rule decides, the switch flips that rule so the page ends as chosen', () => {
    const pathRule = 'https://example.com/news/*';
    const url = 'https://example.com/news/today';
    const turnedOn = withSiteEnabled(everywhere(off(pathRule)), url, true);
    expect(turnedOn.rules).toContainEqual(on(pathRule));
    expect(turnedOn.rules).not.toContainEqual(off(pathRule));
    expect(isSiteEnabled(url, turnedOn)).toBe(true);

    const turnedOff = withSiteEnabled(listed(on('example.com'), on(pathRule)), url, false);
    expect(turnedOff.rules).toContainEqual(off(pathRule));
    expect(isSiteEnabled(url, turnedOff)).toBe(false);
  });

  it('replaces the host’s own rule however it was written', () => {
    const next = withSiteEnabled(everywhere(off('www.example.com/')), 'https://example.com/', true);
    expect(next).toEqual(everywhere());
  });

  it('keeps the mode and does nothing on pages Gloss never runs on', () => {
    const rules = listed(on('example.com'));
    expect(withSiteEnabled(rules, 'chrome://extensions', true)).toBe(rules);
    expect(withSiteEnabled(rules, 'https://example.com/', false).mode).toBe('listed');
  });

  it('works for hosts a URL may hold: IPv6, trailing dot, international names, underscores', () => {
    for (const url of [
      'http://[::1]:3000/',
      'https://example.com./a',
      'https://bücher.de/',
      'https://my_host.example.com/',
    ]) {
      const next = withSiteEnabled(everywhere(), url, false);
      expect(isSiteEnabled(url, next), url).toBe(false);
      expect(
        next.rules.every((rule) => parseSitePattern(rule.pattern).ok),
        url,
      ).toBe(true);
    }
  });

  // A small world of hosts, so random rules and random URLs often meet.
  const HOSTS = ['example.com', 'news.example.com', 'a.news.example.com', 'example.org', 'localhost'];
  const hostArb = fc.constantFrom(...HOSTS);
  const pathArb = fc.constantFrom('/', '/news/', '/news/today', '/news/sport/live', '/about', '/a/comments');
  const patternArb = fc
    .record({
      scheme: fc.constantFrom('', 'http://', 'https://', '*://'),
      wildcard: fc.boolean(),
      www: fc.boolean(),
      host: hostArb,
      port: fc.constantFrom('', ':3000', ':443'),
      path: fc.constantFrom('', '/', '/*', '/news/*', '/news/sport/*', '/*/comments', '/about', '/news/*/live'),
    })
    .map(({ scheme, wildcard, www, host, port, path }) => {
      const hostPart = `${wildcard ? '*.' : ''}${www ? 'www.' : ''}${host}${port}`;
      // A scheme needs a path after the host to be written; a path alone is fine without one.
      return `${scheme}${hostPart}${scheme && !path ? '/*' : path}`;
    });
  const ruleArb = fc.record({ pattern: patternArb, enabled: fc.boolean() });
  const rulesArb = fc.record({
    mode: fc.constantFrom<SiteMode>('everywhere', 'listed'),
    rules: fc.array(ruleArb, { maxLength: 8 }),
  });
  const urlArb = fc
    .record({
      scheme: fc.constantFrom('http', 'https'),
      www: fc.boolean(),
      host: hostArb,
      port: fc.constantFrom('', ':3000', ':8080'),
      path: pathArb,
    })
    .map(({ scheme, www, host, port, path }) => `${scheme}://${www ? 'www.' : ''}${host}${port}${path}`);

  it('the generated patterns are all valid (so the properties below test something)', () => {
    fc.assert(fc.property(patternArb, (pattern) => parseSitePattern(pattern).ok));
  });

  it('property: afterwards the URL is exactly as asked', () => {
    fc.assert(
      fc.property(rulesArb, urlArb, fc.boolean(), (rules, url, enabled) => {
        expect(isSiteEnabled(url, withSiteEnabled(rules, url, enabled))).toBe(enabled);
      }),
      { numRuns: 2000 },
    );
  }, 30_000);

  it('property: holds for any web URL, and only valid rules are stored', () => {
    const anyUrl = fc.webUrl({
      withQueryParameters: true,
      withFragments: true,
      authoritySettings: { withIPv4: true, withIPv6: true, withPort: true },
    });
    fc.assert(
      fc.property(rulesArb, anyUrl, fc.boolean(), (rules, url, enabled) => {
        const next = withSiteEnabled(rules, url, enabled);
        expect(isSiteEnabled(url, next)).toBe(enabled);
        expect(next.rules.every((rule) => parseSitePattern(rule.pattern).ok)).toBe(true);
      }),
      { numRuns: 500 },
    );
  }, 30_000);

  it('property: switching a site away and back restores the rules when no rule decided it', () => {
    fc.assert(
      fc.property(rulesArb, urlArb, (rules, url) => {
        const before = isSiteEnabled(url, rules);
        const roundTrip = withSiteEnabled(withSiteEnabled(rules, url, !before), url, before);
        expect(isSiteEnabled(url, roundTrip)).toBe(before);
        if (decidingRule(url, rules) === null) expect(roundTrip).toEqual(rules);
      }),
      { numRuns: 500 },
    );
  }, 30_000);
});
