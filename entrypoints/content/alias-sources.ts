// Where the content script's names come from: the bundled pack's, built into this script at build
// time (only what matching needs, as strings parsed on first use), and the enabled imported
// packs', read from storage only when a text may hold one of them.
import { DEMONYM_WORDS, INDEX, SCRIPTS, WORDS } from 'virtual:gloss-bundled-aliases';
import { type AliasIndex, aliasesOf } from '@/lib/knowledge/alias-index';
import { type ImportedMatchSources, loadImportedAliases } from '@/lib/match-store';
import { BloomFilter } from '@/lib/matcher/bloom';
import type { AliasSource } from '@/lib/matcher/lazy-matcher';
import type { MatcherAlias } from '@/lib/matcher/matcher';
import { type FilterData, mayHold } from '@/lib/matcher/prefilter';

/** Which of a source's names the user wants highlighted (the types switched on). */
export type AliasWanted = (alias: MatcherAlias) => boolean;

let bundledAliases: MatcherAlias[] | null = null;
const bundledFilters = new Map<boolean, FilterData>();

function bundledFilter(demonyms: boolean): FilterData {
  let filter = bundledFilters.get(demonyms);
  if (!filter) {
    const words = new Set(WORDS.split(' '));
    if (demonyms) for (const word of DEMONYM_WORDS.split(' ')) words.add(word);
    filter = { words, ...SCRIPTS };
    bundledFilters.set(demonyms, filter);
  }
  return filter;
}

export function bundledSource(wanted: AliasWanted, demonyms: boolean): AliasSource {
  return {
    mayHold: (text) => mayHold(bundledFilter(demonyms), text),
    aliases: () => {
      bundledAliases ??= aliasesOf(JSON.parse(INDEX) as AliasIndex);
      return bundledAliases.filter(wanted);
    },
  };
}

/** The imported packs' names, read once per frame and kept for later matchers. */
let imported: { key: string; read: Promise<MatcherAlias[]>; aliases: MatcherAlias[] | null } | null = null;

export function importedSource(sources: ImportedMatchSources, wanted: AliasWanted): AliasSource {
  const filter: FilterData = { ...sources, words: BloomFilter.from(sources.words) };
  const key = sources.packs.join('\n');
  return {
    mayHold: (text) => mayHold(filter, text),
    aliases: () => {
      if (imported?.key !== key) {
        const entry: NonNullable<typeof imported> = {
          key,
          aliases: null,
          read: loadImportedAliases().then((index) => {
            entry.aliases = index ? aliasesOf(index) : [];
            return entry.aliases;
          }),
        };
        imported = entry;
      }
      return imported.aliases ? imported.aliases.filter(wanted) : imported.read.then((all) => all.filter(wanted));
    },
  };
}
