// The Matcher's script: its patterns, its context rules and their data, loaded into a frame by the
// background (scripting.executeScript) the first time a text there may hold a name, into the
// content script's isolated world, where it leaves the factory the highlighter builds matchers
// with (lib/matcher/lazy-matcher.ts). A frame whose text never holds a name never parses it.
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { Matcher } from '@/lib/matcher/matcher';
import './api';

export default defineUnlistedScript(() => {
  globalThis.glossMatcher ??= (aliases, options) => new Matcher(aliases, options);
});
