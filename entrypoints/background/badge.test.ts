import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '@/lib/settings/settings';
import { type ActionState, actionView, stateAfterSettingsChange, stateFromReport, stateKind } from './badge';
import { ICON_OFF, ICON_ON } from './icons';

const PUBLIC = path.resolve(__dirname, '../../public');
const settings = (change: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...change });
const siteOff = (pattern: string) => settings({ site: { mode: 'everywhere', rules: [{ pattern, enabled: false }] } });

describe('actionView', () => {
  it.each<[ActionState, string, string]>([
    [{ kind: 'on', distinct: null }, '', 'Gloss'],
    [{ kind: 'on', distinct: 0 }, '', 'Gloss: no entities found on this page'],
    [{ kind: 'on', distinct: 1 }, '1', 'Gloss: 1 entity on this page'],
    [{ kind: 'on', distinct: 12 }, '12', 'Gloss: 12 entities on this page'],
    [{ kind: 'on', distinct: 999 }, '999', 'Gloss: 999 entities on this page'],
    [{ kind: 'on', distinct: 1000 }, '999+', 'Gloss: 1000 entities on this page'],
    [{ kind: 'off-site' }, 'off', 'Gloss is off on this site'],
    [{ kind: 'paused' }, 'off', 'Gloss is paused on every site'],
  ])('%o shows %j titled %j', (state, text, title) => {
    const view = actionView(state);
    expect(view.text).toBe(text);
    expect(view.title).toBe(title);
    expect(view.text.length).toBeLessThanOrEqual(4);
  });

  it('uses the grey icon and colour exactly when Gloss is off', () => {
    const on = actionView({ kind: 'on', distinct: 3 });
    expect(on.icon).toBe(ICON_ON);
    for (const kind of ['off-site', 'paused'] as const) {
      const off = actionView({ kind });
      expect(off.icon).toBe(ICON_OFF);
      expect(off.color).not.toBe(on.color);
    }
  });

  it('names icon files that exist, one per size, different for on and off', () => {
    for (const icon of [ICON_ON, ICON_OFF]) {
      expect(Object.keys(icon)).toEqual(['16', '32', '48', '128']);
      for (const file of Object.values(icon)) expect(existsSync(path.join(PUBLIC, file)), file).toBe(true);
    }
    expect(new Set([...Object.values(ICON_ON), ...Object.values(ICON_OFF)]).size).toBe(8);
  });
});

describe('stateFromReport', () => {
  it('counts when the page runs, and says why when it does not', () => {
    expect(stateFromReport({ distinct: 4, enabled: true }, settings())).toEqual({ kind: 'on', distinct: 4 });
    expect(stateFromReport({ distinct: 0, enabled: false }, siteOff('example.com'))).toEqual({ kind: 'off-site' });
    expect(stateFromReport({ distinct: 0, enabled: false }, settings({ paused: true }))).toEqual({ kind: 'paused' });
  });
});

describe('stateKind', () => {
  it.each<[string | undefined, Settings, ActionState['kind'] | null]>([
    ['https://example.com/news', settings(), 'on'],
    ['https://example.com/news', siteOff('example.com'), 'off-site'],
    ['https://other.org/', siteOff('example.com'), 'on'],
    ['https://example.com/news', settings({ paused: true }), 'paused'],
    ['chrome://extensions/', settings(), null],
    ['about:blank', settings({ paused: true }), null],
    [undefined, settings(), null],
  ])('%s', (url, s, kind) => {
    expect(stateKind(url, s)).toBe(kind);
  });
});

describe('stateAfterSettingsChange', () => {
  const url = 'https://example.com/a';

  it('leaves tabs alone when their state does not change (another setting keeps the count)', () => {
    const recoloured = settings({ demonyms: true });
    expect(stateAfterSettingsChange(url, settings(), recoloured, undefined)).toBeNull();
    expect(stateAfterSettingsChange(url, siteOff('other.org'), settings(), undefined)).toBeNull();
    expect(stateAfterSettingsChange('chrome://newtab/', settings(), settings({ paused: true }), undefined)).toBeNull();
    expect(stateAfterSettingsChange(undefined, settings(), settings({ paused: true }), undefined)).toBeNull();
  });

  it('turns the button off at once when the site is switched off or Gloss paused', () => {
    const running = { distinct: 5, enabled: true };
    expect(stateAfterSettingsChange(url, settings(), siteOff('example.com'), running)).toEqual({ kind: 'off-site' });
    expect(stateAfterSettingsChange(url, settings(), settings({ paused: true }), running)).toEqual({ kind: 'paused' });
    // Paused, then the site switched off too: still paused. Unpaused with the site off: off for the site.
    const pausedSiteOff = { ...siteOff('example.com'), paused: true };
    expect(stateAfterSettingsChange(url, settings({ paused: true }), pausedSiteOff, undefined)).toBeNull();
    expect(stateAfterSettingsChange(url, pausedSiteOff, siteOff('example.com'), undefined)).toEqual({
      kind: 'off-site',
    });
  });

  it('switching on shows no count until the page reports, unless its report already came', () => {
    const off = siteOff('example.com');
    expect(stateAfterSettingsChange(url, off, settings(), undefined)).toEqual({ kind: 'on', distinct: null });
    expect(stateAfterSettingsChange(url, off, settings(), { distinct: 0, enabled: false })).toEqual({
      kind: 'on',
      distinct: null,
    });
    expect(stateAfterSettingsChange(url, off, settings(), { distinct: 7, enabled: true })).toEqual({
      kind: 'on',
      distinct: 7,
    });
  });
});
