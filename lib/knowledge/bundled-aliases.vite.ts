// A Vite plugin: the bundled pack's alias index and the key words of its names, computed at build
// time from data/knowledge.json, as the virtual module `virtual:gloss-bundled-aliases`. The content
// script imports only the key words and the index's version, never the pack; the background puts
// the index in storage, where a frame reads it only once its text may hold a name.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { filterData, writeKeys } from '../matcher/prefilter';
import { aliasesOf, aliasIndexOf } from './alias-index';
import type { BundledPackFile } from './schema';

const ID = 'virtual:gloss-bundled-aliases';
const RESOLVED = `\0${ID}`;
const PACK = fileURLToPath(new URL('../../data/knowledge.json', import.meta.url));

export function moduleSource(pack: BundledPackFile): string {
  const index = aliasIndexOf(pack.entities);
  const aliases = aliasesOf(index);
  const plain = filterData(aliases, { demonyms: false });
  const demonyms = filterData(
    aliases.filter((a) => a.kind === 'demonym'),
    { demonyms: true },
  );
  const json = JSON.stringify(index);
  return [
    `export const INDEX = ${JSON.stringify(json)};`,
    `export const VERSION = ${JSON.stringify(`${pack.version}#${hash(json)}`)};`,
    `export const KEYS = ${JSON.stringify(writeKeys(plain))};`,
    `export const DEMONYM_KEYS = ${JSON.stringify(writeKeys(demonyms))};`,
    `export const SCRIPTS = ${JSON.stringify({ arabic: plain.arabic, unspaced: plain.unspaced, always: plain.always })};`,
  ].join('\n');
}

/** FNV-1a of a text, in hex: tells one build's index from another's. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16);
}

export function bundledAliases(): Plugin {
  return {
    name: 'gloss-bundled-aliases',
    resolveId: (id) => (id === ID ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      this.addWatchFile(PACK);
      return moduleSource(JSON.parse(readFileSync(PACK, 'utf8')) as BundledPackFile);
    },
  };
}
