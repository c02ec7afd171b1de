import { useState } from 'preact/hooks';
import { lookLabel, typeLabel } from '@/components/labels';
import { messageParts, t } from '@/lib/i18n';
import { ENTITY_TYPES, type EntityType } from '@/lib/knowledge/schema';
import { highlightCss } from '@/lib/settings/highlight-css';
import {
  DEFAULT_STYLES,
  HIGHLIGHT_LOOKS,
  type HighlightLook,
  type HighlightStyle,
  type Settings,
} from '@/lib/settings/settings';
import { updateSettings } from '@/lib/storage';

type Styles = Settings['styles'];

function setStyle(type: EntityType, change: Partial<HighlightStyle>) {
  return updateSettings((s) => ({ ...s, styles: { ...s.styles, [type]: { ...s.styles[type], ...change } } }));
}

function sameStyles(a: Styles, b: Readonly<Styles>): boolean {
  return ENTITY_TYPES.every((t) => a[t].look === b[t].look && a[t].color.toLowerCase() === b[t].color.toLowerCase());
}

export function StylesSection({ settings }: { settings: Settings }) {
  // While a colour picker is being dragged the preview follows it; storage is written once, when the
  // picker reports the final colour, so open pages are not restyled dozens of times a second.
  const [dragging, setDragging] = useState<Partial<Record<EntityType, string>>>({});
  const styles = Object.fromEntries(
    ENTITY_TYPES.map((type) => [
      type,
      { ...settings.styles[type], color: dragging[type] ?? settings.styles[type].color },
    ]),
  ) as Styles;
  const isDefault = sameStyles(settings.styles, DEFAULT_STYLES);

  const commitColor = (type: EntityType, color: string) => {
    void setStyle(type, { color }).then(() =>
      setDragging((current) => {
        const { [type]: _done, ...rest } = current;
        return rest;
      }),
    );
  };

  return (
    <section class="opt-section" aria-labelledby="opt-styles">
      <h2 id="opt-styles">{t('stylesTitle')}</h2>
      <p class="opt-hint">{t('stylesHint')}</p>
      <div class="opt-style-rows">
        {ENTITY_TYPES.map((type) => {
          return (
            <fieldset key={type} class="opt-style-row">
              <legend class="opt-style-name">{typeLabel(type, 'many')}</legend>
              <label class="opt-inline-label">
                {t('stylesLook')}
                <select
                  value={styles[type].look}
                  onChange={(event) => void setStyle(type, { look: event.currentTarget.value as HighlightLook })}
                  data-testid={`style-look-${type}`}
                >
                  {HIGHLIGHT_LOOKS.map((look) => (
                    <option key={look} value={look}>
                      {lookLabel(look)}
                    </option>
                  ))}
                </select>
              </label>
              <label class="opt-inline-label">
                {t('stylesColour')}
                <input
                  type="color"
                  value={styles[type].color.toLowerCase()}
                  onInput={(event) => {
                    const color = event.currentTarget.value;
                    setDragging((current) => ({ ...current, [type]: color }));
                  }}
                  onChange={(event) => commitColor(type, event.currentTarget.value)}
                  data-testid={`style-color-${type}`}
                />
              </label>
            </fieldset>
          );
        })}
      </div>

      <figure class="opt-preview">
        <figcaption>{t('stylesPreview')}</figcaption>
        <style>{highlightCss(styles)}</style>
        <p data-testid="preview">
          {/* The names are the documents' own (data, not translated); the sentence around them is a message. */}
          {messageParts('stylesPreviewText', {
            official: <PreviewMark type="official" settings={settings} text="Antony Blinken" />,
            country: <PreviewMark type="country" settings={settings} text="United States" />,
            organization: <PreviewMark type="organization" settings={settings} text="European Union" />,
            initiative: (
              <PreviewMark type="initiative" settings={settings} text="Declaration for the Future of the Internet" />
            ),
          })}
        </p>
        {ENTITY_TYPES.some((type) => !settings.categories[type]) && <p class="opt-hint">{t('stylesOffHint')}</p>}
      </figure>

      <button
        type="button"
        class="opt-button"
        disabled={isDefault}
        onClick={() => void updateSettings((s) => ({ ...s, styles: structuredClone(DEFAULT_STYLES) as Styles }))}
        data-testid="reset-styles"
      >
        {isDefault ? t('stylesAreDefault') : t('stylesReset')}
      </button>
    </section>
  );
}

function PreviewMark({ type, text, settings }: { type: EntityType; text: string; settings: Settings }) {
  if (!settings.categories[type]) return <>{text}</>;
  return (
    <mark class="gloss-mark" data-entity-type={type}>
      {text}
    </mark>
  );
}
