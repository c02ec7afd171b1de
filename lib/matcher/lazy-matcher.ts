// A Matcher built only when a text may hold a name (see prefilter.ts): a frame whose text holds
// none builds nothing and compiles nothing. Names come from sources (the bundled pack, imported
// packs); a source joins the matcher the first time a text may hold one of its names, so a large
// imported pack is read from storage only on pages that may mention it. The Matcher's code itself
// (its patterns, rules and their data) comes from an engine that may be loaded on first need too:
// the content script gets it from its own script file (entrypoints/matcher), so that a frame that
// never holds a name never parses it. Pure.
import type { Match, MatcherAlias, MatchOptions, MentionContext, TextMatcher } from './matcher';

/** Makes a matcher of names: `new Matcher(aliases, options)`, as the engine's script leaves it. */
/** A word in capitals, then a comma, at the start of a text: a dateline's town ("BRAZIL, Ind."). */
const DATELINE_WORD = /^\s*(\p{Lu}{3,}),/u;

export type MatcherFactory = (aliases: readonly MatcherAlias[], options: MatchOptions) => TextMatcher;
/** The factory at hand, or the promise of it (its script being loaded). */
export type MatcherEngine = () => MatcherFactory | Promise<MatcherFactory>;

export interface AliasSource {
  /** False when no name of this source can be in `text` (a cheap test, no pattern). */
  mayHold(text: string): boolean;
  /** The names, at once where they are at hand, else when they have been read. */
  aliases(): readonly MatcherAlias[] | Promise<readonly MatcherAlias[]>;
}

export class LazyMatcher implements TextMatcher {
  private inner: TextMatcher | null = null;
  private factory: MatcherFactory | null = null;
  private engineLoading: Promise<void> | null = null;
  /** The engine could not be had (the extension gone): nothing is ever matched. */
  private engineFailed = false;
  /** The names of each source that joined, by source index. */
  private readonly joined = new Map<number, readonly MatcherAlias[]>();
  private loading: Promise<void> | null = null;

  /**
   * `onBuild` runs once, just before the first matcher is built: what the page needs only where
   * there may be marks (their styles) can wait until then.
   */
  constructor(
    private readonly engine: MatcherEngine,
    private readonly sources: readonly AliasSource[],
    private readonly options: MatchOptions = {},
    private readonly onBuild?: () => void,
  ) {}

  /** Whether a pattern was ever built: false on a page that never held a name. */
  get built(): boolean {
    return this.inner !== null;
  }

  /** Nothing to warm before a text asks for names; after, whatever the built matcher needs. */
  get warm(): boolean {
    return this.inner?.warm ?? true;
  }

  get compiledPatterns(): string[] {
    return this.inner?.compiledPatterns ?? [];
  }

  /**
   * Builds from every source whose names are at hand, then warms that matcher a step per call
   * (see Matcher.warmUp): for a caller that replaces a matcher which was in use and wants the
   * next one ready before the swap.
   */
  warmUp(): boolean {
    const missing = this.sources.map((_, i) => i).filter((i) => !this.joined.has(i));
    if (missing.length > 0 && this.join(missing)) return true;
    return this.inner?.warmUp() ?? false;
  }

  wouldCompile(text: string): boolean {
    if (this.engineFailed) return false;
    return this.missing(text).length > 0 || (this.inner?.wouldCompile(text) ?? false);
  }

  /** The factory, at once or as a wait for its script; null when it cannot be had. */
  private ensureEngine(): MatcherFactory | Promise<void> | null {
    if (this.factory || this.engineFailed) return this.factory;
    if (this.engineLoading) return this.engineLoading;
    let got: MatcherFactory | Promise<MatcherFactory>;
    try {
      got = this.engine();
    } catch {
      this.engineFailed = true;
      return null;
    }
    if (!(got instanceof Promise)) {
      this.factory = got;
      return got;
    }
    this.engineLoading = got.then(
      (factory) => {
        this.factory = factory;
        this.engineLoading = null;
      },
      () => {
        this.engineFailed = true;
        this.engineLoading = null;
      },
    );
    return this.engineLoading;
  }

  /**
   * One step towards find(text) without blocking: reading a source's names (a promise to wait
   * for), building the matcher with them, then compiling its patterns. False when none is left.
   */
  prepare(text: string): boolean | Promise<void> {
    const missing = this.missing(text);
    if (missing.length > 0) {
      if (this.loading) return this.loading;
      const pending = missing.filter((i) => !this.ready.has(i)).map((i) => [i, this.sources[i]?.aliases()] as const);
      const promised = pending.filter(([, aliases]) => aliases instanceof Promise);
      if (promised.length > 0) {
        const loading: Promise<void> = Promise.all(
          promised.map(async ([i, aliases]) => {
            this.ready.set(i, (await aliases) ?? []);
          }),
        ).then(
          () => {
            this.loading = null;
          },
          () => {
            // A source that cannot be read (its storage gone with the extension) is left out for good.
            for (const [i] of promised) if (!this.ready.has(i)) this.ready.set(i, []);
            this.loading = null;
          },
        );
        this.loading = loading;
        return loading;
      }
      const engine = this.ensureEngine();
      if (engine instanceof Promise) return engine;
      if (!engine) return false;
      this.join(missing);
      return true;
    }
    return this.inner?.prepare(text) ?? false;
  }

  /**
   * Mentions in `text`. Where prepare() was not run first, a source whose names are still being
   * read is left out of this text (only tests annotate without it).
   */
  find(text: string, context?: MentionContext): Match[] {
    const missing = this.missing(text);
    if (missing.length > 0) this.join(missing);
    return this.inner ? this.inner.find(text, context) : [];
  }

  /** Names read from a promise, waiting to join. */
  private readonly ready = new Map<number, readonly MatcherAlias[]>();

  /** The sources not in the matcher yet whose names `text` may hold. */
  private missing(text: string): number[] {
    // The annotator asks wouldCompile, then prepare, then find of the same text: tested once.
    const last = this.lastMissing;
    if (last && last.text === text && last.joined === this.joined.size) return last.missing;
    const missing: number[] = [];
    // "BRAZIL, Ind. —": a dateline in capitals names no entity, but tells the page's sense of a name
    // (the Matcher notes it), so a source that knows the name in running case joins for it.
    const dateline = DATELINE_WORD.exec(text)?.[1];
    const town = dateline && dateline.charAt(0) + dateline.slice(1).toLowerCase();
    for (let i = 0; i < this.sources.length; i++) {
      const source = this.sources[i];
      if (!this.joined.has(i) && (source?.mayHold(text) || (town && source?.mayHold(town)))) missing.push(i);
    }
    this.lastMissing = { text, joined: this.joined.size, missing };
    return missing;
  }

  /** The last text tested, and with how many sources joined then. */
  private lastMissing: { text: string; joined: number; missing: number[] } | null = null;

  /** Builds the matcher anew with these sources' names too; false when none was at hand. */
  private join(indexes: readonly number[]): boolean {
    // Without the engine nothing is built: its script is asked for (prepare() waits for it).
    const engine = this.ensureEngine();
    if (typeof engine !== 'function') return false;
    let changed = false;
    for (const i of indexes) {
      let aliases = this.ready.get(i);
      if (!aliases) {
        const read = this.sources[i]?.aliases();
        if (read === undefined || read instanceof Promise) continue;
        aliases = read;
      }
      this.ready.delete(i);
      this.joined.set(i, aliases);
      changed = true;
    }
    if (!changed) return false;
    if (!this.inner) this.onBuild?.();
    // In the sources' order, whatever order they joined in: a name two packs share goes to the
    // first pack, as the sources are given in order of precedence.
    const aliases = [...this.joined].sort(([a], [b]) => a - b).flatMap(([, list]) => list);
    this.inner = engine(aliases, this.options);
    return true;
  }
}
