// The card shown in the page: the popup's EntityCard in a small non-modal dialog, or a short
// message when a looked-up text matches nothing. Keyboard: Esc closes, Tab off either end goes
// back to the page (the dialog does not trap focus).
import { EntityCard, entityCardHeadingId } from '@/components/entity-card';
import type { CardView } from '@/entrypoints/content/card-api';
import { t } from '@/lib/i18n';
import type { CardData, CitedDocument } from '@/lib/knowledge/card-data';

export interface PageCardProps {
  view: CardView;
  /** What the entity's card shows (asked of the background); null when no pack has it. */
  card: CardData | null;
  /** The name of the entity the back button returns to. */
  backName: string | null;
  mentions?: number;
  onOpenEntity: (id: string) => void;
  onBack: () => void;
  onClose: () => void;
  onOpenDocument: (document: CitedDocument, quote: string) => void;
  /** Shift+Tab from the first control: focus goes back to what the card is about. */
  onLeaveBackward: () => void;
  /** Tab from the last control. */
  onLeaveForward: () => void;
}

const SHOWN_TEXT = 60;
export const NOTHING_ID = 'gloss-nothing';

export function shortened(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > SHOWN_TEXT ? `${clean.slice(0, SHOWN_TEXT - 1)}…` : clean;
}

const FOCUSABLE = 'button, a[href], summary, [tabindex]:not([tabindex="-1"])';

/** The controls Tab would visit, in order; a control inside a closed <details> is not drawn. */
export function focusables(dialog: Element): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
    (el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0,
  );
}

export function PageCard(props: PageCardProps) {
  const { view } = props;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onClose();
      return;
    }
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLElement;
    const controls = focusables(dialog);
    const target = event.target as HTMLElement;
    if (event.shiftKey && (target === dialog || target === controls[0])) {
      event.preventDefault();
      props.onLeaveBackward();
    } else if (!event.shiftKey && (controls.length === 0 || target === controls[controls.length - 1])) {
      event.preventDefault();
      props.onLeaveForward();
    }
  };

  const { backName } = props;
  const labelled = view.kind === 'entity' && props.card !== null;

  return (
    <div
      class="gloss-page-card"
      role="dialog"
      aria-modal="false"
      aria-labelledby={labelled ? entityCardHeadingId(view.entityId) : undefined}
      aria-label={labelled ? undefined : t('extName')}
      aria-describedby={view.kind === 'nothing' ? NOTHING_ID : undefined}
      tabIndex={-1}
      onKeyDown={onKeyDown}
    >
      <div class="gloss-page-card-bar">
        {backName ? (
          <button type="button" class="gloss-link gloss-page-card-back" onClick={props.onBack}>
            <span aria-hidden="true">← </span>
            {t('cardBack', { name: backName })}
          </button>
        ) : (
          <span class="gloss-page-card-brand">{t('extName')}</span>
        )}
        <button
          type="button"
          class="gloss-page-card-close"
          aria-label={t('close')}
          title={t('closeWithKey')}
          onClick={props.onClose}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
      <div class="gloss-page-card-body">
        {view.kind === 'entity' ? (
          <EntityCard
            key={view.entityId}
            card={props.card}
            mentions={props.mentions}
            compact
            onOpenEntity={props.onOpenEntity}
            onOpenDocument={props.onOpenDocument}
          />
        ) : (
          <p class="gloss-page-card-nothing" id={NOTHING_ID}>
            {t('cardNothing', { text: shortened(view.text) })}
          </p>
        )}
      </div>
    </div>
  );
}
