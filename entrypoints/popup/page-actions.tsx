// The popup's ways out to the rest of Gloss for this page: the dossier, with the page's names
// marked, and "Export this page" (the entities found, with roles, quotes and documents, as a file).
import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { downloadText } from '@/components/download';
import { EXPORT_FILES, type ExportFormat, exportFileName, exportPage } from '@/lib/dossier/page-export';
import { t } from '@/lib/i18n';
import { cardDataOf } from '@/lib/knowledge/card-data';
import type { PageState } from '@/lib/messages';
import { useKnowledge } from './knowledge';
import { targetTab } from './page';

/** The dossier page, marking the names of the tab `tabId` when there is one. */
export function dossierUrl(tabId: number | null): string {
  return browser.runtime.getURL(tabId === null ? '/dossier.html' : `/dossier.html?tab=${tabId}`);
}

/** Opens the dossier for the popup's tab, asked again if the popup has not read its page yet. */
async function openDossier(tabId: number | null): Promise<void> {
  const tab = tabId ?? (await targetTab())?.id ?? null;
  await browser.tabs.create({ url: dossierUrl(tab) });
}

const FORMATS: { format: ExportFormat; label: () => string }[] = [
  { format: 'markdown', label: () => t('popupExportMarkdown') },
  { format: 'csv', label: () => t('popupExportCsv') },
  { format: 'json', label: () => t('popupExportJson') },
];

export function PageActions({ tabId, state }: { tabId: number | null; state: PageState | null }) {
  const knowledge = useKnowledge();
  const [saved, setSaved] = useState<string | null>(null);
  const mentions = state?.enabled ? state.mentions : [];

  const save = (format: ExportFormat) => {
    if (!state) return;
    const exportedAt = new Date().toISOString();
    const entities = mentions.flatMap(({ entityId, count }) => {
      const card = cardDataOf(knowledge, entityId);
      return card ? [{ card, mentions: count }] : [];
    });
    const text = exportPage({ url: state.url, exportedAt, entities }, format);
    const fileName = exportFileName(state.url, exportedAt, format);
    // A byte order mark tells spreadsheets the CSV is UTF-8 ("Côte d’Ivoire", not mojibake).
    downloadText(format === 'csv' ? `\uFEFF${text}` : text, fileName, EXPORT_FILES[format].mimeType);
    setSaved(fileName);
  };

  return (
    <div class="gloss-page-actions">
      <button type="button" class="gloss-action" onClick={() => void openDossier(tabId)} data-testid="open-dossier">
        {t('popupDossier')}
      </button>
      {mentions.length > 0 && (
        <fieldset class="gloss-export" data-testid="export">
          <legend>{t('popupExport')}</legend>
          {FORMATS.map(({ format, label }) => (
            <button
              key={format}
              type="button"
              class="gloss-action"
              onClick={() => save(format)}
              data-testid={`export-${format}`}
            >
              {label()}
            </button>
          ))}
        </fieldset>
      )}
      <p class="gloss-export-saved" role="status">
        {saved && t('popupExportDone', { file: saved })}
      </p>
    </div>
  );
}
