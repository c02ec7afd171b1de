import { render } from 'preact';
import { localize } from '@/lib/i18n';
import { loadInstalledPacks } from '@/lib/pack-store';
import { App } from './app';
import './style.css';

// index.html is in English until this runs; the app sets the title.
localize(document.documentElement);
const target = document.getElementById('app');
if (target) {
  void loadInstalledPacks().then((packs) => render(<App search={location.search} packs={packs} />, target));
}
