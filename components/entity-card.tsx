import { getEntity, type RelationView, relationsOf, TYPE_LABELS } from '@/lib/knowledge/pack';
import './entity-card.css';
import { RoleQuote } from './role-quote';

interface EntityCardProps {
  entityId: string;
  /** Mentions on the current page, when known. */
  mentions?: number;
  onOpenEntity?: (id: string) => void;
  /** Opens the document viewer with the quote highlighted. */
  onOpenDocument?: (sourceId: string, quote: string) => void;
}

export function EntityCard({ entityId, mentions, onOpenEntity, onOpenDocument }: EntityCardProps) {
  const entity = getEntity(entityId);
  if (!entity) {
    return (
      <p class="gloss-empty" role="alert">
        This entity is not in the bundled documents.
      </p>
    );
  }
  const names = [entity.name, ...entity.aliases.map((a) => a.text)];
  const relations = relationsOf(entity.id);
  const otherNames = entity.aliases
    .filter((a) => a.kind !== 'translation' && a.kind !== 'demonym' && a.text !== entity.name)
    .map((a) => a.text);
  return (
    <article class="gloss-card" aria-labelledby={`gloss-card-${entity.id}`}>
      <header>
        <h2 id={`gloss-card-${entity.id}`}>{entity.name}</h2>
        <p class="gloss-card-meta">
          <span class={`gloss-type gloss-type-${entity.type}`}>{TYPE_LABELS[entity.type].one}</span>
          {mentions !== undefined && (
            <span>
              {mentions} {mentions === 1 ? 'mention' : 'mentions'} on this page
            </span>
          )}
        </p>
        {otherNames.length > 0 && <p class="gloss-aka">Also: {otherNames.slice(0, 8).join(', ')}</p>}
      </header>
      <section>
        <h3>Role in the documents</h3>
        <ul class="gloss-roles">
          {entity.roles.map((role) => (
            <li key={`${role.source}:${role.quote}`}>
              <p>{role.text}</p>
              <RoleQuote quote={role.quote} sourceId={role.source} focus={names} onOpenDocument={onOpenDocument} />
            </li>
          ))}
        </ul>
      </section>
      {relations.length > 0 && (
        <section>
          <h3>Relations</h3>
          <ul class="gloss-relations">
            {groupByPhrase(relations).map(([phrase, group]) => (
              <li key={phrase}>
                <span class="gloss-relation-phrase">{phrase}</span>{' '}
                {group.length > 1 && <span class="gloss-count">({group.length})</span>}{' '}
                <span class="gloss-relation-others">
                  {group.map((relation, i) => (
                    <span key={relation.other.id}>
                      {i > 0 && ', '}
                      {onOpenEntity ? (
                        <button type="button" class="gloss-link" onClick={() => onOpenEntity(relation.other.id)}>
                          {relation.other.name}
                        </button>
                      ) : (
                        <strong>{relation.other.name}</strong>
                      )}
                    </span>
                  ))}
                </span>
                <details>
                  <summary>Source</summary>
                  {uniqueQuotes(group).map((relation) => (
                    <RoleQuote
                      key={relation.quote}
                      quote={relation.quote}
                      sourceId={relation.source}
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

function groupByPhrase(relations: readonly RelationView[]): [string, RelationView[]][] {
  const groups = new Map<string, RelationView[]>();
  for (const relation of relations) {
    const group = groups.get(relation.phrase) ?? [];
    group.push(relation);
    groups.set(relation.phrase, group);
  }
  return [...groups];
}

function uniqueQuotes(group: readonly RelationView[]): RelationView[] {
  const seen = new Set<string>();
  return group.filter((r) => !seen.has(r.quote) && seen.add(r.quote));
}
