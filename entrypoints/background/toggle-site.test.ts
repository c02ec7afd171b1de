import { describe, expect, it } from 'vitest';
import { defaultSettings, isEnabledOn, type Settings } from '@/lib/settings/settings';
import { toggledSettings } from './toggle-site';

const url = 'https://www.example.com/news/today';
const settings = (change: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...change });

describe('toggledSettings', () => {
  it('switches a site off, and on again to where it started', () => {
    const start = settings();
    const off = toggledSettings(start, url);
    expect(isEnabledOn(url, off)).toBe(false);
    expect(off.site.rules).toEqual([{ pattern: 'example.com', enabled: false }]);
    // Other sites keep highlighting.
    expect(isEnabledOn('https://other.org/', off)).toBe(true);
    const on = toggledSettings(off, url);
    expect(isEnabledOn(url, on)).toBe(true);
    expect(on).toEqual(start);
  });

  it('switches on a site that only a listed-mode rule would enable', () => {
    const listed = settings({ site: { mode: 'listed', rules: [] } });
    const on = toggledSettings(listed, url);
    expect(isEnabledOn(url, on)).toBe(true);
    expect(on.site.mode).toBe('listed');
    expect(isEnabledOn('https://other.org/', on)).toBe(false);
  });

  it('switches off a page that a more specific path rule kept on', () => {
    const s = settings({
      site: {
        mode: 'everywhere',
        rules: [
          { pattern: 'example.com', enabled: false },
          { pattern: 'example.com/news/*', enabled: true },
        ],
      },
    });
    expect(isEnabledOn(url, s)).toBe(true);
    expect(isEnabledOn(url, toggledSettings(s, url))).toBe(false);
  });

  it('ends a pause: pressing the toggle on a page with no highlights means "show them here"', () => {
    const paused = settings({ paused: true });
    const on = toggledSettings(paused, url);
    expect(on.paused).toBe(false);
    expect(isEnabledOn(url, on)).toBe(true);
    expect(on.site).toEqual(paused.site);

    const pausedAndOff = { ...toggledSettings(settings(), url), paused: true };
    const both = toggledSettings(pausedAndOff, url);
    expect(both.paused).toBe(false);
    expect(isEnabledOn(url, both)).toBe(true);
  });

  it('keeps every other setting', () => {
    const s = settings({
      demonyms: true,
      categories: { country: false, initiative: true, organization: true, official: false },
    });
    const off = toggledSettings(s, url);
    expect({ ...off, site: s.site }).toEqual(s);
  });

  it.each(['chrome://extensions/', 'about:blank', 'file:///home/me/a.html', 'not a url', ''])(
    'leaves the settings alone on %j, where Gloss never runs',
    (where) => {
      const s = settings({ paused: true });
      expect(toggledSettings(s, where)).toBe(s);
    },
  );
});
