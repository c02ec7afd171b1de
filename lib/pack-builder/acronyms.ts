// Acronyms from their definitions in the text, "Freedom Online Coalition (FOC)", by the
// Schwartz–Hearst algorithm (Schwartz & Hearst, "A simple algorithm for identifying abbreviation
// definitions in biomedical text", PSB 2003): the short form is the text in parentheses, the long
// form the shortest run of words before it whose letters, read from the end, hold every letter of
// the short form, its first letter starting a word.

export interface AcronymDefinition {
  short: string;
  long: string;
}

const SHORT_FORM = /^[\p{L}\p{N}][\p{L}\p{N}.&-]{1,9}$/u;

/** Is `candidate` a plausible short form: 2 to 10 characters, a letter among them, at most two words. */
function isShortForm(candidate: string): boolean {
  return SHORT_FORM.test(candidate) && /\p{Lu}/u.test(candidate) && /^\p{Lu}/u.test(candidate);
}

/**
 * The long form for `short` at the end of `before`, or undefined: the algorithm's matching from the
 * last character of each, every short-form letter found in the long form in order, the first one
 * at the start of a word.
 */
export function bestLongForm(short: string, before: string): string | undefined {
  const words = before.trimEnd().split(/\s+/);
  const letters = short.replace(/[^\p{L}\p{N}]/gu, '').length;
  // The paper's window: at most min(|A| + 5, |A| * 2) words.
  const window = Math.min(letters + 5, letters * 2);
  const candidate = words.slice(-window).join(' ');
  let s = short.length - 1;
  let l = candidate.length - 1;
  while (s >= 0) {
    const c = short.charAt(s).toLowerCase();
    if (!/[\p{L}\p{N}]/u.test(c)) {
      s--;
      continue;
    }
    while (
      l >= 0 &&
      (candidate.charAt(l).toLowerCase() !== c || (s === 0 && l > 0 && /[\p{L}\p{N}]/u.test(candidate.charAt(l - 1))))
    ) {
      l--;
    }
    if (l < 0) return undefined;
    l--;
    s--;
  }
  const start = candidate.lastIndexOf(' ', l) + 1;
  const long = candidate.slice(start).replace(/^[^\p{L}\p{N}]+/u, '');
  if (long.length <= short.length) return undefined;
  // A long form that swallows a clause ("said the Freedom Online Coalition") starts at a capital.
  const firstCapital = long.search(/(?:^|\s)\p{Lu}/u);
  if (firstCapital < 0) return undefined;
  const trimmed = long.slice(firstCapital).trimStart();
  return /^\p{Lu}/u.test(trimmed) && trimmed.split(/\s+/).length >= 2 ? trimmed : undefined;
}

/** Every "Long Form (LF)" definition in `sentence`, in order. */
export function acronymDefinitions(sentence: string): AcronymDefinition[] {
  const found: AcronymDefinition[] = [];
  for (const match of sentence.matchAll(/\(([^()]{2,10})\)/g)) {
    const short = (match[1] ?? '').trim();
    if (!isShortForm(short)) continue;
    const long = bestLongForm(short, sentence.slice(0, match.index));
    if (long !== undefined) found.push({ short, long });
  }
  return found;
}
