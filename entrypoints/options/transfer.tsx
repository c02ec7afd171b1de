import { useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import type { Settings } from '@/lib/settings/settings';
import { exportSettings, importSettings, MAX_IMPORT_BYTES } from '@/lib/settings/transfer';
import { loadSettings, updateSettings } from '@/lib/storage';
import { describeImportError, exportFileName } from './describe';
import { downloadJson, JsonFileButton } from './json-files';

type Status =
  | { kind: 'idle' }
  | { kind: 'exported'; fileName: string }
  | { kind: 'imported'; fileName: string; previous: Settings }
  | { kind: 'undone' }
  | { kind: 'error'; message: string };

export function TransferSection() {
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const exportFile = async () => {
    // The stored value, not what this page last rendered: another page may have just changed it.
    const text = exportSettings(await loadSettings());
    const fileName = exportFileName(new Date());
    downloadJson(text, fileName);
    setStatus({ kind: 'exported', fileName });
  };

  const importFile = async (file: File) => {
    // Checked before reading: a huge file is not read into memory at all.
    if (file.size > MAX_IMPORT_BYTES) {
      setStatus({
        kind: 'error',
        message: t('transferTooLarge', { file: file.name, size: MAX_IMPORT_BYTES / 1024 }),
      });
      return;
    }
    let text: string;
    try {
      text = await file.text();
    } catch {
      setStatus({ kind: 'error', message: t('transferUnreadable', { file: file.name }) });
      return;
    }
    const result = importSettings(text);
    if (!result.ok) {
      const values = { file: file.name, error: describeImportError(result.error) };
      setStatus({ kind: 'error', message: t('transferRejected', values) });
      return;
    }
    // Assigned inside the update; typed wide so the check after it is not narrowed away.
    let previous = null as Settings | null;
    await updateSettings((current) => {
      previous = current;
      return result.settings;
    });
    if (previous) setStatus({ kind: 'imported', fileName: file.name, previous });
  };

  const undo = async (previous: Settings) => {
    await updateSettings(() => previous);
    setStatus({ kind: 'undone' });
  };

  return (
    <section class="opt-section" aria-labelledby="opt-transfer">
      <h2 id="opt-transfer">{t('transferTitle')}</h2>
      <p class="opt-hint">{t('transferHint')}</p>
      <div class="opt-actions">
        <button type="button" class="opt-button" onClick={() => void exportFile()} data-testid="export">
          {t('transferExport')}
        </button>
        <JsonFileButton
          label={t('transferImport')}
          onFile={(file) => void importFile(file)}
          testId="import"
          inputTestId="import-file"
        />
      </div>
      <TransferStatus status={status} onUndo={undo} />
    </section>
  );
}

function TransferStatus({ status, onUndo }: { status: Status; onUndo: (previous: Settings) => void }) {
  if (status.kind === 'error') {
    return (
      <p class="opt-error" role="alert" data-testid="import-status" data-status="error">
        {status.message}
      </p>
    );
  }
  let text = '';
  if (status.kind === 'exported') text = t('transferSaved', { file: status.fileName });
  if (status.kind === 'imported') text = t('transferImported', { file: status.fileName });
  if (status.kind === 'undone') text = t('transferUndone');
  return (
    <div class="opt-status-row">
      <p class="opt-status" role="status" data-testid="import-status" data-status={status.kind}>
        {text}
      </p>
      {status.kind === 'imported' && (
        <button type="button" class="opt-button opt-button-quiet" onClick={() => onUndo(status.previous)}>
          {t('transferUndo')}
        </button>
      )}
    </div>
  );
}
