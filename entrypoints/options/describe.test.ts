import { describe, expect, it } from 'vitest';
import { t } from '@/lib/i18n';
import { type PatternError, parseSitePattern, type SiteRules } from '@/lib/settings/site-rules';
import { type ImportError, importSettings } from '@/lib/settings/transfer';
import {
  describeImportError,
  describePattern,
  describePatternError,
  describeProblems,
  exportFileName,
  mergeProblems,
  testAddress,
} from './describe';

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

describe('describePatternError', () => {
  // The words the form showed when the parser wrote them itself, kept so (the e2e suite reads them).
  it.each<[PatternError, string]>([
    [{ code: 'empty' }, 'Write a site, such as example.com.'],
    [{ code: 'too-long' }, 'That pattern is too long.'],
    [{ code: 'spaces' }, 'A pattern cannot contain spaces.'],
    [{ code: 'scheme' }, 'Gloss only runs on http and https pages.'],
    [
      { code: 'query-or-fragment' },
      'A pattern cannot contain ? or #: only the part of the address before them counts.',
    ],
    [{ code: 'no-host' }, 'A site needs a host name, such as example.com.'],
    [{ code: 'wildcard' }, 'A * may only stand at the start of a host, as in *.example.com.'],
    [{ code: 'bad-host', host: 'exa$mple.com:80' }, '“exa$mple.com:80” is not a host name.'],
    [{ code: 'bad-port', port: '99999' }, 'Port 99999 does not exist.'],
  ])('%j → %s', (error, words) => {
    expect(describePatternError(error)).toBe(words);
  });

  it('words what the parser says about a pattern the user typed', () => {
    const words = (input: string) => {
      const result = parseSitePattern(input);
      return result.ok ? null : describePatternError(result.error);
    };
    expect(words('Exa$mple.COM')).toBe('“exa$mple.com” is not a host name.');
    expect(words('ftp://example.com')).toBe('Gloss only runs on http and https pages.');
    expect(words('example.com')).toBeNull();
  });
});

describe('describeImportError', () => {
  it.each<[ImportError, string]>([
    [{ code: 'too-large', maxKilobytes: 256 }, 'This file is too large to be Gloss settings (over 256 KB).'],
    [{ code: 'not-json' }, 'This file is not valid JSON.'],
    [{ code: 'forbidden-key', key: '__proto__' }, 'This file contains a forbidden key (“__proto__”).'],
    [{ code: 'not-settings' }, 'This is not a Gloss settings file.'],
    [{ code: 'newer-version' }, 'This file comes from a newer version of Gloss.'],
    [{ code: 'unknown-version' }, 'This settings file has an unknown version.'],
    [{ code: 'unusable', fields: ['styles'] }, 'This file has settings Gloss cannot use (styles).'],
    [
      { code: 'unusable', fields: ['paused', 'demonyms'] },
      'This file has settings Gloss cannot use (paused, demonyms).',
    ],
    [
      { code: 'unusable', fields: ['paused', 'site rule', 'site rule'] },
      'This file has settings Gloss cannot use (paused, site rule, site rule).',
    ],
  ])('%j → %s', (error, words) => {
    expect(describeImportError(error)).toBe(words);
  });

  it('reads as before once the page adds the file’s name, saying once that nothing changed', () => {
    const shown = (text: string) => {
      const result = importSettings(text);
      return result.ok ? null : t('transferRejected', { file: 'a.json', error: describeImportError(result.error) });
    };
    expect(shown('{"format": "gloss-settings", "version": 2, "settings": {"paused": 1}}')).toBe(
      '“a.json”: This file has settings Gloss cannot use (paused, site, categories, styles, demonyms). Nothing was changed.',
    );
    expect(shown('{')).toBe('“a.json”: This file is not valid JSON. Nothing was changed.');
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
