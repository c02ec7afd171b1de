// @vitest-environment jsdom
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ENTITY_TYPES } from '../knowledge/schema';
import { FLASH_CLASS, highlightCss } from './highlight-css';
import { DEFAULT_STYLES, defaultSettings, HIGHLIGHT_LOOKS, type Settings } from './settings';

const styles = (change: Partial<Settings['styles']> = {}): Settings['styles'] => ({
  ...defaultSettings().styles,
  ...change,
});

/** The value of one custom property in the variable block. */
function lightVariable(css: string, name: string): string | undefined {
  return new RegExp(`${name}: ([^;]+);`).exec(css)?.[1];
}

/** Parsed by the browser's CSS parser (jsdom's): the rules a page would get. */
function parse(css: string): CSSRuleList {
  const style = document.createElement('style');
  style.textContent = css;
  document.head.append(style);
  const rules = (style.sheet as CSSStyleSheet).cssRules;
  style.remove();
  return rules;
}

describe('highlightCss', () => {
  it('has a rule for every entity type, read from its own variables', () => {
    const css = highlightCss(styles());
    for (const type of ENTITY_TYPES) {
      expect(css).toContain(`mark.gloss-mark[data-entity-type="${type}"] {`);
      expect(css).toContain(`background-color: var(--gloss-mark-${type}-background,`);
    }
  });

  it('turns each colour into translucent tints of that colour', () => {
    const css = highlightCss(styles({ country: { look: 'background', color: '#FF8000' } }));
    expect(lightVariable(css, '--gloss-mark-country-background')).toBe('rgba(255, 128, 0, 0.15)');
    expect(lightVariable(css, '--gloss-mark-country-shadow')).toBe('inset 0 -2px 0 rgba(255, 128, 0, 0.8)');
    // The browser's colour scheme does not say whether the page is dark: one tint for all pages.
    expect(css).not.toContain('prefers-color-scheme');
    // The other types keep their own colours.
    expect(lightVariable(css, '--gloss-mark-official-background')).toBe('rgba(221, 107, 32, 0.15)');
  });

  it('draws each look without taking room', () => {
    const css = highlightCss(
      styles({
        country: { look: 'underline', color: '#102030' },
        initiative: { look: 'outline', color: '#405060' },
      }),
    );
    expect(lightVariable(css, '--gloss-mark-country-decoration')).toBe('underline 2px rgba(16, 32, 48, 1)');
    expect(lightVariable(css, '--gloss-mark-country-background')).toBe('transparent');
    expect(lightVariable(css, '--gloss-mark-country-shadow')).toBe('none');
    expect(lightVariable(css, '--gloss-mark-initiative-shadow')).toBe('inset 0 0 0 2px rgba(64, 80, 96, 0.85)');
    expect(lightVariable(css, '--gloss-mark-initiative-decoration')).toBe('none');
    // Only zero padding, margin and border; no sizes, no font of our own.
    expect(css).not.toMatch(/padding:\s*[^0\s]/);
    expect(css).not.toMatch(/margin:\s*[^0\s]/);
    expect(css).not.toMatch(/border:\s*[^0\s]/);
    expect(css).not.toMatch(/font-size|font-weight|(?<![-\w])(width|height|display):/);
    expect(css).toContain('color: inherit;');
  });

  it('has the flash and a visible focus ring', () => {
    const css = highlightCss(styles());
    expect(css).toContain(`mark.gloss-mark.${FLASH_CLASS} {`);
    expect(css).toContain('@keyframes gloss-mark-flash');
    expect(css).toMatch(/mark\.gloss-mark:focus-visible \{\s*outline: 2px solid currentColor;/);
  });

  it('parses as CSS, every type rule included', () => {
    const rules = [...parse(highlightCss(styles()))];
    const selectors = rules.flatMap((rule) => ('selectorText' in rule ? [rule.selectorText as string] : []));
    for (const type of ENTITY_TYPES) expect(selectors).toContain(`mark.gloss-mark[data-entity-type="${type}"]`);
    expect(selectors).toContain('mark.gloss-mark:focus-visible');
  });

  it('replaces anything that is not a #rrggbb colour or a known look by the default', () => {
    const hostile = [
      'red',
      '#fff',
      '#12345g',
      '#123456; } body { display: none',
      'url(https://example.com/x.png)',
      '#123456\n}',
      '',
    ];
    const defaults = highlightCss(styles());
    for (const color of hostile) {
      const css = highlightCss(styles({ country: { look: 'background', color } }));
      expect(css).toBe(defaults);
    }
    const badLook = highlightCss(
      styles({ country: { look: 'blink; color: red' as Settings['styles']['country']['look'], color: '#4299e1' } }),
    );
    expect(badLook).toBe(defaults);
  });

  it('survives missing or damaged style entries', () => {
    const damaged = { country: null, initiative: 'x' } as unknown as Settings['styles'];
    expect(highlightCss(damaged)).toBe(highlightCss(DEFAULT_STYLES));
    expect(highlightCss(undefined as unknown as Settings['styles'])).toBe(highlightCss(DEFAULT_STYLES));
  });

  it('never lets a stored string into the CSS (property)', () => {
    const looks = fc.oneof(fc.constantFrom(...HIGHLIGHT_LOOKS), fc.string());
    const colors = fc.oneof(
      fc.stringMatching(/^#[0-9a-fA-F]{6}$/),
      fc.string(),
      fc.string().map((s) => `#abcdef${s}`),
    );
    const style = fc.record({ look: looks, color: colors });
    fc.assert(
      fc.property(fc.record({ country: style, initiative: style, organization: style, official: style }), (given) => {
        const css = highlightCss(given as Settings['styles']);
        // Every colour in the output is an rgba() of byte channels; no other colour syntax at all.
        for (const [, r, g, b] of css.matchAll(/rgba\((\d+), (\d+), (\d+), [\d.]+\)/g)) {
          for (const channel of [r, g, b]) expect(Number(channel)).toBeLessThanOrEqual(255);
        }
        expect(css).not.toMatch(/#|url\(|@import|expression|\\/);
        // Same structure whatever was given; each value is one of a few known forms.
        const values: string[] = [];
        const skeleton = css
          .replace(/(--gloss-mark-[a-z]+-[a-z]+): ([^;]+);/g, (_, name: string, value: string) => {
            values.push(value);
            return `${name}: V;`;
          })
          .replace(/var\((--gloss-mark-[a-z]+-[a-z]+), ([^;]+)\);/g, (_, name: string, value: string) => {
            values.push(value);
            return `var(${name}, V);`;
          });
        expect(skeleton).toBe(defaultsSkeleton);
        for (const value of values) expect(value).toMatch(VALUE_FORM);
      }),
    );
  });
});

const RGBA = 'rgba\\(\\d{1,3}, \\d{1,3}, \\d{1,3}, [\\d.]+\\)';
const VALUE_FORM = new RegExp(
  `^(transparent|none|${RGBA}|inset 0 -2px 0 ${RGBA}|inset 0 0 0 2px ${RGBA}|underline 2px ${RGBA})$`,
);
const defaultsSkeleton = highlightCss(DEFAULT_STYLES)
  .replace(/(--gloss-mark-[a-z]+-[a-z]+): ([^;]+);/g, '$1: V;')
  .replace(/var\((--gloss-mark-[a-z]+-[a-z]+), ([^;]+)\);/g, 'var($1, V);');
