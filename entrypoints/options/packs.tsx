// The "Knowledge packs" section of the options page: every installed pack with its counts, a switch,
// export and (for imported packs) removal after a confirmation; importing a pack file, with its
// problems in words when Gloss refuses it. The packs themselves are kept by lib/pack-store.
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { Switch } from '@/components/site-switch';
import { DOCUMENT_PAGE } from '@/lib/document-link';
import { formatList, messagesLanguage, plural, t } from '@/lib/i18n';
import { MAX_PACK_BYTES, type PackProblem } from '@/lib/knowledge/pack-file';
import {
  exportPack,
  importPack,
  listPacks,
  type PackSummary,
  removePack,
  setPackEnabled,
  watchPacks,
} from '@/lib/pack-store';
import { AddDocuments } from './add-documents';
import { downloadJson, JsonFileButton } from './json-files';

type Status =
  | { kind: 'idle' }
  | { kind: 'imported'; name: string; entities: number }
  | { kind: 'exported'; fileName: string }
  | { kind: 'removed'; name: string }
  | { kind: 'rejected'; fileName: string; problems: string[] }
  | { kind: 'error'; message: string };

/** Ids, quotes and paths from a refused file are the file's own words: shown, but never at length. */
export function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max - 1).join('')}…`;
}

const ID = 60;
const QUOTE = 80;
const AT = 80;
const DETAIL = 160;

/** Why a file is not a pack Gloss can take, one sentence per problem. */
export function describePackProblem(problem: PackProblem): string {
  switch (problem.code) {
    case 'too-large':
      return t('packProblemTooLarge', { size: problem.maxMegabytes });
    case 'not-json':
      return t('packProblemNotJson', { detail: shorten(problem.detail, DETAIL) });
    case 'forbidden-key':
      return t('packProblemForbiddenKey', { key: problem.key });
    case 'not-pack':
      return t('packProblemNotPack');
    case 'newer-format':
      return t('packProblemNewerFormat', { format: shorten(problem.format, ID) });
    case 'invalid':
      return t('packProblemInvalid', { at: shorten(problem.at, AT), detail: shorten(problem.detail, DETAIL) });
    case 'duplicate-entity':
      return t('packProblemDuplicateEntity', { id: shorten(problem.id, ID) });
    case 'duplicate-document':
      return t('packProblemDuplicateDocument', { id: shorten(problem.id, ID) });
    case 'wrong-prefix':
      return t('packProblemWrongPrefix', { id: shorten(problem.id, ID), expected: problem.expected });
    case 'unknown-document':
      return t('packProblemUnknownDocument', { at: shorten(problem.at, AT), document: shorten(problem.document, ID) });
    case 'quote-not-found':
      return t('packProblemQuoteNotFound', {
        at: shorten(problem.at, AT),
        document: shorten(problem.document, ID),
        quote: shorten(problem.quote, QUOTE),
      });
    case 'unknown-target':
      return t('packProblemUnknownTarget', { at: shorten(problem.at, AT), target: shorten(problem.target, ID) });
    case 'reserved-id':
      return t('packProblemReservedId', { id: shorten(problem.id, ID) });
    case 'already-installed':
      return t('packProblemAlreadyInstalled', { id: shorten(problem.id, ID) });
  }
}

/** The name an exported pack is saved under. */
export function packFileName(id: string): string {
  return `${id}.gloss-pack.json`;
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function PacksSection() {
  // Null until storage has answered.
  const [packs, setPacks] = useState<PackSummary[] | null>(null);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });
  const headingRef = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    let live = true;
    // Loads may finish out of order; only the latest one started is shown.
    let latest = 0;
    const load = () => {
      const run = ++latest;
      void listPacks().then((list) => live && run === latest && setPacks(list));
    };
    load();
    // Changes from another options tab, the background or this page itself.
    const unwatch = watchPacks(load);
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  const importFile = async (file: File) => {
    // Checked before reading: a huge file is not read into memory at all.
    if (file.size > MAX_PACK_BYTES) {
      const problem: PackProblem = { code: 'too-large', maxMegabytes: MAX_PACK_BYTES / 1024 / 1024 };
      setStatus({ kind: 'rejected', fileName: file.name, problems: [describePackProblem(problem)] });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ kind: 'error', message: t('packsUnreadable', { file: file.name }) });
      return;
    }
    try {
      const result = await importPack(text, file.size);
      if (!result.ok) {
        setStatus({ kind: 'rejected', fileName: file.name, problems: result.problems.map(describePackProblem) });
        return;
      }
      setStatus({ kind: 'imported', name: result.pack.name, entities: result.pack.entities.length });
    } catch (error) {
      setStatus({ kind: 'error', message: t('packsImportFailed', { file: file.name, error: errorText(error) }) });
    }
  };

  const exportFile = async (pack: PackSummary) => {
    try {
      const text = await exportPack(pack.id);
      if (text === null) {
        setStatus({ kind: 'error', message: t('packsExportGone', { name: pack.name }) });
        return;
      }
      const fileName = packFileName(pack.id);
      downloadJson(text, fileName);
      setStatus({ kind: 'exported', fileName });
    } catch (error) {
      setStatus({ kind: 'error', message: t('packsExportFailed', { name: pack.name, error: errorText(error) }) });
    }
  };

  const remove = async (pack: PackSummary) => {
    try {
      await removePack(pack.id);
      setStatus({ kind: 'removed', name: pack.name });
    } catch (error) {
      setStatus({ kind: 'error', message: t('packsRemoveFailed', { name: pack.name, error: errorText(error) }) });
    }
    // The pack's row is gone: focus goes to the section, where the status says what happened.
    headingRef.current?.focus();
  };

  return (
    <section class="opt-section" aria-labelledby="opt-packs" data-testid="packs-section">
      <h2 id="opt-packs" ref={headingRef} tabIndex={-1}>
        {t('packsTitle')}
      </h2>
      <p class="opt-hint" id="opt-packs-hint">
        {t('packsHint')}{' '}
        <a href={DOCUMENT_PAGE} class="opt-link" data-testid="packs-documents">
          {t('packsDocuments')}
        </a>
      </p>
      {packs === null ? (
        <p class="opt-muted" role="status">
          {t('optionsLoading')}
        </p>
      ) : (
        <ul class="opt-packs" data-testid="pack-list">
          {packs.map((pack) => (
            <PackItem
              key={pack.id}
              pack={pack}
              onExport={() => void exportFile(pack)}
              onRemove={() => void remove(pack)}
            />
          ))}
        </ul>
      )}
      <div class="opt-actions">
        <JsonFileButton
          label={t('packsImport')}
          onFile={(file) => void importFile(file)}
          testId="pack-import"
          inputTestId="pack-import-file"
        />
      </div>
      <PacksStatus status={status} />
      <AddDocuments />
    </section>
  );
}

interface PackItemProps {
  pack: PackSummary;
  onExport: () => void;
  onRemove: () => void;
}

function PackItem({ pack, onExport, onRemove }: PackItemProps) {
  const [confirming, setConfirming] = useState(false);
  const removeRef = useRef<HTMLButtonElement>(null);
  const keepRef = useRef<HTMLButtonElement>(null);
  const nameId = `opt-pack-${pack.id}`;
  const confirmId = `opt-pack-${pack.id}-confirm`;

  // The confirmation takes the focus when it opens; closing it gives the focus back to "Remove".
  // In the same commit as the render (layout effect): "Remove" is disabled while the question is
  // open, and a key pressed in between would otherwise start from nowhere.
  const wasConfirming = useRef(false);
  useLayoutEffect(() => {
    if (confirming) keepRef.current?.focus();
    else if (wasConfirming.current) removeRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  const counts = formatList(
    [
      plural('packsEntities', pack.entities),
      plural('packsAliases', pack.aliases),
      plural('packsDocumentCount', pack.documents),
    ],
    'plain',
  );
  const origin =
    pack.bundled || pack.importedAt === undefined
      ? t('packsBundled')
      : t('packsImportedOn', {
          date: new Intl.DateTimeFormat(messagesLanguage(), { dateStyle: 'long' }).format(pack.importedAt),
        });

  return (
    <li
      class={`opt-pack${pack.enabled ? '' : ' is-off'}`}
      data-testid="pack"
      data-pack-id={pack.id}
      data-enabled={String(pack.enabled)}
    >
      <div class="opt-pack-head">
        <h3 id={nameId} class="opt-pack-name">
          {pack.name}
        </h3>
        <span class="opt-pack-version">{t('packsVersion', { version: pack.version })}</span>
      </div>
      {pack.description && <p class="opt-pack-description">{pack.description}</p>}
      <p class="opt-pack-meta" data-testid="pack-meta">
        {counts} · {origin}
      </p>
      <div class="opt-pack-actions">
        <Switch
          label={t('packsUse', { name: pack.name })}
          checked={pack.enabled}
          onChange={(on) => void setPackEnabled(pack.id, on)}
          testId="pack-switch"
        />
        <span class="opt-pack-buttons">
          <button
            type="button"
            class="opt-button opt-button-quiet"
            aria-describedby={nameId}
            onClick={onExport}
            data-testid="pack-export"
          >
            {t('packsExport')}
          </button>
          {!pack.bundled && (
            <button
              ref={removeRef}
              type="button"
              class="opt-button opt-button-quiet"
              aria-describedby={nameId}
              aria-expanded={confirming}
              aria-controls={confirming ? confirmId : undefined}
              disabled={confirming}
              onClick={() => setConfirming(true)}
              data-testid="pack-remove"
            >
              {t('packsRemove')}
            </button>
          )}
        </span>
      </div>
      {confirming && (
        // Not window.confirm: a group in the page that the keyboard reaches and Esc closes.
        <fieldset
          class="opt-pack-confirm"
          id={confirmId}
          data-testid="pack-confirm"
          onKeyDown={(event) => {
            if (event.key === 'Escape') {
              event.preventDefault();
              setConfirming(false);
            }
          }}
        >
          <legend>{t('packsRemoveQuestion', { name: pack.name })}</legend>
          <div class="opt-actions">
            <button
              type="button"
              class="opt-button opt-button-danger"
              onClick={() => {
                setConfirming(false);
                onRemove();
              }}
              data-testid="pack-remove-confirm"
            >
              {t('packsRemoveYes')}
            </button>
            <button
              ref={keepRef}
              type="button"
              class="opt-button"
              onClick={() => setConfirming(false)}
              data-testid="pack-remove-cancel"
            >
              {t('packsRemoveNo')}
            </button>
          </div>
        </fieldset>
      )}
    </li>
  );
}

function PacksStatus({ status }: { status: Status }) {
  if (status.kind === 'rejected') {
    return (
      <div class="opt-error" role="alert" data-testid="pack-status" data-status="rejected">
        <p>{t('packsRejected', { file: status.fileName })}</p>
        <ul class="opt-pack-problems" data-testid="pack-problems">
          {status.problems.map((problem, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is replaced whole, never reordered
            <li key={i}>{problem}</li>
          ))}
        </ul>
      </div>
    );
  }
  if (status.kind === 'error') {
    return (
      <p class="opt-error" role="alert" data-testid="pack-status" data-status="error">
        {status.message}
      </p>
    );
  }
  let text = '';
  if (status.kind === 'imported') text = plural('packsImported', status.entities, { name: status.name });
  if (status.kind === 'exported') text = t('packsExported', { file: status.fileName });
  if (status.kind === 'removed') text = t('packsRemoved', { name: status.name });
  return (
    <p class="opt-status" role="status" data-testid="pack-status" data-status={status.kind}>
      {text}
    </p>
  );
}
