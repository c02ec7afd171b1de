// The timeline: the dated events of every enabled pack, as nested lists (years, then events), so a
// screen reader reads it as the list it is; each event with its date as precise as its document
// gives it, its quote and document, and its entities, each opening its card.
import { Fragment } from 'preact';
import { RoleQuote } from '@/components/role-quote';
import { formatEventDate, type TimelineYear } from '@/lib/dossier/timeline';
import { messagesLanguage, t } from '@/lib/i18n';
import { type CitedDocument, citeDocument } from '@/lib/knowledge/card-data';
import { type Knowledge, namespacedId } from '@/lib/knowledge/knowledge';

interface TimelineViewProps {
  timeline: readonly TimelineYear[];
  knowledge: Knowledge;
  onOpenEntity: (id: string) => void;
  onOpenDocument: (document: CitedDocument, quote: string) => void;
}

export function TimelineView({ timeline, knowledge, onOpenEntity, onOpenDocument }: TimelineViewProps) {
  const language = messagesLanguage();
  return (
    <section aria-labelledby="dossier-timeline" class="dossier-section" data-testid="timeline">
      <h2 id="dossier-timeline">{t('dossierTimelineHeading')}</h2>
      {timeline.length === 0 ? (
        <p class="dossier-empty" data-testid="no-events">
          {t('dossierNoEvents')}
        </p>
      ) : (
        <ol class="dossier-timeline">
          {timeline.map(({ year, entries }) => (
            <li key={year} class="dossier-year">
              <h3>{year}</h3>
              <ol>
                {entries.map((entry) => {
                  // citeDocument finds the pack by an entity id of it; any id namespaced in the pack does.
                  const document = citeDocument(knowledge, namespacedId(entry.packId, entry.source), entry.source);
                  return (
                    <li
                      key={`${entry.packId}:${entry.date}:${entry.quote}`}
                      class="dossier-event"
                      data-date={entry.date}
                    >
                      <p class="dossier-event-head">
                        <time dateTime={entry.date}>{formatEventDate(entry.date, language)}</time> {entry.text}
                      </p>
                      {entry.entities.length > 0 && (
                        <p class="dossier-about">
                          {t('dossierEventAbout')}{' '}
                          {entry.entities.map((entity, i) => (
                            <Fragment key={entity.id}>
                              {i > 0 && ', '}
                              <button
                                type="button"
                                class={`gloss-link dossier-entity dossier-type-${entity.type}`}
                                onClick={() => onOpenEntity(entity.id)}
                              >
                                {entity.name}
                              </button>
                            </Fragment>
                          ))}
                        </p>
                      )}
                      <RoleQuote quote={entry.quote} document={document} onOpenDocument={onOpenDocument} />
                      {entry.dateNote && <p class="dossier-date-note">{entry.dateNote}</p>}
                    </li>
                  );
                })}
              </ol>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
