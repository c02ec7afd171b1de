// The global the Matcher's script leaves in the content script's isolated world. Types only.
import type { MatcherFactory } from '@/lib/matcher/lazy-matcher';

declare global {
  var glossMatcher: MatcherFactory | undefined;
}
