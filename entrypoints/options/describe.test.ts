import { describe, expect, it } from 'vitest';
import type { SiteRules } from '@/lib/settings/site-rules';
import { describePattern, describeProblems, exportFileName, mergeProblems, testAddress } from './describe';

describe('describeProblems', () => {
  it('names each damaged field in words, once', () => {
    expect(describeProblems(['paused', 'styles', 'paused'])).toEqual([
      'the “Pause everywhere” switch',
      'the highlight styles and colours',
    ]);
  });

  it('counts dropped site rules', () => {
    expect(describeProblems(['site rule'])).toEqual(['a site rule that could not be read (removed)']);
    expect(describeProblems(['site rule', 'categories', 'site rule'])).toEqual([
      '2 site rules that could not be read (removed)',
      'which kinds of names are highlighted',
    ]);
  });

  it('says when nothing could be read, and passes an unknown name through rather than hiding it', () => {
    expect(describeProblems(['settings'])[0]).toMatch(/^all settings/);
    expect(describeProblems(['future-field'])).toEqual(['future-field']);
  });
});

describe('mergeProblems', () => {
  it('joins a recorded repair and damage found now without counting twice', () => {
    expect(mergeProblems(['paused', 'site rule'], ['paused', 'styles', 'site rule', 'site rule'])).toEqual([
      'paused',
      'styles',
      'site rule',
      'site rule',
    ]);
    expect(mergeProblems([], [])).toEqual([]);
  });
});

describe('describePattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['*.example.com', 'example.com and its subdomains'],
    ['localhost:3000', 'localhost, port 3000'],
    ['https://example.com/*', 'example.com, https only'],
    ['*://example.com/news/*', 'example.com, matching pages only'],
    ['http://*.example.com:8080/a/*', 'example.com and its subdomains, port 8080, http only, matching pages only'],
    ['not a host!', 'not a valid pattern'],
  ])('%s → %s', (pattern, words) => {
    expect(describePattern(pattern)).toBe(words);
  });
});

describe('testAddress', () => {
  const site: SiteRules = {
    mode: 'everywhere',
    rules: [
      { pattern: '*.example.com', enabled: false },
      { pattern: 'localhost:3000', enabled: false },
    ],
  };

  it('is empty for blank input', () => {
    expect(testAddress('  ', site)).toEqual({ kind: 'empty' });
  });

  it('names the deciding rule and its place', () => {
    expect(testAddress('https://news.example.com/a', site)).toEqual({
      kind: 'decided',
      url: 'https://news.example.com/a',
      enabled: false,
      rule: { pattern: '*.example.com', index: 0 },
    });
  });

  it('reads an address without a scheme as https, host:port included', () => {
    expect(testAddress('example.com/news', site)).toMatchObject({ url: 'https://example.com/news', enabled: false });
    expect(testAddress('localhost:3000/app', site)).toMatchObject({
      url: 'https://localhost:3000/app',
      rule: { pattern: 'localhost:3000', index: 1 },
    });
  });

  it('says when the default decides', () => {
    expect(testAddress('http://example.org/', site)).toMatchObject({ kind: 'decided', enabled: true, rule: null });
    expect(testAddress('http://example.org/', { mode: 'listed', rules: [] })).toMatchObject({ enabled: false });
  });

  it('tells pages Gloss never runs on from text that is no address', () => {
    expect(testAddress('chrome://extensions', site)).toEqual({ kind: 'not-web' });
    expect(testAddress('file:///tmp/a.html', site)).toEqual({ kind: 'not-web' });
    expect(testAddress('http://exa mple.com', site)).toMatchObject({ kind: 'invalid' });
  });
});

describe('exportFileName', () => {
  it('uses the local date, zero-padded', () => {
    expect(exportFileName(new Date(2024, 0, 5, 23, 59))).toBe('gloss-settings-2024-01-05.json');
    expect(exportFileName(new Date(2031, 11, 31))).toBe('gloss-settings-2031-12-31.json');
  });
});
