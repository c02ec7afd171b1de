import { useEffect, useMemo, useRef } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { documentPath, parseDocumentQuery } from '@/lib/document-link';
import { getSource, pack } from '@/lib/knowledge/pack';
import type { Source } from '@/lib/knowledge/schema';
import { findQuote, paragraphs, pieces } from './text';

// The documents travel inside the extension: read at build time, never fetched.
const files = import.meta.glob<string>('../../data/sources/*.txt', { query: '?raw', import: 'default', eager: true });
const textOf = (source: Source): string | undefined => files[`../../data/sources/${source.file}`];

export function App({ search }: { search: string }) {
  const { sourceId, quote } = parseDocumentQuery(search);
  const source = sourceId ? getSource(sourceId) : undefined;
  const text = source ? textOf(source) : undefined;

  useEffect(() => {
    document.title = source ? `${source.title} — Gloss` : 'Documents — Gloss';
  }, [source]);

  return (
    <>
      <SkipLink readable={source !== undefined && text !== undefined} quote={quote !== null} />
      <header class="doc-top">
        <p class="doc-brand">
          <img src="/icon/32.png" alt="" width="20" height="20" /> Gloss <span>· the bundled documents</span>
        </p>
        <LeaveButton />
      </header>
      <div class="doc-layout">
        <main class="doc-main">
          {source && text !== undefined ? (
            <DocumentView source={source} text={text} quote={quote} />
          ) : (
            <Missing sourceId={sourceId} known={source !== undefined} />
          )}
        </main>
        <DocumentList current={source?.id ?? null} />
      </div>
    </>
  );
}

function SkipLink({ readable, quote }: { readable: boolean; quote: boolean }) {
  const [href, label] = !readable
    ? ['#documents', 'Skip to the list of documents']
    : quote
      ? ['#quote', 'Skip to the quoted passage']
      : ['#text', 'Skip to the text'];
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
        ← Back
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
      Close this tab
    </button>
  );
}

function DocumentView({ source, text, quote }: { source: Source; text: string; quote: string | null }) {
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
          <dt>Publisher</dt>
          <dd>{source.publisher}</dd>
          {source.author && (
            <>
              <dt>Author</dt>
              <dd>{source.author}</dd>
            </>
          )}
          <dt>Date</dt>
          <dd>
            {source.date}
            {source.dateNote && <span class="doc-note"> — {source.dateNote}</span>}
          </dd>
          <dt>Address</dt>
          <dd>
            {/* Shown as text: the viewer never loads anything from the network. */}
            {'url' in source && typeof source.url === 'string' ? (
              <span class="doc-url">{source.url}</span>
            ) : (
              <span class="doc-note">Not recorded. The text is bundled with Gloss as {source.file}.</span>
            )}
          </dd>
          {source.note && (
            <>
              <dt>Note</dt>
              <dd>{source.note}</dd>
            </>
          )}
        </dl>
      </header>
      {quote && <QuoteNotice quote={quote} found={match !== null} exact={match?.exact ?? false} />}
      <section id="text" class="doc-text" aria-label="The document's text" tabIndex={-1}>
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
        The passage Gloss quotes is highlighted below.
      </p>
    );
  }
  if (found) {
    return (
      <p class="doc-notice" data-testid="quote-notice" data-state="loose">
        The passage Gloss quotes is highlighted below; its spacing or quotation marks differ slightly from the document.
      </p>
    );
  }
  return (
    <div class="doc-notice doc-notice-warn" role="alert" data-testid="quote-notice" data-state="missing">
      <p>This passage was not found word for word in this document:</p>
      <blockquote>{quote}</blockquote>
      <p>The whole document is shown below.</p>
    </div>
  );
}

function Missing({ sourceId, known }: { sourceId: string | null; known: boolean }) {
  if (sourceId === null) {
    return (
      <div class="doc-article">
        <h1 id="doc-title">The bundled documents</h1>
        <p>Gloss knows only what these five documents say. Choose one to read it.</p>
      </div>
    );
  }
  return (
    <div class="doc-article" role="alert" data-testid="document-error">
      <h1 id="doc-title">Document not found</h1>
      <p>
        {known
          ? `The text of “${sourceId}” is missing from this copy of Gloss.`
          : `Gloss has no document called “${sourceId}”.`}{' '}
        Choose one of its five documents from the list.
      </p>
    </div>
  );
}

function DocumentList({ current }: { current: string | null }) {
  return (
    <nav class="doc-list" id="documents" aria-labelledby="doc-list-title">
      <h2 id="doc-list-title">The five documents</h2>
      <ul>
        {pack.sources.map((source) => (
          <li key={source.id}>
            <a href={documentPath(source.id)} aria-current={source.id === current ? 'page' : undefined}>
              <span class="doc-list-title">{source.title}</span>
              <span class="doc-list-meta">
                {source.publisher}, {source.date}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
