import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteEnabled, parseSettings, siteKey, withSite } from './settings';

describe('siteKey', () => {
  it.each([
    ['https://www.example.com/news/1', 'example.com'],
    ['http://Example.COM:8080/', 'example.com'],
    ['http://127.0.0.1:5173/page.html', '127.0.0.1'],
    ['http://localhost/', 'localhost'],
    ['https://news.example.org/a?b#c', 'news.example.org'],
    ['chrome://extensions', null],
    ['file:///tmp/a.html', null],
    ['about:blank', null],
    ['not a url', null],
  ])('%s -> %s', (url, key) => {
    expect(siteKey(url)).toBe(key);
  });
});

describe('isSiteEnabled', () => {
  const off = withSite(DEFAULT_SETTINGS, 'https://example.com/', false);
  it.each([
    ['on by default on http(s)', DEFAULT_SETTINGS, 'https://example.com/a', true],
    ['on by default on localhost', DEFAULT_SETTINGS, 'http://localhost:3000/', true],
    ['never on non-web pages', DEFAULT_SETTINGS, 'chrome://newtab', false],
    ['off where switched off', off, 'https://example.com/other', false],
    ['www. is the same site', off, 'https://www.example.com/', false],
    ['other sites stay on', off, 'https://example.org/', true],
    ['subdomains are their own site', off, 'https://news.example.com/', true],
    ['paused everywhere', { ...DEFAULT_SETTINGS, paused: true }, 'https://example.org/', false],
  ])('%s', (_name, settings, url, expected) => {
    expect(isSiteEnabled(url, settings)).toBe(expected);
  });

  it('switching back on forgets the exception', () => {
    const on = withSite(off, 'https://example.com/', true);
    expect(on.sites).toEqual({});
    expect(isSiteEnabled('https://example.com/', on)).toBe(true);
  });
});

describe('parseSettings', () => {
  it('keeps valid settings', () => {
    const settings = { paused: true, sites: { 'a.com': false }, demonyms: true };
    expect(parseSettings(settings)).toEqual(settings);
  });
  it.each([[null], [undefined], ['x'], [{ paused: 'yes', sites: {}, demonyms: false }], [{ sites: [] }]])(
    'falls back to defaults for %j',
    (value) => {
      expect(parseSettings(value)).toEqual(DEFAULT_SETTINGS);
    },
  );
});
