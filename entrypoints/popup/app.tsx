import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntityCard } from '@/components/entity-card';
import { Switch } from '@/components/site-switch';
import { getEntity, searchEntities, TYPE_LABELS } from '@/lib/knowledge/pack';
import { ENTITY_TYPES } from '@/lib/knowledge/schema';
import type { PageState } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { isSiteEnabled, withSiteEnabled } from '@/lib/settings/site-rules';
import { loadSettings, updateSettings, watchSettings } from '@/lib/storage';
import { requestPageState, targetTab } from './page';

type PageStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number; state: PageState }
  | { kind: 'unavailable'; reason: string };

export function App() {
  const [page, setPage] = useState<PageStatus>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [query, setQuery] = useState('');
  const [openId, setOpenId] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const tab = await targetTab();
    if (!tab) {
      setPage({ kind: 'unavailable', reason: 'No tab to read.' });
      return;
    }
    const state = await requestPageState(tab.id);
    if (state) setPage({ kind: 'ready', tabId: tab.id, state });
    else {
      const web = tab.url === undefined || /^https?:/.test(tab.url);
      setPage({
        kind: 'unavailable',
        reason: web
          ? 'Gloss is not running in this tab yet. Reload the page to start it.'
          : 'Gloss only reads web pages (http and https).',
      });
    }
  }, []);

  useEffect(() => {
    void loadSettings().then(setSettings);
    void refresh();
    // The content script applies a change first; ask again once it has.
    return watchSettings((next) => {
      setSettings(next);
      void refresh();
    });
  }, [refresh]);

  const site = page.kind === 'ready' ? page.state.site : null;
  const url = page.kind === 'ready' ? page.state.url : null;
  const siteOn = url !== null && isSiteEnabled(url, settings.site);

  const setSiteEnabled = (enabled: boolean) => {
    if (url) void updateSettings((s) => ({ ...s, site: withSiteEnabled(s.site, url, enabled) }));
  };
  const setPaused = (paused: boolean) => void updateSettings((s) => ({ ...s, paused }));

  const mentionCount = (id: string) =>
    page.kind === 'ready' ? page.state.mentions.find((m) => m.entityId === id)?.count : undefined;

  if (openId) {
    return (
      <main class="gloss-popup">
        <BackButton onBack={() => setOpenId(null)} />
        <EntityCard entityId={openId} mentions={mentionCount(openId)} onOpenEntity={setOpenId} />
      </main>
    );
  }

  return (
    <main class="gloss-popup">
      <header class="gloss-header">
        <h1>
          <img src="/icon/32.png" alt="" width="20" height="20" /> Gloss
        </h1>
        <div class="gloss-switches">
          {site !== null && (
            <Switch
              label={`Highlight on ${site}`}
              checked={siteOn}
              disabled={settings.paused}
              onChange={setSiteEnabled}
              testId="site-switch"
            />
          )}
          <Switch label="Pause everywhere" checked={settings.paused} onChange={setPaused} testId="pause-switch" />
          <Switch
            label="Highlight demonyms too (Chinese, Dutch)"
            checked={settings.demonyms}
            onChange={(demonyms) => void updateSettings((s) => ({ ...s, demonyms }))}
            testId="demonym-switch"
          />
        </div>
      </header>
      <label class="gloss-search">
        <span class="gloss-visually-hidden">Search the documents</span>
        <input
          type="search"
          placeholder="Search countries, initiatives, people…"
          value={query}
          onInput={(event) => setQuery(event.currentTarget.value)}
          data-testid="search"
        />
      </label>
      {query.trim() ? (
        <SearchResults query={query} onOpen={setOpenId} />
      ) : (
        <OnThisPage page={page} onOpen={setOpenId} />
      )}
      <footer class="gloss-footer">Roles come only from the five bundled documents, quoted verbatim.</footer>
    </main>
  );
}

function SearchResults({ query, onOpen }: { query: string; onOpen: (id: string) => void }) {
  const results = useMemo(() => searchEntities(query), [query]);
  if (results.length === 0) return <p class="gloss-empty">Nothing in the documents matches “{query}”.</p>;
  return (
    <section aria-label="Search results">
      <ul class="gloss-list" data-testid="search-results">
        {results.map((entity) => (
          <li key={entity.id}>
            <button type="button" class="gloss-row" data-entity={entity.id} onClick={() => onOpen(entity.id)}>
              <span class={`gloss-dot gloss-type-${entity.type}`} aria-hidden="true" />
              <span class="gloss-row-name">{entity.name}</span>
              <span class="gloss-row-type">{TYPE_LABELS[entity.type].one}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

function OnThisPage({ page, onOpen }: { page: PageStatus; onOpen: (id: string) => void }) {
  if (page.kind === 'loading') return <p class="gloss-empty">Reading the page…</p>;
  if (page.kind === 'unavailable') return <p class="gloss-empty">{page.reason}</p>;
  const { state } = page;
  if (!state.enabled) return <p class="gloss-empty">Highlighting is off for this site.</p>;
  if (state.mentions.length === 0) return <p class="gloss-empty">Nothing from the documents on this page.</p>;
  const total = state.mentions.reduce((sum, m) => sum + m.count, 0);
  return (
    <section aria-labelledby="gloss-on-page" data-testid="on-this-page">
      <h2 id="gloss-on-page" class="gloss-section-title">
        On this page{' '}
        <span class="gloss-count">
          {state.mentions.length} entities, {total} mentions
        </span>
      </h2>
      {ENTITY_TYPES.map((type) => {
        const rows = state.mentions
          .map((m) => ({ ...m, entity: getEntity(m.entityId) }))
          .filter((m) => m.entity?.type === type)
          .sort((a, b) => b.count - a.count || (a.entity?.name ?? '').localeCompare(b.entity?.name ?? ''));
        if (rows.length === 0) return null;
        return (
          <div key={type} class="gloss-group">
            <h3>
              {TYPE_LABELS[type].many} <span class="gloss-count">{rows.length}</span>
            </h3>
            <ul class="gloss-list">
              {rows.map(({ entityId, count, entity }) => (
                <li key={entityId}>
                  <button type="button" class="gloss-row" data-entity={entityId} onClick={() => onOpen(entityId)}>
                    <span class={`gloss-dot gloss-type-${type}`} aria-hidden="true" />
                    <span class="gloss-row-name">{entity?.name}</span>
                    <span class="gloss-row-count">
                      {count}
                      <span class="gloss-visually-hidden"> mentions</span>
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}

/** Takes focus when a card opens, so keyboard users land at the top of it. */
function BackButton({ onBack }: { onBack: () => void }) {
  const ref = useRef<HTMLButtonElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <button type="button" class="gloss-back" onClick={onBack} ref={ref}>
      ← Back
    </button>
  );
}
