import { render } from 'preact';
import { localize, t } from '@/lib/i18n';
import { loadKnowledge } from '@/lib/pack-store';
import { App } from './app';
import { tabFromQuery } from './page';
import './style.css';

// index.html is in English until this runs: the language and title of the messages shown.
localize(document.documentElement);
document.title = t('dossierTitle');
const target = document.getElementById('app');
if (target) {
  void loadKnowledge().then((knowledge) => {
    // The packs read from storage: what comes after is the page's own work (bench/dossier.mjs).
    performance.mark('gloss-dossier-knowledge');
    render(<App knowledge={knowledge} tabId={tabFromQuery(location.search)} />, target);
    // Drawn and listening from here, in the page's own clock (bench/dossier.mjs reads it).
    performance.mark('gloss-dossier-ready');
    document.documentElement.dataset.ready = 'true';
  });
}
