import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntityCard } from '@/components/entity-card';
import { typeLabel } from '@/components/labels';
import { Switch } from '@/components/site-switch';
import { messageParts, plural, t } from '@/lib/i18n';
import { type CitedDocument, cardDataOf } from '@/lib/knowledge/card-data';
import { ENTITY_TYPES } from '@/lib/knowledge/schema';
import type { PageState } from '@/lib/messages';
import { DEFAULT_SETTINGS, type Settings } from '@/lib/settings/settings';
import { isSiteEnabled, withSiteEnabled } from '@/lib/settings/site-rules';
import { loadSettings, updateSettings, watchSettings } from '@/lib/storage';
import { Answers } from './answers-view';
import { useKnowledge } from './knowledge';
import { MentionNav, useJump } from './mention-nav';
import { initialSearch, openDocument, requestPageState, targetTab } from './page';
import { PageActions } from './page-actions';

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
      setPage({ kind: 'unavailable', reason: t('popupNoTab') });
      return;
    }
    const state = await requestPageState(tab.id);
    if (state) setPage({ kind: 'ready', tabId: tab.id, state });
    else {
      const web = tab.url === undefined || /^https?:/.test(tab.url);
      setPage({
        kind: 'unavailable',
        reason: web ? t('popupNotRunning') : t('popupOnlyWeb'),
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
  const onOpenDocument = (document: CitedDocument, quote: string) => void openDocument(document, quote);

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
            <img src="/icon/32.png" alt="" width="20" height="20" /> {t('extName')}
          </h1>
          <Status page={page} settings={settings} siteOn={siteOn} />
          <div class="gloss-switches">
            {site !== null && (
              <Switch
                label={t('popupSiteSwitch', { site })}
                checked={siteOn}
                disabled={settings.paused}
                onChange={setSiteEnabled}
                testId="site-switch"
              />
            )}
            <Switch label={t('popupPause')} checked={settings.paused} onChange={setPaused} testId="pause-switch" />
            <Switch
              label={t('popupDemonyms')}
              checked={settings.demonyms}
              onChange={(demonyms) => void updateSettings((s) => ({ ...s, demonyms }))}
              testId="demonym-switch"
            />
          </div>
        </header>
        <label class="gloss-search">
          <span class="gloss-visually-hidden">{t('popupSearchLabel')}</span>
          <input
            type="search"
            placeholder={t('popupSearchPlaceholder')}
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
        <PageActions tabId={tabId} state={page.kind === 'ready' ? page.state : null} />
        <footer class="gloss-footer">{t('popupFooter')}</footer>
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
    text = t('popupStatusPaused');
  } else if (page.kind === 'unavailable') {
    state = 'unavailable';
    text = t('popupStatusUnavailable');
  } else if (page.kind === 'loading') {
    return null;
  } else if (!siteOn) {
    state = 'off';
    const { site } = page.state;
    text = site === null ? t('popupStatusOffThisSite') : t('popupStatusOff', { site });
  } else {
    state = 'on';
    const n = page.state.mentions.length;
    text = n === 0 ? t('popupStatusOn') : plural('popupStatusOnCount', n);
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
  onOpenDocument: (document: CitedDocument, quote: string) => void;
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
  const knowledge = useKnowledge();
  const card = useMemo(() => cardDataOf(knowledge, entityId), [knowledge, entityId]);
  const name = card?.name ?? entityId;
  return (
    <div class="gloss-card-view">
      {/* The home view's heading is hidden with it; the card's own title is an h2. */}
      <h1 class="gloss-visually-hidden">{t('popupCardHeading', { name })}</h1>
      <div class="gloss-card-bar">
        <BackButton onBack={onBack} />
        {showNav && (
          <MentionNav
            label={t('popupEntityNavLabel', { name })}
            idle={plural('popupEntityNavIdle', mentions ?? 0)}
            state={state}
            onJump={(direction) => void jump(direction)}
            describe={(result) => t('popupEntityNavAt', { index: result.index, total: result.total })}
            testId="entity-mentions"
          />
        )}
      </div>
      <EntityCard card={card} mentions={mentions} onOpenEntity={onOpenEntity} onOpenDocument={onOpenDocument} />
    </div>
  );
}

function SearchResults({ query, onOpen }: { query: string; onOpen: (id: string) => void }) {
  const knowledge = useKnowledge();
  const results = useMemo(() => knowledge.search(query), [knowledge, query]);
  if (results.length === 0) return <p class="gloss-empty">{t('popupSearchNothing', { query })}</p>;
  return (
    <section aria-label={t('popupSearchResults')}>
      <ul class="gloss-list" data-testid="search-results">
        {results.map((entity) => (
          <li key={entity.id}>
            <button type="button" class="gloss-row" data-entity={entity.id} onClick={() => onOpen(entity.id)}>
              <span class={`gloss-dot gloss-type-${entity.type}`} aria-hidden="true" />
              <span class="gloss-row-name">{entity.name}</span>
              <span class="gloss-row-type">{typeLabel(entity.type, 'one')}</span>
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
  const knowledge = useKnowledge();
  const getEntity = (id: string) => knowledge.getEntity(id);
  if (page.kind === 'loading') return <p class="gloss-empty">{t('popupReading')}</p>;
  if (page.kind === 'unavailable') return <p class="gloss-empty">{page.reason}</p>;
  const { state } = page;
  if (!state.enabled) return <p class="gloss-empty">{t('popupSiteOff')}</p>;
  if (state.mentions.length === 0) return <p class="gloss-empty">{t('popupPageNothing')}</p>;
  const total = state.mentions.reduce((sum, m) => sum + m.count, 0);
  return (
    <section aria-labelledby="gloss-on-page" data-testid="on-this-page">
      <h2 id="gloss-on-page" class="gloss-section-title">
        {t('popupOnThisPage')}{' '}
        <span class="gloss-count">
          {t('popupPageCounts', {
            entities: plural('popupPageEntities', state.mentions.length),
            mentions: plural('popupMentions', total),
          })}
        </span>
      </h2>
      <MentionNav
        label={t('popupAllNavLabel')}
        idle={plural('popupAllNavIdle', total)}
        state={all.state}
        onJump={(direction) => void all.jump(direction)}
        describe={(result) =>
          messageParts('popupAllNavAt', {
            index: result.index,
            total: result.total,
            name: (
              <button type="button" class="gloss-link" onClick={() => onOpen(result.entityId)}>
                {getEntity(result.entityId)?.name ?? result.entityId}
              </button>
            ),
          })
        }
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
              {typeLabel(type, 'many')} <span class="gloss-count">{rows.length}</span>
            </h3>
            <ul class="gloss-list">
              {rows.map(({ entityId, count, entity }) => (
                <li key={entityId}>
                  <button
                    type="button"
                    class="gloss-row"
                    data-entity={entityId}
                    onClick={() => onOpen(entityId, true)}
                    title={t('popupRowTitle')}
                  >
                    <span class={`gloss-dot gloss-type-${type}`} aria-hidden="true" />
                    <span class="gloss-row-name">{entity?.name}</span>
                    {/* The number is shown; "3 mentions" is read. */}
                    <span class="gloss-row-count" aria-hidden="true">
                      {count}
                    </span>
                    <span class="gloss-visually-hidden">{plural('popupMentions', count)}</span>
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
      <span aria-hidden="true">← </span>
      {t('back')}
    </button>
  );
}
