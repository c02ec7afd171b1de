// The toolbar icons, rendered by scripts/render-icons.mjs from public/icon/icon.svg (Gloss on) and
// public/icon/off.svg (off for the site or paused). Kept free of imports: the e2e tests read it too.

export type IconPaths = Readonly<Record<16 | 32 | 48 | 128, string>>;

export const ICON_ON: IconPaths = Object.freeze({
  16: '/icon/16.png',
  32: '/icon/32.png',
  48: '/icon/48.png',
  128: '/icon/128.png',
});

export const ICON_OFF: IconPaths = Object.freeze({
  16: '/icon/off-16.png',
  32: '/icon/off-32.png',
  48: '/icon/off-48.png',
  128: '/icon/off-128.png',
});
