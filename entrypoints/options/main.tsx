import { render } from 'preact';
import { App } from './app';
import './style.css';

const target = document.getElementById('app');
if (target) render(<App />, target);
