import { render } from 'preact';
import { localize, t } from '@/lib/i18n';
import { loadKnowledge } from '@/lib/pack-store';
import { App } from './app';
import { KnowledgeContext } from './knowledge';
import './style.css';

// index.html is in English until this runs: the language and title of the messages shown.
localize(document.documentElement);
document.title = t('extName');
const target = document.getElementById('app');
if (target) {
  void loadKnowledge().then((knowledge) =>
    render(
      <KnowledgeContext.Provider value={knowledge}>
        <App />
      </KnowledgeContext.Provider>,
      target,
    ),
  );
}
