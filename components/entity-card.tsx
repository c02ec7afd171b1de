import { useEffect, useRef, useState } from 'preact/hooks';
import { formatList, listShape, plural, t } from '@/lib/i18n';
import type { CardData, CardRelation, CitedDocument } from '@/lib/knowledge/card-data';
import { CopyRoleButton } from './copy-button';
import './entity-card.css';
import { relationLabel, typeLabel } from './labels';
import { RoleQuote } from './role-quote';

interface EntityCardProps {
  /** What the card shows; null when no enabled pack has the entity. */
  card: CardData | null;
  /** Mentions on the current page, when known. */
  mentions?: number;
  onOpenEntity?: (id: string) => void;
  /** Opens the document viewer with the quote highlighted. */
  onOpenDocument?: (document: CitedDocument, quote: string) => void;
  /** The small card shown in pages: long lists of names start folded. */
  compact?: boolean;
}

/** Names above this many in one relation are folded behind a button in the compact card. */
const COMPACT_NAMES = 12;

/** The id of the card's heading, for a dialog around it to be labelled by. */
export function entityCardHeadingId(entityId: string): string {
  return `gloss-card-${entityId}`;
}

export function EntityCard({ card: entity, mentions, onOpenEntity, onOpenDocument, compact = false }: EntityCardProps) {
  if (!entity) {
    return (
      <p class="gloss-empty" role="alert">
        {t('entityMissing')}
      </p>
    );
  }
  const { names, relations, otherNames } = entity;
  return (
    <article
      class={compact ? 'gloss-card gloss-card-compact' : 'gloss-card'}
      aria-labelledby={entityCardHeadingId(entity.id)}
    >
      <header>
        <h2 id={entityCardHeadingId(entity.id)}>{entity.name}</h2>
        <p class="gloss-card-meta">
          <span class={`gloss-type gloss-type-${entity.type}`}>{typeLabel(entity.type, 'one')}</span>
          {mentions !== undefined && <span>{plural('entityMentions', mentions)}</span>}
          {!entity.pack.bundled && (
            <span class="gloss-card-pack" data-pack={entity.pack.id}>
              {t('entityPack', { name: entity.pack.name })}
            </span>
          )}
        </p>
        {otherNames.length > 0 && (
          <p class="gloss-aka">
            {t('entityAlso', { names: formatList(otherNames.slice(0, compact ? 5 : 8), 'plain') })}
          </p>
        )}
      </header>
      <section>
        <h3>{t('entityRoles')}</h3>
        <ul class="gloss-roles">
          {entity.roles.map((role) => (
            <li key={`${role.document.id}:${role.quote}`}>
              <p>{role.text}</p>
              <RoleQuote quote={role.quote} document={role.document} focus={names} onOpenDocument={onOpenDocument}>
                {' '}
                <CopyRoleButton role={{ entityName: entity.name, ...role }} />
              </RoleQuote>
            </li>
          ))}
        </ul>
      </section>
      {relations.length > 0 && (
        <section>
          <h3>{t('entityRelations')}</h3>
          <ul class="gloss-relations">
            {groupByPhrase(relations).map(([phrase, group]) => (
              <li key={phrase}>
                <span class="gloss-relation-phrase">{phrase}</span>{' '}
                {group.length > 1 && <span class="gloss-count">({group.length})</span>}{' '}
                <RelationNames group={group} onOpenEntity={onOpenEntity} limit={compact ? COMPACT_NAMES : undefined} />
                <details>
                  <summary>{t('entitySource')}</summary>
                  {uniqueQuotes(group).map((relation) => (
                    <RoleQuote
                      key={relation.quote}
                      quote={relation.quote}
                      document={relation.document}
                      focus={[...names, ...group.map((r) => r.other.name)]}
                      onOpenDocument={onOpenDocument}
                    />
                  ))}
                </details>
              </li>
            ))}
          </ul>
        </section>
      )}
    </article>
  );
}

interface RelationNamesProps {
  group: readonly CardRelation[];
  onOpenEntity?: (id: string) => void;
  /** Show this many names and a button for the rest. */
  limit?: number;
}

function RelationNames({ group, onOpenEntity, limit }: RelationNamesProps) {
  const [expanded, setExpanded] = useState(false);
  const list = useRef<HTMLSpanElement>(null);
  const folded = limit !== undefined && !expanded && group.length > limit + 1;
  const shown = folded ? group.slice(0, limit) : group;
  // The button that had focus is gone: keyboard users go on from the first name it revealed.
  useEffect(() => {
    if (expanded && limit !== undefined) list.current?.querySelectorAll<HTMLElement>('.gloss-link')[limit]?.focus();
  }, [expanded, limit]);
  const items = shown.map((relation) =>
    onOpenEntity ? (
      <button key={relation.other.id} type="button" class="gloss-link" onClick={() => onOpenEntity(relation.other.id)}>
        {relation.other.name}
      </button>
    ) : (
      <strong key={relation.other.id}>{relation.other.name}</strong>
    ),
  );
  if (folded) {
    items.push(
      <button key="more" type="button" class="gloss-link gloss-more" onClick={() => setExpanded(true)}>
        {plural('entityMore', group.length - shown.length)}
      </button>,
    );
  }
  // The names and the separators the language puts between them; the "more" button ends the list.
  return (
    <span class="gloss-relation-others" ref={list}>
      {listShape(items.length, 'plain').map((part) => (typeof part === 'number' ? items[part] : part))}
    </span>
  );
}

/** Relations grouped by what the card says of them ("Signed by"), in the order they come. */
function groupByPhrase(relations: readonly CardRelation[]): [string, CardRelation[]][] {
  const groups = new Map<string, CardRelation[]>();
  for (const relation of relations) {
    const phrase = relationLabel(relation.type, relation.direction);
    const group = groups.get(phrase) ?? [];
    group.push(relation);
    groups.set(phrase, group);
  }
  return [...groups];
}

function uniqueQuotes(group: readonly CardRelation[]): CardRelation[] {
  const seen = new Set<string>();
  return group.filter((r) => !seen.has(r.quote) && seen.add(r.quote));
}
