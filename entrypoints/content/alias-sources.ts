// Where the content script's names come from: the bundled pack's and the enabled imported packs',
// each read from storage only when a text may hold one of them. This script carries only the key
// words of the bundled names (written in at build time), for the test that tells.
import { DEMONYM_KEYS, KEYS, SCRIPTS, VERSION } from 'virtual:gloss-bundled-aliases';
import { browser } from 'wxt/browser';
import { type AliasIndex, aliasesOf } from '@/lib/knowledge/alias-index';
import { type ImportedMatchSources, loadBundledAliases, loadImportedAliases } from '@/lib/match-store';
import { BloomFilter } from '@/lib/matcher/bloom';
import type { AliasSource } from '@/lib/matcher/lazy-matcher';
import type { MatcherAlias } from '@/lib/matcher/matcher';
import { type FilterData, keyLookup, mayHold } from '@/lib/matcher/prefilter';
import type { Message } from '@/lib/messages';

/** Which of a source's names the user wants highlighted (the types switched on). */
export type AliasWanted = (alias: MatcherAlias) => boolean;

/** Names being read, and once read. */
interface Read {
  read: Promise<MatcherAlias[]>;
  aliases: MatcherAlias[] | null;
}

/** The bundled names, read once per frame and kept for later matchers. */
let bundled: Read | null = null;

/**
 * From storage; the first page after an install, an update or a browser start may come before
 * the background has stored them, or listens: then asked of it, again a few times, so that such a
 * page is not left without names.
 */
async function readBundledIndex(): Promise<AliasIndex> {
  const message: Message<'knowledge/bundled-aliases'> = { type: 'knowledge/bundled-aliases' };
  for (let attempt = 0; ; attempt++) {
    const stored = await loadBundledAliases(VERSION);
    if (stored) return stored;
    try {
      const answer = (await browser.runtime.sendMessage(message)) as AliasIndex | { error: string } | undefined;
      if (answer && !('error' in answer)) return answer;
    } catch (error) {
      if (attempt >= BUNDLED_RETRIES_MS.length) throw error;
    }
    if (attempt >= BUNDLED_RETRIES_MS.length) throw new Error('Gloss: the bundled names could not be read.');
    await new Promise((resolve) => setTimeout(resolve, BUNDLED_RETRIES_MS[attempt]));
  }
}

/** Waits before asking again for the bundled names. */
const BUNDLED_RETRIES_MS = [200, 1000, 3000, 6000];
const bundledFilters = new Map<boolean, FilterData>();

function bundledFilter(demonyms: boolean): FilterData {
  let filter = bundledFilters.get(demonyms);
  if (!filter) {
    const keys = demonyms && DEMONYM_KEYS ? `${KEYS}|${DEMONYM_KEYS}` : KEYS;
    filter = { words: new Set(), partners: keyLookup(keys), ...SCRIPTS };
    bundledFilters.set(demonyms, filter);
  }
  return filter;
}

/** Starts reading the bundled names: the probe loads this script where the page may hold one. */
export function readBundledAliases(): void {
  bundledAliases();
}

function bundledAliases(): Read {
  if (!bundled) {
    const entry: Read = {
      aliases: null,
      read: readBundledIndex().then((index) => {
        entry.aliases = aliasesOf(index);
        return entry.aliases;
      }),
    };
    // A failed read is tried again by the next matcher (the extension may be starting).
    entry.read.catch(() => {
      if (bundled === entry) bundled = null;
    });
    bundled = entry;
  }
  return bundled;
}

export function bundledSource(wanted: AliasWanted, demonyms: boolean): AliasSource {
  return {
    mayHold: (text) => mayHold(bundledFilter(demonyms), text),
    aliases: () => {
      const read = bundledAliases();
      return read.aliases ? read.aliases.filter(wanted) : read.read.then((all) => all.filter(wanted));
    },
  };
}

/** The imported packs' names, read once per frame and kept for later matchers. */
let imported: (Read & { key: string }) | null = null;

export function importedSource(sources: ImportedMatchSources, wanted: AliasWanted): AliasSource {
  const filter: FilterData = {
    ...sources,
    words: BloomFilter.from(sources.words),
    pairs: BloomFilter.from(sources.pairs),
  };
  const key = sources.packs.join('\n');
  return {
    mayHold: (text) => mayHold(filter, text),
    aliases: () => {
      if (imported?.key !== key) {
        const entry: Read & { key: string } = {
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
