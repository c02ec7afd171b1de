import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES, type EntityType } from '../knowledge/schema';
import { defaultSettings, HIGHLIGHT_LOOKS, type HighlightStyle, SETTINGS_VERSION, type Settings } from './settings';
import type { SiteRule } from './site-rules';
import { exportSettings, type ImportError, importSettings, MAX_IMPORT_BYTES } from './transfer';

const fileWith = (settings: unknown, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ format: 'gloss-settings', version: SETTINGS_VERSION, settings, ...extra });

function expectError(text: string, error: ImportError) {
  expect(importSettings(text)).toEqual({ ok: false, error });
}

const unusable = (...fields: string[]): ImportError => ({ code: 'unusable', fields });

const hexColor = fc
  .tuple(fc.integer({ min: 0, max: 0xffffff }), fc.boolean())
  .map(([n, upper]) => `#${n.toString(16).padStart(6, '0')}`[upper ? 'toUpperCase' : 'toLowerCase']());
const styleArb: fc.Arbitrary<HighlightStyle> = fc.record({
  look: fc.constantFrom(...HIGHLIGHT_LOOKS),
  color: hexColor,
});
const patternArb = fc
  .tuple(
    fc.constantFrom('', 'http://', 'https://'),
    fc.constantFrom('', '*.'),
    fc.domain(),
    fc.constantFrom('', ':8080'),
    fc.constantFrom('', '/news/*', '/a/*/b'),
  )
  .map(([scheme, wildcard, host, port, path]) => `${scheme}${wildcard}${host}${port}${scheme && !path ? '/*' : path}`);
const ruleArb: fc.Arbitrary<SiteRule> = fc.record({ pattern: patternArb, enabled: fc.boolean() });
const byType = <T>(arb: fc.Arbitrary<T>) =>
  fc.record(Object.fromEntries(ENTITY_TYPES.map((type) => [type, arb])) as Record<EntityType, fc.Arbitrary<T>>);
const settingsArb: fc.Arbitrary<Settings> = fc.record({
  paused: fc.boolean(),
  site: fc.record({
    mode: fc.constantFrom('everywhere' as const, 'listed' as const),
    rules: fc.array(ruleArb, { maxLength: 20 }),
  }),
  categories: byType(fc.boolean()),
  styles: byType(styleArb),
  demonyms: fc.boolean(),
});

describe('exportSettings / importSettings', () => {
  it('round-trips the defaults', () => {
    expect(importSettings(exportSettings(defaultSettings()))).toEqual({ ok: true, settings: defaultSettings() });
  });

  it('writes a readable file that says what it is', () => {
    const data = JSON.parse(exportSettings(defaultSettings()));
    expect(data).toMatchObject({ format: 'gloss-settings', version: SETTINGS_VERSION });
    expect(exportSettings(defaultSettings())).toContain('\n  "format"');
  });

  it('property: any valid settings come back exactly', () => {
    fc.assert(
      fc.property(settingsArb, (settings) => {
        expect(importSettings(exportSettings(settings))).toEqual({ ok: true, settings });
      }),
      { numRuns: 300 },
    );
  });
});

describe('importSettings rejects', () => {
  // biome-ignore format: one case per line reads as a table
  it.each<[string, string, ImportError]>([
    ['malformed JSON', '{"format": "gloss-settings",', { code: 'not-json' }],
    ['an empty file', '', { code: 'not-json' }],
    ['JSON that is not an object', '[1, 2, 3]', { code: 'not-settings' }],
    ['null', 'null', { code: 'not-settings' }],
    ['another format', JSON.stringify({ format: 'dark-reader', version: 2, settings: {} }), { code: 'not-settings' }],
    ['no format', JSON.stringify({ version: 2, settings: defaultSettings() }), { code: 'not-settings' }],
    ['a future version', fileWith(defaultSettings(), { version: SETTINGS_VERSION + 1 }), { code: 'newer-version' }],
    ['version 0', fileWith(defaultSettings(), { version: 0 }), { code: 'unknown-version' }],
    ['a version written as text', fileWith(defaultSettings(), { version: '2' }), { code: 'unknown-version' }],
    ['no version', JSON.stringify({ format: 'gloss-settings', settings: defaultSettings() }), { code: 'unknown-version' }],
    ['no settings', JSON.stringify({ format: 'gloss-settings', version: 2 }), unusable('settings')],
    ['settings that are a string', fileWith('all on'), unusable('settings')],
  ])('%s', (_name, text, error) => expectError(text, error));

  it.each(['paused', 'site', 'categories', 'styles', 'demonyms'] as const)('a file missing "%s"', (field) => {
    const settings: Partial<Settings> = defaultSettings();
    delete settings[field];
    expectError(fileWith(settings), unusable(field));
  });

  it('a bad colour (it would end up in a style sheet)', () => {
    const settings = defaultSettings() as unknown as { styles: Record<EntityType, { color: string }> };
    settings.styles.official.color = 'red;} body{display:none';
    expectError(fileWith(settings), unusable('styles'));
    settings.styles.official.color = '#12345';
    expectError(fileWith(settings), unusable('styles'));
  });

  it('an unknown highlight look', () => {
    const settings = defaultSettings() as unknown as { styles: Record<EntityType, { look: string }> };
    settings.styles.country.look = 'blink';
    expectError(fileWith(settings), unusable('styles'));
  });

  it('a site rule that does not parse, rather than dropping it silently', () => {
    const settings = defaultSettings();
    settings.site.rules.push({ pattern: 'example.com', enabled: false }, { pattern: 'exa mple.com', enabled: true });
    expectError(fileWith(settings), unusable('site rule'));
  });

  it('wrong types, naming every field that is wrong', () => {
    expectError(fileWith({ ...defaultSettings(), paused: 'yes', demonyms: 1 }), unusable('paused', 'demonyms'));
  });

  it('a 10 MB string, before parsing it', () => {
    const huge = `"${'x'.repeat(10 * 1024 * 1024)}"`;
    const tooLarge: ImportError = { code: 'too-large', maxKilobytes: 256 };
    expectError(huge, tooLarge);
    expectError(fileWith({ ...defaultSettings(), padding: 'x'.repeat(MAX_IMPORT_BYTES) }), tooLarge);
  });

  // biome-ignore format: one case per line reads as a table
  it.each([
    ['__proto__ at the top', '{"__proto__": {"paused": true}, "format": "gloss-settings", "version": 2}', '__proto__'],
    ['__proto__ in the settings', fileWith(defaultSettings()).replace('"paused"', '"__proto__":{"x":1},"paused"'), '__proto__'],
    ['__proto__ deep in a style', fileWith(defaultSettings()).replace('"look"', '"__proto__":{"polluted":true},"look"'), '__proto__'],
    ['__proto__ inside a rule list', fileWith({ ...defaultSettings(), site: { mode: 'everywhere', rules: [{ pattern: 'a.com', enabled: true }] } }).replace('"enabled":true', '"enabled":true,"__proto__":1'), '__proto__'],
    ['constructor at the top', fileWith(defaultSettings(), { constructor: { prototype: {} } }), 'constructor'],
    ['constructor nested', fileWith({ ...defaultSettings(), categories: { ...defaultSettings().categories, constructor: true } }), 'constructor'],
    ['prototype nested', fileWith({ ...defaultSettings(), styles: { ...defaultSettings().styles, prototype: {} } }), 'prototype'],
  ])('a forbidden key: %s', (_name, text, key) => {
    expect(text).toContain(`"${key}"`);
    expectError(text, { code: 'forbidden-key', key });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('importSettings migrates', () => {
  it('a version 1 file: per-host exceptions become host rules, new fields get their defaults', () => {
    const v1 = JSON.stringify({
      format: 'gloss-settings',
      version: 1,
      settings: { paused: true, demonyms: true, sites: { 'example.com': false, 'news.example.org': false } },
    });
    expect(importSettings(v1)).toEqual({
      ok: true,
      settings: {
        ...defaultSettings(),
        paused: true,
        demonyms: true,
        site: {
          mode: 'everywhere',
          rules: [
            { pattern: 'example.com', enabled: false },
            { pattern: 'news.example.org', enabled: false },
          ],
        },
      },
    });
  });

  it('a version 1 file with a damaged field is still rejected whole', () => {
    const v1 = JSON.stringify({ format: 'gloss-settings', version: 1, settings: { paused: 'no', sites: {} } });
    expectError(v1, unusable('paused'));
  });
});
