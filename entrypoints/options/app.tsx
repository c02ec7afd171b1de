import { useEffect, useState } from 'preact/hooks';
import { typeLabel } from '@/components/labels';
import { Switch } from '@/components/site-switch';
import { t } from '@/lib/i18n';
import { ENTITY_TYPES } from '@/lib/knowledge/schema';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '@/lib/storage';
import { PacksSection } from './packs';
import { RepairNotice } from './repair-notice';
import { ShortcutsSection } from './shortcuts';
import { SitesSection } from './sites';
import { StylesSection } from './styles';
import { TransferSection } from './transfer';

export function App() {
  // Null until storage has answered, so the page never shows defaults the user did not choose.
  const [settings, setSettings] = useState<Settings | null>(null);

  useEffect(() => {
    let live = true;
    void loadSettings().then((loaded) => live && setSettings(loaded));
    // Changes made elsewhere (the popup, a keyboard command, another options tab) show at once.
    const unwatch = watchSettings(setSettings);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  return (
    <div class="opt-page">
      <header class="opt-header">
        <h1>
          <img src="/icon/32.png" alt="" width="28" height="28" /> {t('optionsTitle')}
        </h1>
        <p class="opt-lead">{t('optionsLead')}</p>
        <p class="opt-lead">
          <a href="/dossier.html" data-testid="open-dossier">
            {t('optionsDossier')}
          </a>
        </p>
      </header>
      <main>
        <RepairNotice />
        {settings === null ? (
          <p class="opt-muted" role="status">
            {t('optionsLoading')}
          </p>
        ) : (
          <Sections settings={settings} />
        )}
      </main>
    </div>
  );
}

function Sections({ settings }: { settings: Settings }) {
  return (
    <>
      <section class="opt-section" aria-labelledby="opt-general">
        <h2 id="opt-general">{t('optionsGeneral')}</h2>
        <div class="opt-field">
          <Switch
            label={t('optionsPause')}
            checked={settings.paused}
            onChange={(paused) => void updateSettings((s) => ({ ...s, paused }))}
            testId="pause-switch"
            describedBy="opt-pause-hint"
          />
          <p class="opt-hint" id="opt-pause-hint">
            {t('optionsPauseHint')}
          </p>
        </div>
      </section>

      <section class="opt-section" aria-labelledby="opt-what">
        <h2 id="opt-what">{t('optionsWhat')}</h2>
        <fieldset class="opt-fieldset">
          <legend>{t('optionsKinds')}</legend>
          <div class="opt-switch-grid">
            {ENTITY_TYPES.map((type) => (
              <Switch
                key={type}
                label={typeLabel(type, 'many')}
                checked={settings.categories[type]}
                onChange={(on) => void updateSettings((s) => ({ ...s, categories: { ...s.categories, [type]: on } }))}
                testId={`category-${type}`}
              />
            ))}
          </div>
        </fieldset>
        <div class="opt-field">
          <Switch
            label={t('optionsDemonyms')}
            checked={settings.demonyms}
            onChange={(demonyms) => void updateSettings((s) => ({ ...s, demonyms }))}
            testId="demonym-switch"
            describedBy="opt-demonyms-hint"
          />
          <p class="opt-hint" id="opt-demonyms-hint">
            {t('optionsDemonymsHint')}
          </p>
        </div>
      </section>

      <PacksSection />
      <StylesSection settings={settings} />
      <SitesSection settings={settings} />
      <ShortcutsSection />
      <TransferSection />
      <footer class="opt-footer">{t('optionsFooter')}</footer>
    </>
  );
}
