// How every tool of ours starts Debian's Chromium: no browser downloads are possible here, and
// without the background-networking flags Chromium keeps dialling hosts this machine cannot reach.
export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The flags that load one unpacked extension, and only that one. */
export function extensionArgs(extensionPath) {
  return [`--disable-extensions-except=${extensionPath}`, `--load-extension=${extensionPath}`];
}
