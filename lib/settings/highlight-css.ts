// The highlights' CSS, made from the user's per-type styles. Pure: returns text, touches nothing.
//
// Colours live in custom properties on :root, and the rules read them. The same text is adopted
// by the page and by every open shadow root the annotator enters; custom properties inherit into
// shadow trees, so replacing the page's sheet alone restyles the marks in shadow roots as well.
// Nothing here may move the page's text: no padding, margin, border, font or line-height of our
// own (the page's own styles for <mark> are reset to nothing for the same reason); only tints,
// inset shadows, text decoration and outlines, which take no room.
import { ENTITY_TYPES, type EntityType } from '../knowledge/schema';
import { DEFAULT_STYLES, HIGHLIGHT_LOOKS, type HighlightLook, type Settings } from './settings';

/** Added to a mark for a moment to show where a jump landed. */
export const FLASH_CLASS = 'gloss-flash';

const HEX_COLOR = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

type Rgb = readonly [number, number, number];

/** The style's colour if it is a #rrggbb colour, else the type's default: nothing else reaches CSS. */
function channels(color: unknown, type: EntityType): Rgb {
  const parsed = typeof color === 'string' ? HEX_COLOR.exec(color) : null;
  const hex = parsed ? parsed : (HEX_COLOR.exec(DEFAULT_STYLES[type].color) as RegExpExecArray);
  return [
    Number.parseInt(hex[1] as string, 16),
    Number.parseInt(hex[2] as string, 16),
    Number.parseInt(hex[3] as string, 16),
  ];
}

function lookOf(look: unknown): HighlightLook {
  return HIGHLIGHT_LOOKS.find((known) => known === look) ?? 'background';
}

const rgba = ([r, g, b]: Rgb, alpha: number) => `rgba(${r}, ${g}, ${b}, ${alpha})`;

interface TypeVariables {
  background: string;
  shadow: string;
  decoration: string;
  flash: string;
}

/**
 * On white, this tint keeps text of #666 (a common grey for bylines and captions) above the WCAG
 * 4.5:1 contrast for every default colour; the underline carries the colour that the tint cannot.
 * On a dark page the same tint darkens nothing and light text stays readable.
 */
const TINT = 0.15;

/**
 * Translucent tints keep the page's own text colour readable on light and dark pages alike. There
 * is deliberately no variant for a dark colour scheme: the browser's scheme says nothing about
 * whether the page itself is dark, and a stronger tint on a light page costs its text contrast.
 */
function variablesFor(look: HighlightLook, rgb: Rgb): TypeVariables {
  const flash = rgba(rgb, 0.55);
  switch (look) {
    case 'underline':
      return { background: 'transparent', shadow: 'none', decoration: `underline 2px ${rgba(rgb, 1)}`, flash };
    case 'outline':
      return {
        background: 'transparent',
        shadow: `inset 0 0 0 2px ${rgba(rgb, 0.85)}`,
        decoration: 'none',
        flash,
      };
    default:
      return {
        background: rgba(rgb, TINT),
        shadow: `inset 0 -2px 0 ${rgba(rgb, 0.8)}`,
        decoration: 'none',
        flash,
      };
  }
}

const variable = (type: EntityType, name: keyof TypeVariables) => `--gloss-mark-${type}-${name}`;

function variableBlock(styles: Settings['styles']): string {
  const lines = ENTITY_TYPES.flatMap((type) => {
    const style = styles?.[type];
    const values = variablesFor(lookOf(style?.look), channels(style?.color, type));
    return (Object.keys(values) as (keyof TypeVariables)[]).map(
      (name) => `  ${variable(type, name)}: ${values[name]};`,
    );
  });
  return `:root {\n${lines.join('\n')}\n}`;
}

/** The rules for one type; the fallbacks hold when the variables are missing (a sheet that failed). */
function typeRule(type: EntityType, fallback: TypeVariables): string {
  const read = (name: keyof TypeVariables) => `var(${variable(type, name)}, ${fallback[name]})`;
  return `mark.gloss-mark[data-entity-type="${type}"] {
  --gloss-mark-flash: ${read('flash')};
  background-color: ${read('background')};
  box-shadow: ${read('shadow')};
  text-decoration: ${read('decoration')};
}`;
}

const BASE_RULES = `mark.gloss-mark {
  color: inherit;
  font: inherit;
  line-height: inherit;
  letter-spacing: inherit;
  padding: 0;
  margin: 0;
  border: 0;
  border-radius: 2px;
  text-decoration: none;
  text-underline-offset: 0.2em;
  -webkit-box-decoration-break: clone;
  box-decoration-break: clone;
}
mark.gloss-mark:focus {
  outline: none;
}
mark.gloss-mark:focus-visible {
  outline: 2px solid currentColor;
  outline-offset: 2px;
}
mark.gloss-mark.${FLASH_CLASS} {
  animation: gloss-mark-flash 1.2s ease-out 1;
}
@keyframes gloss-mark-flash {
  0%,
  35% {
    background-color: var(--gloss-mark-flash);
    box-shadow: 0 0 0 4px var(--gloss-mark-flash);
  }
}
@media (prefers-reduced-motion: reduce) {
  mark.gloss-mark.${FLASH_CLASS} {
    animation-timing-function: steps(1, end);
  }
}
`;

// Last, and as specific as the type rules, so it wins over them: system colours the user chose.
const FORCED_COLORS = `@media (forced-colors: active) {
  mark.gloss-mark[data-entity-type] {
    forced-color-adjust: none;
    background-color: Mark;
    color: MarkText;
    box-shadow: none;
  }
}`;

/**
 * The CSS for `mark.gloss-mark[data-entity-type="…"]` for every type, from `styles`: its look
 * (background tint, underline or outline) and colour, the flash shown
 * after a jump and a visible keyboard focus ring. Anything that is not a known look or a #rrggbb
 * colour is replaced by the type's default, so no text from storage ever reaches the CSS.
 */
export function highlightCss(styles: Settings['styles']): string {
  const rules = ENTITY_TYPES.map((type) => {
    const style = styles?.[type];
    return typeRule(type, variablesFor(lookOf(style?.look), channels(style?.color, type)));
  });
  return [variableBlock(styles), BASE_RULES, ...rules, FORCED_COLORS].join('\n');
}
