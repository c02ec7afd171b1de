// The user's settings and what they mean for a page. Pure: no browser API.
import * as v from 'valibot';
import { ENTITY_TYPES, type EntityType } from '../knowledge/schema';
import { isSiteEnabled, MAX_PATTERN_LENGTH, parseSitePattern, type SiteRules } from './site-rules';

export const SETTINGS_VERSION = 2;

export const HIGHLIGHT_LOOKS = ['background', 'underline', 'outline'] as const;
export type HighlightLook = (typeof HIGHLIGHT_LOOKS)[number];

const ColorSchema = v.pipe(v.string(), v.regex(/^#[0-9a-f]{6}$/i));
const HighlightStyleSchema = v.object({ look: v.picklist(HIGHLIGHT_LOOKS), color: ColorSchema });
export type HighlightStyle = v.InferOutput<typeof HighlightStyleSchema>;

const SiteRuleSchema = v.object({
  pattern: v.pipe(
    v.string(),
    v.maxLength(MAX_PATTERN_LENGTH),
    v.check((pattern) => parseSitePattern(pattern).ok),
  ),
  enabled: v.boolean(),
});
export const MAX_SITE_RULES = 1000;

/** Each field has its own schema, so a damaged field falls back alone and the rest is kept. */
const FieldSchemas = {
  /** Pauses Gloss everywhere without forgetting per-site choices. */
  paused: v.boolean(),
  site: v.object({
    mode: v.picklist(['everywhere', 'listed']),
    rules: v.pipe(v.array(v.unknown()), v.maxLength(MAX_SITE_RULES)),
  }),
  /** Which kinds of entity are highlighted. */
  categories: v.object(
    Object.fromEntries(ENTITY_TYPES.map((type) => [type, v.boolean()])) as Record<
      EntityType,
      v.BooleanSchema<undefined>
    >,
  ),
  styles: v.object(
    Object.fromEntries(ENTITY_TYPES.map((type) => [type, HighlightStyleSchema])) as Record<
      EntityType,
      typeof HighlightStyleSchema
    >,
  ),
  /** Adjectives such as "Chinese" are off by default: they are often not about the state. */
  demonyms: v.boolean(),
};

export interface Settings {
  paused: boolean;
  site: SiteRules;
  categories: Record<EntityType, boolean>;
  styles: Record<EntityType, HighlightStyle>;
  demonyms: boolean;
}
export type SettingsField = keyof Settings;
export const SETTINGS_FIELDS = Object.keys(FieldSchemas) as SettingsField[];

export const DEFAULT_STYLES: Readonly<Record<EntityType, HighlightStyle>> = Object.freeze({
  country: { look: 'background', color: '#4299e1' },
  initiative: { look: 'background', color: '#38a169' },
  organization: { look: 'background', color: '#805ad5' },
  official: { look: 'background', color: '#dd6b20' },
});

export function defaultSettings(): Settings {
  return {
    paused: false,
    site: { mode: 'everywhere', rules: [] },
    categories: { country: true, initiative: true, organization: true, official: true },
    styles: structuredClone(DEFAULT_STYLES) as Record<EntityType, HighlightStyle>,
    demonyms: false,
  };
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze(defaultSettings());

export interface ParsedSettings {
  settings: Settings;
  /** Fields that were damaged or missing and now hold their defaults; rules that were dropped. */
  problems: string[];
}

/**
 * Reads any stored value as settings without throwing. Each field is checked on its own: a damaged
 * field falls back to its default and is reported; a damaged site rule is dropped and reported.
 * Only own keys are read, so a smuggled `__proto__` never reaches the result.
 */
export function parseSettingsReport(value: unknown): ParsedSettings {
  const settings = defaultSettings();
  const problems: string[] = [];
  const record =
    typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  if (!record) return { settings, problems: value === undefined || value === null ? [] : ['settings'] };
  for (const field of SETTINGS_FIELDS) {
    const raw = Object.hasOwn(record, field) ? record[field] : undefined;
    const parsed = v.safeParse(FieldSchemas[field], raw);
    if (!parsed.success) {
      problems.push(field);
      continue;
    }
    if (field === 'site') {
      const site = parsed.output as { mode: SiteRules['mode']; rules: unknown[] };
      const rules = site.rules.flatMap((rule) => {
        const ok = v.safeParse(SiteRuleSchema, rule);
        if (!ok.success) problems.push('site rule');
        return ok.success ? [{ pattern: ok.output.pattern, enabled: ok.output.enabled }] : [];
      });
      settings.site = { mode: site.mode, rules };
    } else {
      (settings as unknown as Record<string, unknown>)[field] = parsed.output;
    }
  }
  return { settings, problems };
}

export function parseSettings(value: unknown): Settings {
  return parseSettingsReport(value).settings;
}

/** Version 1 stored `sites: { host: false }` exceptions; each becomes a host rule. */
export function migrateV1(value: unknown): unknown {
  if (typeof value !== 'object' || value === null) return value;
  const { sites, ...rest } = value as Record<string, unknown>;
  const rules =
    typeof sites === 'object' && sites !== null
      ? Object.entries(sites)
          .filter(([pattern, enabled]) => typeof enabled === 'boolean' && parseSitePattern(pattern).ok)
          .map(([pattern, enabled]) => ({ pattern, enabled }))
      : [];
  return { ...defaultSettings(), ...rest, site: { mode: 'everywhere', rules } };
}

/** Gloss highlights this URL: not paused, and the site rules allow it. */
export function isEnabledOn(url: string, settings: Settings): boolean {
  return !settings.paused && isSiteEnabled(url, settings.site);
}

export function enabledTypes(settings: Settings): EntityType[] {
  return ENTITY_TYPES.filter((type) => settings.categories[type]);
}
