import { describe, expect, it } from 'vitest';
import { countryMentions, countryNamed, isDemonym, KNOWN_COUNTRIES } from './countries';

const found = (text: string) => countryMentions(text).map((m) => [m.text, m.country.id, m.start]);

describe('countryMentions', () => {
  it('finds names whole, longest first, with their offsets', () => {
    expect(found('New Zealand, Niger and Nigeria; the U.S. and Papua New Guinea.')).toEqual([
      ['New Zealand', 'country:nz', 0],
      ['Niger', 'country:ne', 13],
      ['Nigeria', 'country:ng', 23],
      ['U.S.', 'country:us', 36],
      ['Papua New Guinea', 'country:pg', 45],
    ]);
  });

  it('never inside a longer word, in any case but the name’s', () => {
    expect(found('Nigerian chinese USB Chinatown _Chile')).toEqual([]);
  });

  it('finds the five languages, Chinese without spaces', () => {
    expect(found('美国和中国 · la Chine · Китай · الصين')).toEqual([
      ['美国', 'country:us', 0],
      ['中国', 'country:cn', 3],
      ['Chine', 'country:cn', 11],
      ['Китай', 'country:cn', 19],
      ['الصين', 'country:cn', 27],
    ]);
  });

  it('knows every country: the bundled ones with their curated aliases, the others from Intl.DisplayNames', () => {
    expect(KNOWN_COUNTRIES.length).toBeGreaterThan(240);
    expect(new Set(KNOWN_COUNTRIES.map((country) => country.id)).size).toBe(KNOWN_COUNTRIES.length);
    expect(countryNamed('Bosnia and Herzegovina')?.id).toBe('country:ba');
    expect(countryNamed('Myanmar')?.id).toBe('country:mm');
    expect(countryNamed('Burma')?.id).toBe('country:mm');
    for (const grouping of ['European Union', 'United Nations', 'Eurozone', 'Unknown Region']) {
      expect(countryNamed(grouping)).toBeUndefined();
    }
    expect(isDemonym('Chinese')).toBe(true);
    expect(isDemonym('China')).toBe(false);
  });
});
