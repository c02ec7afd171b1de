import { useEffect, useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { documentPath, parseDocumentQuery } from '@/lib/document-link';
import { t } from '@/lib/i18n';
import { BUNDLED_PACK_ID, type Pack, type PackDocument } from '@/lib/knowledge/schema';
import { findQuote, paragraphs, pieces } from './text';

/**
 * `packs`: every installed pack, the bundled one first. The documents travel inside the extension
 * (the bundled pack's read at build time, an imported pack's stored with it): never fetched.
 */
export function App({ search, packs }: { search: string; packs: readonly Pack[] }) {
  const { packId, sourceId, quote } = parseDocumentQuery(search);
  const pack = packs.find((p) => p.id === packId);
  const source = sourceId ? pack?.documents.find((d) => d.id === sourceId) : undefined;
  const text = source?.text || undefined;

  useEffect(() => {
    document.title = source ? t('docTitle', { title: source.title }) : t('docListTitle');
  }, [source]);

  return (
    <>
      <SkipLink readable={source !== undefined && text !== undefined} quote={quote !== null} />
      <header class="doc-top">
        <p class="doc-brand">
          <img src="/icon/32.png" alt="" width="20" height="20" /> {t('extName')} <span>· {t('docBrand')}</span>
        </p>
        <LeaveButton />
      </header>
      <div class="doc-layout">
        <main class="doc-main">
          {pack && source && text !== undefined ? (
            <DocumentView pack={pack} source={source} text={text} quote={quote} />
          ) : (
            <Missing sourceId={sourceId} known={source !== undefined} />
          )}
        </main>
        <DocumentList packs={packs} current={source && pack ? `${pack.id}/${source.id}` : null} />
      </div>
    </>
  );
}

function SkipLink({ readable, quote }: { readable: boolean; quote: boolean }) {
  const [href, label] = !readable
    ? ['#documents', t('docSkipToList')]
    : quote
      ? ['#quote', t('docSkipToQuote')]
      : ['#text', t('docSkipToText')];
  return (
    <a class="doc-skip" href={href}>
      {label}
    </a>
  );
}

/** Back where there is somewhere to go back to; else close the tab the popup opened. */
function LeaveButton() {
  if (history.length > 1) {
    return (
      <button type="button" class="doc-leave" onClick={() => history.back()}>
        <span aria-hidden="true">← </span>
        {t('back')}
      </button>
    );
  }
  const close = async () => {
    const tab = await browser.tabs.getCurrent();
    if (tab?.id !== undefined) await browser.tabs.remove(tab.id);
    else window.close();
  };
  return (
    <button type="button" class="doc-leave" onClick={() => void close()}>
      {t('docCloseTab')}
    </button>
  );
}

interface DocumentViewProps {
  pack: Pack;
  source: PackDocument;
  text: string;
  quote: string | null;
}

function DocumentView({ pack, source, text, quote }: DocumentViewProps) {
  const blocks = useMemo(() => paragraphs(text), [text]);
  const match = useMemo(() => (quote ? findQuote(text, quote) : null), [text, quote]);
  const firstMark = useRef<HTMLElement>(null);

  useEffect(() => {
    const mark = firstMark.current;
    if (!mark) return;
    const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
    mark.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'auto' });
    mark.focus({ preventScroll: true });
  }, []);

  let marked = 0;
  return (
    <article class="doc-article" aria-labelledby="doc-title">
      <header class="doc-header">
        <h1 id="doc-title">{source.title}</h1>
        <dl class="doc-meta">
          {pack.id !== BUNDLED_PACK_ID && (
            <>
              <dt>{t('docPack')}</dt>
              <dd>{t('docPackValue', { name: pack.name, version: pack.version })}</dd>
            </>
          )}
          {source.publisher && (
            <>
              <dt>{t('docPublisher')}</dt>
              <dd>{source.publisher}</dd>
            </>
          )}
          {source.author && (
            <>
              <dt>{t('docAuthor')}</dt>
              <dd>{source.author}</dd>
            </>
          )}
          {source.date && (
            <>
              <dt>{t('docDate')}</dt>
              <dd>
                {source.date}
                {source.dateNote && <span class="doc-note"> — {source.dateNote}</span>}
              </dd>
            </>
          )}
          <dt>{t('docAddress')}</dt>
          <dd>
            {/* Shown as text: the viewer never loads anything from the network. */}
            {source.url ? (
              <span class="doc-url">{source.url}</span>
            ) : (
              <span class="doc-note">
                {pack.id === BUNDLED_PACK_ID
                  ? t('docNotRecorded', { file: `${source.id}.txt` })
                  : t('docNotRecordedImported', { name: pack.name })}
              </span>
            )}
          </dd>
          {source.note && (
            <>
              <dt>{t('docNote')}</dt>
              <dd>{source.note}</dd>
            </>
          )}
        </dl>
      </header>
      {quote && <QuoteNotice quote={quote} found={match !== null} exact={match?.exact ?? false} />}
      <section id="text" class="doc-text" aria-label={t('docTextLabel')} tabIndex={-1}>
        {blocks.map((paragraph) => (
          <p key={paragraph.start}>
            {pieces(paragraph, match).map((piece, i) => {
              if (!piece.marked) return piece.text;
              const first = marked++ === 0;
              return (
                <mark
                  // biome-ignore lint/suspicious/noArrayIndexKey: pieces of one paragraph never move
                  key={i}
                  class="doc-quote"
                  id={first ? 'quote' : undefined}
                  tabIndex={first ? -1 : undefined}
                  ref={first ? firstMark : undefined}
                  data-testid="quote-mark"
                >
                  {piece.text}
                </mark>
              );
            })}
          </p>
        ))}
      </section>
    </article>
  );
}

function QuoteNotice({ quote, found, exact }: { quote: string; found: boolean; exact: boolean }) {
  if (found && exact) {
    return (
      <p class="doc-notice" data-testid="quote-notice" data-state="found">
        {t('docQuoteFound')}
      </p>
    );
  }
  if (found) {
    return (
      <p class="doc-notice" data-testid="quote-notice" data-state="loose">
        {t('docQuoteLoose')}
      </p>
    );
  }
  return (
    <div class="doc-notice doc-notice-warn" role="alert" data-testid="quote-notice" data-state="missing">
      <p>{t('docQuoteMissing')}</p>
      <blockquote>{quote}</blockquote>
      <p>{t('docQuoteWhole')}</p>
    </div>
  );
}

function Missing({ sourceId, known }: { sourceId: string | null; known: boolean }) {
  if (sourceId === null) {
    return (
      <div class="doc-article">
        <h1 id="doc-title">{t('docAllTitle')}</h1>
        <p>{t('docAllIntro')}</p>
      </div>
    );
  }
  return (
    <div class="doc-article" role="alert" data-testid="document-error">
      <h1 id="doc-title">{t('docNotFound')}</h1>
      <p>
        {known ? t('docMissingText', { id: sourceId }) : t('docUnknown', { id: sourceId })} {t('docChooseOne')}
      </p>
    </div>
  );
}

function DocumentList({ packs, current }: { packs: readonly Pack[]; current: string | null }) {
  const several = packs.length > 1;
  return (
    <nav class="doc-list" id="documents" aria-labelledby="doc-list-title">
      <h2 id="doc-list-title">{t('docListHeading')}</h2>
      {packs.map((pack) => (
        <section key={pack.id} aria-label={several ? pack.name : undefined}>
          {several && <h3 class="doc-list-pack">{pack.name}</h3>}
          <ul>
            {pack.documents.map((source) => (
              <li key={source.id}>
                <a
                  href={documentPath(pack.id, source.id)}
                  aria-current={`${pack.id}/${source.id}` === current ? 'page' : undefined}
                >
                  <span class="doc-list-title">{source.title}</span>
                  {(source.publisher || source.date) && (
                    <span class="doc-list-meta">
                      {source.publisher && source.date
                        ? t('docListMeta', { publisher: source.publisher, date: source.date })
                        : (source.publisher ?? source.date)}
                    </span>
                  )}
                </a>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </nav>
  );
}
