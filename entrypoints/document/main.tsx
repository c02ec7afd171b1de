import { render } from 'preact';
import { localize } from '@/lib/i18n';
import { App } from './app';
import './style.css';

// index.html is in English until this runs; the app sets the title.
localize(document.documentElement);
const target = document.getElementById('app');
if (target) render(<App search={location.search} />, target);
