// The pack that ships with Gloss: data/knowledge.json with its documents' texts from data/sources/,
// read at build time. Only the extension's pages and background import it, never the content script.
import raw from '../../data/knowledge.json';
import type { BundledPackFile, Pack } from './schema';

const files = import.meta.glob<string>('../../data/sources/*.txt', { query: '?raw', import: 'default', eager: true });

// Validated against BundledPackSchema by pack.test.ts; parsing it on every start would cost time
// for no gain.
const file = raw as BundledPackFile;

export const bundledPack: Pack = {
  ...file,
  documents: file.documents.map(({ file: name, ...document }) => ({
    ...document,
    text: files[`../../data/sources/${name}`] ?? '',
  })),
};
