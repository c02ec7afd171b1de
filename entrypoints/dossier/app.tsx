// The dossier page: the membership matrix and the timeline of every enabled pack, and the card of
// any entity they name. Opened from the popup for a tab (`?tab=ID`), it marks that page's names.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { EntityCard } from '@/components/entity-card';
import { buildMatrix } from '@/lib/dossier/matrix';
import { buildTimeline } from '@/lib/dossier/timeline';
import { formatList, t } from '@/lib/i18n';
import { cardDataOf } from '@/lib/knowledge/card-data';
import type { Knowledge } from '@/lib/knowledge/knowledge';
import { MatrixView } from './matrix-view';
import { openDocument, pageEntityIds } from './page';
import { TimelineView } from './timeline-view';

/** The tab's names: not asked (no tab), being asked, known, or not to be had. */
export type PageNames =
  | { kind: 'none' }
  | { kind: 'loading' }
  | { kind: 'known'; ids: Set<string> }
  | { kind: 'unreachable' };

export function App({ knowledge, tabId }: { knowledge: Knowledge; tabId: number | null }) {
  const matrix = useMemo(() => buildMatrix(knowledge.entities), [knowledge]);
  const timeline = useMemo(() => buildTimeline(knowledge.events, (id) => knowledge.getEntity(id)), [knowledge]);
  const [page, setPage] = useState<PageNames>(tabId === null ? { kind: 'none' } : { kind: 'loading' });
  const [cardId, setCardId] = useState<string | null>(null);

  useEffect(() => {
    if (tabId === null) return;
    void pageEntityIds(tabId).then((ids) => setPage(ids ? { kind: 'known', ids } : { kind: 'unreachable' }));
  }, [tabId]);

  const withoutRelations = knowledge.packs.filter((p) => !p.entities.some((e) => e.relations.length > 0));
  const withoutEvents = knowledge.packs.filter((p) => (p.events ?? []).length === 0);

  return (
    <>
      <header class="dossier-top">
        <p class="dossier-brand">
          <img src="/icon/32.png" alt="" width="20" height="20" /> {t('extName')} <span>· {t('dossierBrand')}</span>
        </p>
      </header>
      <div class="dossier-layout">
        <main class="dossier-main">
          <h1>{t('dossierBrand')}</h1>
          <p class="dossier-intro">{t('dossierIntro')}</p>
          {(withoutRelations.length > 0 || withoutEvents.length > 0) && (
            <ul class="dossier-notes" data-testid="pack-notes">
              {withoutRelations.length > 0 && (
                <li>
                  {t('dossierPacksNoRelations', {
                    packs: formatList(
                      withoutRelations.map((p) => p.name),
                      'plain',
                    ),
                  })}
                </li>
              )}
              {withoutEvents.length > 0 && (
                <li>
                  {t('dossierPacksNoEvents', {
                    packs: formatList(
                      withoutEvents.map((p) => p.name),
                      'plain',
                    ),
                  })}
                </li>
              )}
            </ul>
          )}
          <MatrixView
            knowledge={knowledge}
            matrix={matrix}
            page={page}
            onOpenEntity={setCardId}
            onOpenDocument={openDocument}
          />
          <TimelineView
            timeline={timeline}
            knowledge={knowledge}
            onOpenEntity={setCardId}
            onOpenDocument={openDocument}
          />
        </main>
        {cardId !== null && (
          <CardPanel knowledge={knowledge} entityId={cardId} onOpenEntity={setCardId} onClose={() => setCardId(null)} />
        )}
      </div>
    </>
  );
}

interface CardPanelProps {
  knowledge: Knowledge;
  entityId: string;
  onOpenEntity: (id: string) => void;
  onClose: () => void;
}

/** An entity's card beside the dossier; focus goes to it when it opens and back when it closes. */
function CardPanel({ knowledge, entityId, onOpenEntity, onClose }: CardPanelProps) {
  const card = useMemo(() => cardDataOf(knowledge, entityId), [knowledge, entityId]);
  const panel = useRef<HTMLElement>(null);
  const opener = useRef<Element | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: focus comes to the card each time another entity opens in it
  useEffect(() => {
    opener.current ??= document.activeElement;
    panel.current?.querySelector<HTMLElement>('.dossier-close')?.focus();
  }, [entityId]);
  const close = () => {
    const back = opener.current;
    onClose();
    if (back instanceof HTMLElement && back.isConnected) back.focus();
  };
  return (
    <aside
      class="dossier-card"
      aria-label={t('dossierCardLabel')}
      ref={panel}
      onKeyDown={(event) => event.key === 'Escape' && close()}
      data-testid="dossier-card"
    >
      <button type="button" class="dossier-close" onClick={close}>
        {t('dossierCardClose')}
      </button>
      <EntityCard card={card} onOpenEntity={onOpenEntity} onOpenDocument={openDocument} />
    </aside>
  );
}
