// The popup's ways out to the rest of Gloss for this page: the dossier, with the page's names marked.
import { browser } from 'wxt/browser';
import { t } from '@/lib/i18n';

/** The dossier page, marking the names of the tab `tabId` when there is one. */
export function dossierUrl(tabId: number | null): string {
  return browser.runtime.getURL(tabId === null ? '/dossier.html' : `/dossier.html?tab=${tabId}`);
}

export function PageActions({ tabId }: { tabId: number | null }) {
  return (
    <div class="gloss-page-actions">
      <button
        type="button"
        class="gloss-action"
        onClick={() => void browser.tabs.create({ url: dossierUrl(tabId) })}
        data-testid="open-dossier"
      >
        {t('popupDossier')}
      </button>
    </div>
  );
}
