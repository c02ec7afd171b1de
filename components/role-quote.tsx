import type { ComponentChildren } from 'preact';
import { t } from '@/lib/i18n';
import type { CitedDocument } from '@/lib/knowledge/card-data';

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
  document: CitedDocument;
  /** Names to keep in view when a long quote is shortened. */
  focus?: readonly string[];
  /** Opens the document viewer at this quote; where absent, no link is shown. */
  onOpenDocument?: (document: CitedDocument, quote: string) => void;
  /** More controls after the citation (a role's "Copy"). */
  children?: ComponentChildren;
}

export function RoleQuote({ quote, document, focus = [], onOpenDocument, children }: RoleQuoteProps) {
  const shown = excerpt(quote, focus);
  const { publisher, date } = document;
  return (
    <figure class="gloss-quote">
      <blockquote title={shown === quote ? undefined : quote}>{shown}</blockquote>
      <figcaption>
        <cite>{document.title}</cite>
        {(publisher || date) && (
          <span class="gloss-quote-meta">
            {' '}
            {publisher && date
              ? t('quoteSource', { publisher, date })
              : t('quoteSourceOne', { detail: publisher ?? date ?? '' })}
          </span>
        )}
        {!document.bundled && <span class="gloss-quote-pack"> {t('quotePack', { name: document.packName })}</span>}
        {onOpenDocument && (
          <>
            {' '}
            <button type="button" class="gloss-link gloss-quote-open" onClick={() => onOpenDocument(document, quote)}>
              {t('quoteOpen')}
            </button>
          </>
        )}
        {children}
      </figcaption>
    </figure>
  );
}
