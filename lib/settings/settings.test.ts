import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, defaultSettings, isEnabledOn, migrateV1, parseSettingsReport } from './settings';

describe('parseSettingsReport', () => {
  it('keeps valid settings whole, with nothing to report', () => {
    const settings = defaultSettings();
    settings.paused = true;
    settings.site.rules.push({ pattern: '*.example.com', enabled: false });
    settings.styles.country = { look: 'underline', color: '#112233' };
    expect(parseSettingsReport(structuredClone(settings))).toEqual({ settings, problems: [] });
  });

  it('treats nothing stored as the defaults, without a problem', () => {
    expect(parseSettingsReport(undefined)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
    expect(parseSettingsReport(null)).toEqual({ settings: DEFAULT_SETTINGS, problems: [] });
  });

  it.each([['x'], [42], [[1, 2]], [true]])('replaces a foreign value %j by the defaults and says so', (value) => {
    expect(parseSettingsReport(value)).toEqual({ settings: DEFAULT_SETTINGS, problems: ['settings'] });
  });

  it('falls back field by field: a damaged field does not take the others with it', () => {
    const stored = { ...defaultSettings(), paused: 'yes', demonyms: true, styles: { country: 'red' } };
    const { settings, problems } = parseSettingsReport(stored);
    expect(problems.sort()).toEqual(['paused', 'styles']);
    expect(settings.paused).toBe(false);
    expect(settings.styles).toEqual(DEFAULT_SETTINGS.styles);
    expect(settings.demonyms).toBe(true);
  });

  it('drops only the damaged site rules', () => {
    const stored = {
      ...defaultSettings(),
      site: {
        mode: 'listed',
        rules: [{ pattern: 'a.com', enabled: true }, { pattern: 'not a host!', enabled: true }, { pattern: 'b.com' }],
      },
    };
    const { settings, problems } = parseSettingsReport(stored);
    expect(settings.site).toEqual({ mode: 'listed', rules: [{ pattern: 'a.com', enabled: true }] });
    expect(problems).toEqual(['site rule', 'site rule']);
  });

  it('rejects colours that are not #rrggbb, since they end up in a style sheet', () => {
    const stored = defaultSettings() as unknown as { styles: { country: { look: string; color: string } } };
    stored.styles.country.color = 'red; } body { display: none';
    expect(parseSettingsReport(stored).problems).toEqual(['styles']);
  });

  it('never lets an own __proto__ key reach the result', () => {
    const stored = JSON.parse('{"__proto__": {"paused": true}, "paused": false}');
    const { settings } = parseSettingsReport(stored);
    expect(Object.getPrototypeOf(settings)).toBe(Object.prototype);
    expect(({} as { paused?: unknown }).paused).toBeUndefined();
  });

  it('never throws and always returns complete settings (property)', () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const { settings } = parseSettingsReport(value);
        expect(Object.keys(settings).sort()).toEqual(Object.keys(DEFAULT_SETTINGS).sort());
      }),
    );
  });
});

describe('migrateV1', () => {
  it('turns per-host exceptions into host rules and adds the new fields', () => {
    const v1 = { paused: true, sites: { 'example.com': false, 'news.example.org': false }, demonyms: true };
    const migrated = parseSettingsReport(migrateV1(v1));
    expect(migrated.problems).toEqual([]);
    expect(migrated.settings).toEqual({
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
    });
    expect(isEnabledOn('https://www.example.com/a', { ...migrated.settings, paused: false })).toBe(false);
  });

  it('keeps what it can of a damaged v1 value', () => {
    const migrated = parseSettingsReport(migrateV1({ paused: false, sites: { 'ok.com': false, 'bad host': false } }));
    expect(migrated.settings.site.rules).toEqual([{ pattern: 'ok.com', enabled: false }]);
  });
});

describe('isEnabledOn', () => {
  it('is off everywhere while paused, whatever the rules say', () => {
    const settings = defaultSettings();
    settings.site.rules.push({ pattern: 'example.com', enabled: true });
    expect(isEnabledOn('https://example.com/', settings)).toBe(true);
    expect(isEnabledOn('https://example.com/', { ...settings, paused: true })).toBe(false);
  });
});
