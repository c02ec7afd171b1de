// The module bundled-aliases.vite.ts writes at build time.
declare module 'virtual:gloss-bundled-aliases' {
  /** The bundled pack's AliasIndex, as JSON. */
  export const INDEX: string;
  /** The pack's version and a hash of INDEX: which index a stored copy is. */
  export const VERSION: string;
  /** The key words (prefilter.ts) of its names but demonyms, as writeKeys writes them. */
  export const KEYS: string;
  /** The key words of its demonyms, as writeKeys writes them. */
  export const DEMONYM_KEYS: string;
  export const SCRIPTS: { arabic: boolean; unspaced: boolean; always: boolean };
}
