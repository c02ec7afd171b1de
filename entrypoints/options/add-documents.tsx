// "Add documents" in the Knowledge packs section: files chosen, dropped or pasted become documents
// (read-documents.ts), the builder runs in a Worker with a progress bar, the proposals are reviewed
// (review-table.tsx), then saved as an imported pack through importPack (the same path as a pack
// file: checked whole, on, exportable, removable) or discarded. Nothing is stored before "Save as
// pack", so a page closed half-way leaves no half pack.
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { writePackFile } from '@/lib/knowledge/pack-file';
import type { Proposal, SourceDocument } from '@/lib/pack-builder/build';
import { type DocumentProblem, documentOf } from '@/lib/pack-builder/documents';
import { importPack, listPacks } from '@/lib/pack-store';
import type { BuildReply, BuildRequest } from './pack-builder.worker';
// Vite bundles the worker with its imports as a file of its own (checked in the built extension).
import PackBuilderWorker from './pack-builder.worker.ts?worker';
import { describePackProblem } from './packs';
import { type Refused, readDocuments } from './read-documents';
import { freePackId, reviewedPack } from './review';
import { ReviewTable } from './review-table';

type Phase =
  | { kind: 'collect' }
  | { kind: 'building'; done: number; total: number }
  | { kind: 'review'; proposals: Proposal[]; documents: SourceDocument[] };

type Outcome =
  | { kind: 'none' }
  | { kind: 'saved'; name: string; entities: number }
  | { kind: 'error'; lines: string[] };

const PROBLEM_KEYS = {
  unsupported: 'buildProblemUnsupported',
  'too-large': 'buildProblemTooLarge',
  empty: 'buildProblemEmpty',
  binary: 'buildProblemBinary',
  'not-utf8': 'buildProblemNotUtf8',
  'no-text-layer': 'buildProblemNoTextLayer',
  unreadable: 'buildProblemUnreadable',
  'no-entities': 'buildProblemNoEntities',
} as const satisfies Record<Exclude<DocumentProblem, 'duplicate'>, string>;

export function describeRefused(refused: Refused): string {
  const reason =
    refused.problem === 'duplicate'
      ? t('buildProblemDuplicate', { of: refused.of ?? '' })
      : t(PROBLEM_KEYS[refused.problem]);
  return t('buildRefused', { file: refused.file, reason });
}

export function AddDocuments() {
  const [items, setItems] = useState<{ file: string; document: SourceDocument }[]>([]);
  const [refused, setRefused] = useState<Refused[]>([]);
  const [phase, setPhase] = useState<Phase>({ kind: 'collect' });
  const [paste, setPaste] = useState('');
  const [packName, setPackName] = useState(t('buildDefaultName'));
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' });
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const workerRef = useRef<Worker | null>(null);

  // A worker still running when the section goes away is stopped: its result has nowhere to go.
  useEffect(() => () => workerRef.current?.terminate(), []);

  const addFiles = async (files: readonly File[]) => {
    setOutcome({ kind: 'none' });
    const { kept, refused: bad } = await readDocuments(files, items);
    setItems(kept);
    setRefused((current) => [...current, ...bad]);
  };

  const addPaste = () => {
    if (paste.trim() === '') return;
    const name = `pasted-${items.length + 1}.txt`;
    void readDocuments([], [...items, { file: name, document: documentOf(name, paste, 'txt') }]).then(
      ({ kept, refused: bad }) => {
        setItems(kept);
        setRefused((current) => [...current, ...bad]);
        setPaste('');
      },
    );
  };

  const build = () => {
    const documents = items.map((item) => item.document);
    workerRef.current?.terminate();
    const worker = new PackBuilderWorker();
    workerRef.current = worker;
    setPhase({ kind: 'building', done: 0, total: 1 });
    worker.onmessage = (event: MessageEvent<BuildReply>) => {
      const reply = event.data;
      if (reply.type === 'progress') setPhase({ kind: 'building', done: reply.done, total: reply.total });
      else {
        worker.terminate();
        workerRef.current = null;
        if (reply.type === 'error') {
          setPhase({ kind: 'collect' });
          setOutcome({ kind: 'error', lines: [reply.message] });
          return;
        }
        const empty = new Set(reply.result.empty);
        setRefused((current) => [
          ...current,
          ...items
            .filter((item) => empty.has(item.document.id))
            .map((item) => ({ file: item.file, problem: 'no-entities' as const })),
        ]);
        const kept = documents.filter((document) => !empty.has(document.id));
        if (reply.result.proposals.length === 0) setPhase({ kind: 'collect' });
        else setPhase({ kind: 'review', proposals: reply.result.proposals, documents: kept });
      }
    };
    worker.postMessage({ documents } satisfies BuildRequest);
  };

  const discard = () => {
    workerRef.current?.terminate();
    workerRef.current = null;
    setItems([]);
    setRefused([]);
    setPhase({ kind: 'collect' });
  };

  const save = async () => {
    if (phase.kind !== 'review' || phase.proposals.length === 0) return;
    const name = packName.trim() || t('buildDefaultName');
    const installed = (await listPacks()).map((pack) => pack.id);
    const pack = reviewedPack(phase.documents, phase.proposals, { id: freePackId(name, installed), name });
    const text = writePackFile(pack);
    const result = await importPack(text, new TextEncoder().encode(text).length);
    if (!result.ok) {
      setOutcome({ kind: 'error', lines: result.problems.map(describePackProblem) });
      return;
    }
    setOutcome({ kind: 'saved', name, entities: pack.entities.length });
    discard();
  };

  return (
    <div class="opt-build" data-testid="add-documents">
      <h3>{t('buildTitle')}</h3>
      <p class="opt-hint">{t('buildHint')}</p>
      {phase.kind === 'collect' && (
        <>
          <fieldset
            class={`opt-drop${dragging ? ' opt-drop-active' : ''}`}
            onDragOver={(event) => {
              event.preventDefault();
              setDragging(true);
            }}
            onDragLeave={() => setDragging(false)}
            onDrop={(event) => {
              event.preventDefault();
              setDragging(false);
              void addFiles([...(event.dataTransfer?.files ?? [])]);
            }}
            data-testid="build-drop"
          >
            {/* A drop target for files; the button inside is the keyboard's way to the same files. */}
            <legend class="gloss-visually-hidden">{t('buildTitle')}</legend>
            <button type="button" class="opt-button" onClick={() => fileRef.current?.click()}>
              {t('buildChoose')}
            </button>{' '}
            {t('buildDrop')}
            <input
              ref={fileRef}
              type="file"
              multiple
              accept=".txt,.md,.markdown,.html,.htm,.pdf"
              class="opt-hidden-file"
              onChange={(event) => {
                const files = [...(event.currentTarget.files ?? [])];
                event.currentTarget.value = '';
                void addFiles(files);
              }}
              data-testid="build-files"
            />
          </fieldset>
          <label class="opt-field">
            {t('buildPasteLabel')}
            <textarea
              rows={4}
              value={paste}
              onInput={(event) => setPaste(event.currentTarget.value)}
              data-testid="build-paste"
            />
          </label>
          <div class="opt-actions">
            <button
              type="button"
              class="opt-button"
              disabled={paste.trim() === ''}
              onClick={addPaste}
              data-testid="build-paste-add"
            >
              {t('buildPasteAdd')}
            </button>
            <button
              type="button"
              class="opt-button opt-button-primary"
              disabled={items.length === 0}
              onClick={build}
              data-testid="build-start"
            >
              {t('buildStart', { count: String(items.length) })}
            </button>
            {items.length > 0 && (
              <button type="button" class="opt-button opt-button-quiet" onClick={discard} data-testid="build-discard">
                {t('buildDiscard')}
              </button>
            )}
          </div>
          {items.length > 0 && (
            <ul class="opt-build-files" data-testid="build-list">
              {items.map((item) => (
                <li key={item.document.id}>
                  {item.document.title} <span class="opt-muted">({item.file})</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {phase.kind === 'building' && (
        <label class="opt-field">
          {t('buildProgress')}
          <progress max={phase.total} value={phase.done} data-testid="build-progress" />
        </label>
      )}
      {refused.length > 0 && (
        <ul class="opt-error" data-testid="build-refused">
          {refused.map((item) => (
            <li key={`${item.file}-${item.problem}`}>{describeRefused(item)}</li>
          ))}
        </ul>
      )}
      {phase.kind === 'review' && (
        <>
          <ReviewTable proposals={phase.proposals} onChange={(proposals) => setPhase({ ...phase, proposals })} />
          <label class="opt-field">
            {t('buildPackName')}
            <input
              type="text"
              value={packName}
              onInput={(event) => setPackName(event.currentTarget.value)}
              data-testid="build-name"
            />
          </label>
          <div class="opt-actions">
            <button
              type="button"
              class="opt-button opt-button-primary"
              disabled={phase.proposals.length === 0}
              onClick={() => void save()}
              data-testid="build-save"
            >
              {t('buildSave')}
            </button>
            <button type="button" class="opt-button opt-button-quiet" onClick={discard} data-testid="build-discard">
              {t('buildDiscard')}
            </button>
          </div>
        </>
      )}
      {outcome.kind === 'saved' && (
        <p class="opt-status" role="status" data-testid="build-status">
          {t('buildSaved', { name: outcome.name, count: String(outcome.entities) })}
        </p>
      )}
      {outcome.kind === 'error' && (
        <ul class="opt-error" role="alert" data-testid="build-status">
          {outcome.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
