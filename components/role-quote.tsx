import { t } from '@/lib/i18n';
import { getSource } from '@/lib/knowledge/pack';

const LONG_QUOTE = 320;

/** Long quotes (the 61-name list) are cut around the name they are about, never elsewhere. */
export function excerpt(quote: string, focus: readonly string[]): string {
  if (quote.length <= LONG_QUOTE) return quote;
  const at = focus.map((f) => quote.indexOf(f)).find((i) => i >= 0);
  if (at === undefined) return `${quote.slice(0, LONG_QUOTE)}…`;
  const from = Math.max(0, at - 120);
  const to = Math.min(quote.length, at + 160);
  return `${from > 0 ? '…' : ''}${quote.slice(from, to)}${to < quote.length ? '…' : ''}`;
}

interface RoleQuoteProps {
  quote: string;
  sourceId: string;
  /** Names to keep in view when a long quote is shortened. */
  focus?: readonly string[];
  /** Opens the document viewer at this quote; where absent, no link is shown. */
  onOpenDocument?: (sourceId: string, quote: string) => void;
}

export function RoleQuote({ quote, sourceId, focus = [], onOpenDocument }: RoleQuoteProps) {
  const source = getSource(sourceId);
  const shown = excerpt(quote, focus);
  return (
    <figure class="gloss-quote">
      <blockquote title={shown === quote ? undefined : quote}>{shown}</blockquote>
      <figcaption>
        {source ? (
          <>
            <cite>{source.title}</cite>
            <span class="gloss-quote-meta">
              {' '}
              {t('quoteSource', { publisher: source.publisher, date: source.date })}
            </span>
          </>
        ) : (
          <cite>{sourceId}</cite>
        )}
        {onOpenDocument && (
          <>
            {' '}
            <button type="button" class="gloss-link gloss-quote-open" onClick={() => onOpenDocument(sourceId, quote)}>
              {t('quoteOpen')}
            </button>
          </>
        )}
      </figcaption>
    </figure>
  );
}
