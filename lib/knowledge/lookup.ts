// Which entity a piece of text the user selected is about ("Look up in Gloss"). Pure.
import { Matcher } from '../matcher/matcher';
import { evidenceOf } from '../matcher/page-evidence';
import type { Knowledge } from './knowledge';
import { bundledKnowledge } from './pack';

/** Longer selections are sentences, not names: searching them would only find noise. */
const MAX_SEARCH_LENGTH = 80;

const allNames = new WeakMap<Knowledge, Matcher>();

/** Every alias, demonyms included: "Chinese" selected on purpose means China. Built on first use. */
function matcherOf(knowledge: Knowledge): Matcher {
  let matcher = allNames.get(knowledge);
  if (!matcher) {
    matcher = new Matcher(knowledge.matcherAliases(), { demonyms: true });
    allNames.set(knowledge, matcher);
  }
  return matcher;
}

interface Tally {
  count: number;
  longest: number;
  first: number;
}

/**
 * The id of the entity `text` is most about, or null. Names the matcher finds in the text come
 * first: the most mentioned entity, then the one with the longest mention, then the earliest.
 * Where it finds none (wrong case, a typo, a bare surname), a short text is searched for instead.
 */
export function lookupEntity(text: string, knowledge: Knowledge = bundledKnowledge): string | null {
  const matcher = matcherOf(knowledge);
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean === '') return null;
  const tallies = new Map<string, Tally>();
  const context = new Set<string>();
  evidenceOf(context).chosenByReader = true;
  for (const match of matcher.find(clean, context)) {
    const tally = tallies.get(match.entityId) ?? { count: 0, longest: 0, first: match.start };
    tally.count++;
    tally.longest = Math.max(tally.longest, match.end - match.start);
    tallies.set(match.entityId, tally);
  }
  let best: [string, Tally] | null = null;
  for (const entry of tallies) {
    if (!best || better(entry[1], best[1])) best = entry;
  }
  if (best) return best[0];
  if (clean.length > MAX_SEARCH_LENGTH) return null;
  // Quotes and punctuation around a selected name are not part of it; dots are (U.S.).
  const query = clean.replace(/[“”„"«»‹›()[\]{},;:!?]/g, ' ').trim();
  return knowledge.search(query, 1)[0]?.id ?? null;
}

function better(a: Tally, b: Tally): boolean {
  if (a.count !== b.count) return a.count > b.count;
  if (a.longest !== b.longest) return a.longest > b.longest;
  return a.first < b.first;
}
