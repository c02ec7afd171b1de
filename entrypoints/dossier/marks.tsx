// How the matrix draws each relation: a shape and a colour of its own (the legend says which),
// and the relation's name in words for screen readers.
import { relationLabel } from '@/components/labels';
import type { MatrixRelation } from '@/lib/dossier/matrix';
import { t } from '@/lib/i18n';

const SHAPES: Record<MatrixRelation, string> = {
  signed: '✓',
  'member-of': '●',
  founded: '★',
  chairs: '◆',
  launched: '▲',
  hosted: '■',
  'took-part-in': '○',
  'did-not-sign': '✕',
  criticised: '!',
};

/** The relation's shape, its name for screen readers, or also for the eye where `labelled`. */
export function RelationMark({ type, labelled = false }: { type: MatrixRelation; labelled?: boolean }) {
  return (
    <span class={`dossier-mark dossier-mark-${type}`}>
      <span aria-hidden="true">{SHAPES[type]}</span>
      <span class={labelled ? 'dossier-mark-label' : 'gloss-visually-hidden'}>{relationLabel(type, 'forward')}</span>
    </span>
  );
}

export function Legend({ relations }: { relations: readonly MatrixRelation[] }) {
  return (
    <ul class="dossier-legend" aria-label={t('dossierLegend')} data-testid="legend">
      {relations.map((type) => (
        <li key={type}>
          <span class={`dossier-mark dossier-mark-${type}`} aria-hidden="true">
            {SHAPES[type]}
          </span>{' '}
          {relationLabel(type, 'forward')}
        </li>
      ))}
    </ul>
  );
}
