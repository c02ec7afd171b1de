// Scores the highlights Gloss made on a page against the page's hand-made gold annotations.
// Pure: offsets into the page's body.textContent in, counts and tables out. No DOM, no browser.

/** Where a piece of text is: the n-th occurrence (1-based, default 1) of `text` in the page's text. */
export interface GoldLocator {
  text: string;
  /** Occurrences are counted over every match of `text`, overlapping ones included. */
  occurrence?: number;
  /** Optional, for readers and for checking: text around the span, which must contain it. */
  context?: string;
}

/** A mention a careful reader wants highlighted, with exactly this span and this entity. */
export interface GoldMention extends GoldLocator {
  entity: string;
  note?: string;
}

/** Text that must not be highlighted at all: no mark may overlap it. */
export interface GoldTrap extends GoldLocator {
  /** What kind of look-alike it is (`town-state`, `title-surname`...), so hits can be read by kind. */
  class?: string;
  why: string;
}

/**
 * A span where a highlight is neither required nor wrong (a place name that is also a capital,
 * a description in quotes). A mark overlapping it that matches no gold mention is ignored;
 * with `entity`, only marks of that entity are.
 */
export interface GoldOptional extends GoldLocator {
  entity?: string;
  why: string;
}

export interface GoldFile {
  description?: string;
  mentions: GoldMention[];
  traps: GoldTrap[];
  optional?: GoldOptional[];
}

export interface Span {
  start: number;
  end: number;
}

export type Located<T> = T & Span;

export interface ResolvedGold {
  mentions: Located<GoldMention>[];
  traps: Located<GoldTrap>[];
  optional: Located<GoldOptional>[];
}

/** One <mark class="gloss-mark"> as offsets into body.textContent. */
export interface MarkPiece extends Span {
  entity: string;
  /** The mark carries data-gloss-continued: it continues the mention before it. */
  continued: boolean;
}

/** A highlighted mention: one mark, or adjacent pieces of the same entity put together. */
export interface ObservedMention extends Span {
  entity: string;
  pieces: number;
}

/** The counts and rates a page and the whole corpus are both scored by. */
interface Score {
  gold: number;
  found: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface PageScore extends Score {
  page: string;
  /** Observed mentions that overlapped an optional span and were not counted. */
  ignored: number;
  falseNegatives: Located<GoldMention>[];
  /** Observed mentions matching no gold mention; `expected` is a gold mention with the same span, if any. */
  falsePositives: (ObservedMention & { expected?: string })[];
  trapsHit: (Located<GoldTrap> & { by: ObservedMention[] })[];
  traps: number;
  /** Traps and traps hit by class; a trap without one counts as `(none)`. */
  trapClasses: Record<string, TrapCount>;
}

export interface TrapCount {
  traps: number;
  hit: number;
}

const NO_CLASS = '(none)';

/** Start of the n-th (1-based) occurrence of `needle` in `haystack`, or -1. */
export function findOccurrence(haystack: string, needle: string, occurrence = 1): number {
  if (needle.length === 0 || occurrence < 1 || !Number.isInteger(occurrence)) return -1;
  let at = -1;
  for (let n = 0; n < occurrence; n++) {
    at = haystack.indexOf(needle, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

/** The span a locator names in `text`; throws with a readable message when it names none. */
export function locate(text: string, locator: GoldLocator): Span {
  const occurrence = locator.occurrence ?? 1;
  const start = findOccurrence(text, locator.text, occurrence);
  if (start < 0) {
    throw new Error(`${JSON.stringify(locator.text)} has no occurrence ${occurrence} in the page text`);
  }
  const end = start + locator.text.length;
  if (locator.context !== undefined) {
    let inside = false;
    for (let at = text.indexOf(locator.context); at >= 0; at = text.indexOf(locator.context, at + 1)) {
      if (at <= start && end <= at + locator.context.length) {
        inside = true;
        break;
      }
    }
    if (!inside) {
      throw new Error(
        `occurrence ${occurrence} of ${JSON.stringify(locator.text)} is not inside ${JSON.stringify(locator.context)}`,
      );
    }
  }
  return { start, end };
}

export function resolveGold(gold: GoldFile, text: string): ResolvedGold {
  return {
    mentions: gold.mentions.map((m) => ({ ...m, ...locate(text, m) })),
    traps: gold.traps.map((t) => ({ ...t, ...locate(text, t) })),
    optional: (gold.optional ?? []).map((o) => ({ ...o, ...locate(text, o) })),
  };
}

// What may lie between two pieces of one name: nothing, spaces, soft hyphens, zero-width characters.
const JOINABLE_GAP = /^[\s\u00A0\u00AD\u200B-\u200D\u2000-\u200A\u202F\u205F\u2060\u3000\uFEFF]*$/u;

/**
 * Puts the pieces of split names together: a piece marked `continued` joins the mention before
 * it when that mention has the same entity and only spacing lies between them. Anything else
 * (a continuation with no matching start) stands as a mention of its own.
 */
export function mergePieces(pieces: readonly MarkPiece[], text: string): ObservedMention[] {
  const sorted = [...pieces].sort((a, b) => a.start - b.start || a.end - b.end);
  const mentions: ObservedMention[] = [];
  for (const piece of sorted) {
    const last = mentions[mentions.length - 1];
    if (
      piece.continued &&
      last &&
      last.entity === piece.entity &&
      piece.start >= last.end &&
      JOINABLE_GAP.test(text.slice(last.end, piece.start))
    ) {
      last.end = piece.end;
      last.pieces++;
      continue;
    }
    mentions.push({ entity: piece.entity, start: piece.start, end: piece.end, pieces: 1 });
  }
  return mentions;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const ratio = (num: number, den: number) => (den === 0 ? 1 : num / den);

export function f1Score(precision: number, recall: number): number {
  return precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
}

/**
 * A gold mention is found when an observed mention has exactly its span and its entity. Any
 * other observed mention is a false positive, unless it overlaps an optional span (of its entity,
 * when the span names one). A trap is hit when any observed mention overlaps it.
 */
export function scorePage(page: string, gold: ResolvedGold, observed: readonly ObservedMention[]): PageScore {
  const key = (entity: string, span: Span) => `${span.start}:${span.end}:${entity}`;
  const goldKeys = new Set(gold.mentions.map((m) => key(m.entity, m)));
  const goldBySpan = new Map(gold.mentions.map((m) => [`${m.start}:${m.end}`, m.entity]));
  const observedKeys = new Set(observed.map((o) => key(o.entity, o)));

  let tp = 0;
  const falseNegatives: Located<GoldMention>[] = [];
  for (const mention of gold.mentions) {
    if (observedKeys.has(key(mention.entity, mention))) tp++;
    else falseNegatives.push(mention);
  }

  let ignored = 0;
  const falsePositives: PageScore['falsePositives'] = [];
  for (const o of observed) {
    if (goldKeys.has(key(o.entity, o))) continue;
    if (gold.optional.some((opt) => overlaps(opt, o) && (opt.entity === undefined || opt.entity === o.entity))) {
      ignored++;
      continue;
    }
    const expected = goldBySpan.get(`${o.start}:${o.end}`);
    falsePositives.push(expected === undefined ? { ...o } : { ...o, expected });
  }

  const trapsHit: PageScore['trapsHit'] = [];
  const trapClasses: Record<string, TrapCount> = {};
  for (const trap of gold.traps) {
    const by = observed.filter((o) => overlaps(o, trap));
    const name = trap.class ?? NO_CLASS;
    const count = trapClasses[name] ?? { traps: 0, hit: 0 };
    trapClasses[name] = count;
    count.traps++;
    if (by.length > 0) {
      trapsHit.push({ ...trap, by });
      count.hit++;
    }
  }

  const fp = falsePositives.length;
  const fn = falseNegatives.length;
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    page,
    gold: gold.mentions.length,
    found: observed.length,
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: f1Score(precision, recall),
    ignored,
    falseNegatives,
    falsePositives,
    trapsHit,
    traps: gold.traps.length,
    trapClasses,
  };
}

export interface Totals extends Score {
  pages: number;
  traps: number;
  trapsHit: number;
}

/** Micro-averaged over all pages: every mention counts the same. */
export function totals(scores: readonly PageScore[]): Totals {
  const sum = (pick: (s: PageScore) => number) => scores.reduce((acc, s) => acc + pick(s), 0);
  const tp = sum((s) => s.tp);
  const fp = sum((s) => s.fp);
  const fn = sum((s) => s.fn);
  const precision = ratio(tp, tp + fp);
  const recall = ratio(tp, tp + fn);
  return {
    pages: scores.length,
    gold: sum((s) => s.gold),
    found: sum((s) => s.found),
    tp,
    fp,
    fn,
    precision,
    recall,
    f1: f1Score(precision, recall),
    traps: sum((s) => s.traps),
    trapsHit: sum((s) => s.trapsHit.length),
  };
}

const fixed = (x: number) => x.toFixed(3);

/** The per-page table with an overall row, as Markdown. */
export function markdownTable(scores: readonly PageScore[]): string {
  const header = '| Page | Gold | Found | TP | FP | FN | Precision | Recall | F1 | Traps hit |';
  const rule = '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |';
  const rows = scores.map(
    (s) =>
      `| ${s.page} | ${s.gold} | ${s.found} | ${s.tp} | ${s.fp} | ${s.fn} | ${fixed(s.precision)} | ${fixed(
        s.recall,
      )} | ${fixed(s.f1)} | ${s.trapsHit.length}/${s.traps} |`,
  );
  const t = totals(scores);
  const overall = `| **Overall** | ${t.gold} | ${t.found} | ${t.tp} | ${t.fp} | ${t.fn} | **${fixed(t.precision)}** | **${fixed(
    t.recall,
  )}** | **${fixed(t.f1)}** | ${t.trapsHit}/${t.traps} |`;
  return [header, rule, ...rows, overall].join('\n');
}

/** Traps and traps hit per class over all pages, as Markdown, classes in alphabetical order. */
export function trapClassTable(scores: readonly PageScore[]): string {
  const sums = new Map<string, TrapCount>();
  for (const score of scores) {
    for (const [name, count] of Object.entries(score.trapClasses)) {
      const sum = sums.get(name) ?? { traps: 0, hit: 0 };
      sum.traps += count.traps;
      sum.hit += count.hit;
      sums.set(name, sum);
    }
  }
  const rows = [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, c]) => `| ${name} | ${c.traps} | ${c.hit} | ${fixed(ratioOrZero(c.hit, c.traps))} |`);
  const t = totals(scores);
  return [
    '| Trap class | Traps | Hit | Share hit |',
    '| --- | ---: | ---: | ---: |',
    ...rows,
    `| **All** | ${t.traps} | ${t.trapsHit} | **${fixed(ratioOrZero(t.trapsHit, t.traps))}** |`,
  ].join('\n');
}

const ratioOrZero = (num: number, den: number) => (den === 0 ? 0 : num / den);

/** The text around a span, on one line, with the span in ⟦ ⟧. */
export function excerpt(text: string, span: Span, radius = 40): string {
  const flat = (s: string) => s.replace(/\s+/g, ' ');
  const before = flat(text.slice(Math.max(0, span.start - radius), span.start)).trimStart();
  const after = flat(text.slice(span.end, span.end + radius)).trimEnd();
  return `…${before}⟦${text.slice(span.start, span.end)}⟧${after}…`;
}

/** Every miss, wrong highlight and trap hit of a page, one Markdown list item each. */
export function describeErrors(score: PageScore, text: string): string[] {
  const lines: string[] = [];
  for (const m of score.falseNegatives) {
    const note = m.note ? ` (${m.note})` : '';
    lines.push(`- FN \`${m.entity}\` ${JSON.stringify(m.text)}${note}: ${excerpt(text, m)}`);
  }
  for (const o of score.falsePositives) {
    const why = o.expected ? ` (gold says \`${o.expected}\`)` : '';
    lines.push(`- FP \`${o.entity}\` ${JSON.stringify(text.slice(o.start, o.end))}${why}: ${excerpt(text, o)}`);
  }
  for (const t of score.trapsHit) {
    const by = t.by.map((o) => `\`${o.entity}\` ${JSON.stringify(text.slice(o.start, o.end))}`).join(', ');
    const kind = t.class ? ` [${t.class}]` : '';
    lines.push(`- TRAP ${JSON.stringify(t.text)}${kind} (${t.why}) hit by ${by}: ${excerpt(text, t)}`);
  }
  return lines;
}
