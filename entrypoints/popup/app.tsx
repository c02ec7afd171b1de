import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntityCard } from '@/components/entity-card';
import { Switch } from '@/components/site-switch';
import { getEntity, searchEntities, TYPE_LABELS } from '@/lib/knowledge/pack';
import { ENTITY_TYPES } from '@/lib/knowledge/schema';
import type { PageState } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { isSiteEnabled, withSiteEnabled } from '@/lib/settings/site-rules';
import { loadSettings, updateSettings, watchSettings } from '@/lib/storage';
import { Answers } from './answers-view';
import { MentionNav, useJump } from './mention-nav';
import { initialSearch, openDocument, requestPageState, targetTab } from './page';

type PageStatus =
  | { kind: 'loading' }
  | { kind: 'ready'; tabId: number; state: PageState }
  | { kind: 'unavailable'; reason: string };

/** The card on show, and whether opening it should also bring its first mention into view. */
interface OpenCard {
  entityId: string;
  jump: boolean;
}

export function App() {
  const [page, setPage] = useState<PageStatus>({ kind: 'loading' });
  const [settings, setSettings] = useState<Settings>(DEFAULT_SETTINGS);
  const [query, setQuery] = useState(initialSearch);
  const [card, setCard] = useState<OpenCard | null>(null);
  // Where the user was when a card opened, to return there on "Back".
  const opener = useRef<HTMLElement | null>(null);
  const homeScroll = useRef(0);

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
  const tabId = page.kind === 'ready' ? page.tabId : null;
  const siteOn = url !== null && isSiteEnabled(url, settings.site);

  const setSiteEnabled = (enabled: boolean) => {
    if (url) void updateSettings((s) => ({ ...s, site: withSiteEnabled(s.site, url, enabled) }));
  };
  const setPaused = (paused: boolean) => void updateSettings((s) => ({ ...s, paused }));

  const mentionCount = (id: string) =>
    page.kind === 'ready' ? page.state.mentions.find((m) => m.entityId === id)?.count : undefined;

  const openCard = (entityId: string, jump = false) => {
    if (card === null) {
      opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      homeScroll.current = window.scrollY;
    }
    setCard({ entityId, jump });
  };
  const closeCard = () => setCard(null);
  const onOpenDocument = (sourceId: string, quote: string) => void openDocument(sourceId, quote);

  useEffect(() => {
    if (card !== null) {
      window.scrollTo(0, 0);
      return;
    }
    window.scrollTo(0, homeScroll.current);
    if (opener.current?.isConnected) opener.current.focus();
  }, [card]);

  return (
    <main class="gloss-popup">
      {card && (
        <CardView
          key={card.entityId}
          entityId={card.entityId}
          autoJump={card.jump}
          tabId={tabId}
          mentions={mentionCount(card.entityId)}
          onBack={closeCard}
          onOpenEntity={(id) => openCard(id)}
          onOpenDocument={onOpenDocument}
          onPageChanged={refresh}
        />
      )}
      <div hidden={card !== null} class="gloss-home">
        <header class="gloss-header">
          <h1>
            <img src="/icon/32.png" alt="" width="20" height="20" /> Gloss
          </h1>
          <Status page={page} settings={settings} siteOn={siteOn} />
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
          <SearchResults query={query} onOpen={openCard} />
        ) : (
          <>
            {page.kind === 'ready' && page.state.enabled && (
              <Answers mentions={page.state.mentions} onOpen={openCard} onOpenDocument={onOpenDocument} />
            )}
            <OnThisPage page={page} onOpen={openCard} onPageChanged={refresh} />
          </>
        )}
        <footer class="gloss-footer">Roles come only from the five bundled documents, quoted verbatim.</footer>
      </div>
    </main>
  );
}

/** The toolbar's state in words: on, off for this site, paused, or not running here. */
function Status({ page, settings, siteOn }: { page: PageStatus; settings: Settings; siteOn: boolean }) {
  let state: 'on' | 'off' | 'paused' | 'unavailable';
  let text: string;
  if (settings.paused) {
    state = 'paused';
    text = 'Paused on every site: nothing is highlighted';
  } else if (page.kind === 'unavailable') {
    state = 'unavailable';
    text = 'Not running on this page';
  } else if (page.kind === 'loading') {
    return null;
  } else if (!siteOn) {
    state = 'off';
    text = `Off on ${page.state.site ?? 'this site'}: nothing is highlighted`;
  } else {
    state = 'on';
    const n = page.state.mentions.length;
    text = n === 0 ? 'On' : `On · ${n} ${n === 1 ? 'entity' : 'entities'} on this page`;
  }
  return (
    <p class={`gloss-status gloss-status-${state}`} data-testid="status" data-state={state}>
      <span class="gloss-status-dot" aria-hidden="true" />
      {text}
    </p>
  );
}

interface CardViewProps {
  entityId: string;
  /** Bring the first mention into view at once (the user picked it from the page's list). */
  autoJump: boolean;
  tabId: number | null;
  mentions: number | undefined;
  onBack: () => void;
  onOpenEntity: (id: string) => void;
  onOpenDocument: (sourceId: string, quote: string) => void;
  onPageChanged: () => void;
}

function CardView({
  entityId,
  autoJump,
  tabId,
  mentions,
  onBack,
  onOpenEntity,
  onOpenDocument,
  onPageChanged,
}: CardViewProps) {
  const { state, jump } = useJump(tabId, entityId, onPageChanged);
  const onPage = tabId !== null && mentions !== undefined && mentions > 0;
  // Once stepping has begun the bar stays, so "the page has changed" is not taken away with it.
  const showNav = onPage || (tabId !== null && state.kind !== 'idle');
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the card opens
  useEffect(() => {
    if (autoJump && onPage) void jump('next');
  }, []);
  const name = getEntity(entityId)?.name ?? entityId;
  return (
    <div class="gloss-card-view">
      {/* The home view's heading is hidden with it; the card's own title is an h2. */}
      <h1 class="gloss-visually-hidden">Gloss: {name}</h1>
      <div class="gloss-card-bar">
        <BackButton onBack={onBack} />
        {showNav && (
          <MentionNav
            label={`Mentions of ${name} on the page`}
            idle={`Show its ${mentions} ${mentions === 1 ? 'mention' : 'mentions'} on the page`}
            state={state}
            onJump={(direction) => void jump(direction)}
            describe={(result) => `Mention ${result.index} of ${result.total}`}
            testId="entity-mentions"
          />
        )}
      </div>
      <EntityCard entityId={entityId} mentions={mentions} onOpenEntity={onOpenEntity} onOpenDocument={onOpenDocument} />
    </div>
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

function OnThisPage({
  page,
  onOpen,
  onPageChanged,
}: {
  page: PageStatus;
  onOpen: (id: string, jump?: boolean) => void;
  onPageChanged: () => void;
}) {
  const tabId = page.kind === 'ready' ? page.tabId : null;
  const all = useJump(tabId, null, onPageChanged);
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
      <MentionNav
        label="All mentions on the page"
        idle={`Step through all ${total} mentions`}
        state={all.state}
        onJump={(direction) => void all.jump(direction)}
        describe={(result) => (
          <>
            {result.index} of {result.total}:{' '}
            <button type="button" class="gloss-link" onClick={() => onOpen(result.entityId)}>
              {getEntity(result.entityId)?.name ?? result.entityId}
            </button>
          </>
        )}
        testId="all-mentions"
      />
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
                  <button
                    type="button"
                    class="gloss-row"
                    data-entity={entityId}
                    onClick={() => onOpen(entityId, true)}
                    title="Show on the page and open its card"
                  >
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
