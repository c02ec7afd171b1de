import { useEffect, useState } from 'preact/hooks';
import { Switch } from '@/components/site-switch';
import { ENTITY_TYPES } from '@/lib/knowledge/schema';
import type { Settings } from '@/lib/settings/settings';
import { loadSettings, updateSettings, watchSettings } from '@/lib/storage';
import { TYPE_NAMES } from './describe';
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
          <img src="/icon/32.png" alt="" width="28" height="28" /> Gloss settings
        </h1>
        <p class="opt-lead">Changes are saved as soon as you make them and apply to open pages at once.</p>
      </header>
      <main>
        <RepairNotice />
        {settings === null ? (
          <p class="opt-muted" role="status">
            Loading your settings…
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
        <h2 id="opt-general">General</h2>
        <div class="opt-field">
          <Switch
            label="Pause Gloss everywhere"
            checked={settings.paused}
            onChange={(paused) => void updateSettings((s) => ({ ...s, paused }))}
            testId="pause-switch"
          />
          <p class="opt-hint">Nothing is highlighted anywhere while paused. Your site rules are kept.</p>
        </div>
      </section>

      <section class="opt-section" aria-labelledby="opt-what">
        <h2 id="opt-what">What to highlight</h2>
        <fieldset class="opt-fieldset">
          <legend>Kinds of names</legend>
          <div class="opt-switch-grid">
            {ENTITY_TYPES.map((type) => (
              <Switch
                key={type}
                label={TYPE_NAMES[type].many}
                checked={settings.categories[type]}
                onChange={(on) => void updateSettings((s) => ({ ...s, categories: { ...s.categories, [type]: on } }))}
                testId={`category-${type}`}
              />
            ))}
          </div>
        </fieldset>
        <div class="opt-field">
          <Switch
            label="Also highlight demonyms (Chinese, Dutch, Brazilian…)"
            checked={settings.demonyms}
            onChange={(demonyms) => void updateSettings((s) => ({ ...s, demonyms }))}
            testId="demonym-switch"
          />
          <p class="opt-hint">
            Off by default: words such as “Chinese” often describe people, food or a language rather than the state.
          </p>
        </div>
      </section>

      <StylesSection settings={settings} />
      <SitesSection settings={settings} />
      <ShortcutsSection />
      <TransferSection />
      <footer class="opt-footer">Gloss keeps these settings in this browser only. It makes no network requests.</footer>
    </>
  );
}
