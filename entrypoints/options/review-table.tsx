// The review table of proposed entities: name (rename in place), type (change), mentions, aliases
// (add one), first quote; sortable by name, type or mentions, filterable; two rows selected merge
// into the first; a row can be removed. The list lives with the caller (add-documents.tsx).
import { useState } from 'preact/hooks';
import { typeLabel } from '@/components/labels';
import { t } from '@/lib/i18n';
import { ENTITY_TYPES, type EntityType } from '@/lib/knowledge/schema';
import type { Proposal } from '@/lib/pack-builder/build';
import { addAlias, changeType, filterProposals, merge, remove, rename, type SortKey, sortProposals } from './review';

interface Props {
  proposals: Proposal[];
  onChange: (proposals: Proposal[]) => void;
}

export function ReviewTable({ proposals, onChange }: Props) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({ key: 'mentions', descending: true });
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string[]>([]);
  const shown = sortProposals(filterProposals(proposals, filter), sort.key, sort.descending);

  const sortBy = (key: SortKey) =>
    setSort((current) => ({ key, descending: current.key === key ? !current.descending : key === 'mentions' }));
  const ariaSort = (key: SortKey) =>
    sort.key === key ? (sort.descending ? 'descending' : 'ascending') : ('none' as const);
  const toggle = (id: string) =>
    setSelected((current) => (current.includes(id) ? current.filter((x) => x !== id) : [...current, id].slice(-2)));
  const mergeSelected = () => {
    const [into, from] = selected;
    if (into && from) onChange(merge(proposals, into, from));
    setSelected([]);
  };

  const header = (key: SortKey, label: string) => (
    <th scope="col" aria-sort={ariaSort(key)}>
      <button type="button" class="opt-sort" onClick={() => sortBy(key)} data-testid={`review-sort-${key}`}>
        {label}
      </button>
    </th>
  );

  return (
    <div class="opt-review" data-testid="review">
      <div class="opt-review-tools">
        <label class="opt-field-inline">
          {t('buildFilter')}{' '}
          <input
            type="search"
            value={filter}
            onInput={(event) => setFilter(event.currentTarget.value)}
            data-testid="review-filter"
          />
        </label>
        <button
          type="button"
          class="opt-button"
          disabled={selected.length !== 2}
          onClick={mergeSelected}
          data-testid="review-merge"
        >
          {t('buildMerge')}
        </button>
      </div>
      <table class="opt-review-table">
        <thead>
          <tr>
            <th scope="col">
              <span class="gloss-visually-hidden">{t('buildSelectColumn')}</span>
            </th>
            {header('name', t('buildColName'))}
            {header('type', t('buildColType'))}
            {header('mentions', t('buildColMentions'))}
            <th scope="col">{t('buildColAliases')}</th>
            <th scope="col">
              <span class="gloss-visually-hidden">{t('buildRemove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((proposal) => (
            <Row
              key={proposal.entity.id}
              proposal={proposal}
              selected={selected.includes(proposal.entity.id)}
              onSelect={() => toggle(proposal.entity.id)}
              onRename={(name) => onChange(rename(proposals, proposal.entity.id, name))}
              onType={(type) => onChange(changeType(proposals, proposal.entity.id, type))}
              onAlias={(text) => onChange(addAlias(proposals, proposal.entity.id, text))}
              onRemove={() => onChange(remove(proposals, proposal.entity.id))}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

const ALIASES_SHOWN = 4;

interface RowProps {
  proposal: Proposal;
  selected: boolean;
  onSelect: () => void;
  onRename: (name: string) => void;
  onType: (type: EntityType) => void;
  onAlias: (text: string) => void;
  onRemove: () => void;
}

function Row({ proposal, selected, onSelect, onRename, onType, onAlias, onRemove }: RowProps) {
  const { entity, mentions } = proposal;
  const [alias, setAlias] = useState('');
  const quote = entity.roles[0]?.quote ?? '';
  return (
    <tr data-testid="review-row" data-entity={entity.id} data-name={entity.name}>
      <td>
        <input
          type="checkbox"
          checked={selected}
          onChange={onSelect}
          aria-label={t('buildSelect', { name: entity.name })}
          data-testid="review-select"
        />
      </td>
      <td>
        <input
          type="text"
          class="opt-review-name"
          value={entity.name}
          aria-label={t('buildRenameLabel', { name: entity.name })}
          onChange={(event) => onRename(event.currentTarget.value)}
          data-testid="review-name"
        />
        {/* The first quote under the name: the table stays inside the page's column. */}
        <p class="opt-review-quote">
          <span class="gloss-visually-hidden">{t('buildColQuote')}: </span>
          <q>{quote.length > 160 ? `${quote.slice(0, 159)}…` : quote}</q>
        </p>
      </td>
      <td>
        <select
          value={entity.type}
          aria-label={t('buildTypeLabel', { name: entity.name })}
          onChange={(event) => onType(event.currentTarget.value as EntityType)}
          data-testid="review-type"
        >
          {ENTITY_TYPES.map((type) => (
            <option key={type} value={type}>
              {typeLabel(type, 'one')}
            </option>
          ))}
        </select>
      </td>
      <td class="opt-review-count">{mentions}</td>
      <td>
        <span class="opt-review-aliases" title={entity.aliases.map((a) => a.text).join(' · ')}>
          {/* A country brings its names in six languages: the first few say enough, the title has all. */}
          {entity.aliases
            .slice(0, ALIASES_SHOWN)
            .map((a) => a.text)
            .join(' · ')}
          {entity.aliases.length > ALIASES_SHOWN ? ` · +${entity.aliases.length - ALIASES_SHOWN}` : ''}
        </span>
        <form
          class="opt-review-alias"
          onSubmit={(event) => {
            event.preventDefault();
            onAlias(alias);
            setAlias('');
          }}
        >
          <input
            type="text"
            value={alias}
            aria-label={t('buildAliasLabel', { name: entity.name })}
            placeholder={t('buildAddAlias')}
            onInput={(event) => setAlias(event.currentTarget.value)}
            data-testid="review-alias"
          />
        </form>
      </td>
      <td>
        <button
          type="button"
          class="opt-button opt-button-quiet"
          onClick={onRemove}
          aria-label={t('buildRemoveLabel', { name: entity.name })}
          data-testid="review-remove"
        >
          {t('buildRemove')}
        </button>
      </td>
    </tr>
  );
}
