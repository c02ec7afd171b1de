// Where the end-to-end tests find Debian's Firefox ESR (no browser downloads are possible here).
export const FIREFOX_PATH = '/usr/bin/firefox-esr';
