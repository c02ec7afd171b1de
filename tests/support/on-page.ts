// What the matcher finds in the last of a page's texts, after the others were read on the same
// page: the tables of the rules for pages about something else read like that.
import { matcherAliases } from '../../lib/knowledge/pack';
import { Matcher } from '../../lib/matcher/matcher';

const matcher = new Matcher(matcherAliases());

/** [text, entity] of what the last text finds, after the others were read on the same page. */
export function onPage(...texts: string[]): string[][] {
  const context = new Set<string>();
  let found: string[][] = [];
  for (const text of texts) found = matcher.find(text, context).map((m) => [m.text, m.entityId]);
  return found;
}
