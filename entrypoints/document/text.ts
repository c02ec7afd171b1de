// A bundled document as the viewer shows it: paragraphs with their offsets, and where a quote
// lies in the text. Pure: no DOM, no browser API.

export interface Span {
  start: number;
  end: number;
}

export interface Paragraph extends Span {
  text: string;
}

/**
 * The text's blank-line separated blocks, trimmed, with their offsets in the whole text. Single
 * line breaks stay inside their paragraph (captions, lists of names).
 */
export function paragraphs(text: string): Paragraph[] {
  const list: Paragraph[] = [];
  const blockBreak = /\n[ \t\r]*\n\s*/g;
  let from = 0;
  for (;;) {
    const found = blockBreak.exec(text);
    const to = found ? found.index : text.length;
    const block = text.slice(from, to);
    const lead = block.length - block.trimStart().length;
    const trimmed = block.trim();
    if (trimmed) list.push({ start: from + lead, end: from + lead + trimmed.length, text: trimmed });
    if (!found) return list;
    from = found.index + found[0].length;
  }
}

export interface QuoteMatch extends Span {
  /** False when only a looser comparison found it (other spacing or quote marks). */
  exact: boolean;
}

const APOSTROPHES = /[\u2018\u2019\u02BC`]/;
const QUOTES = /[\u201C\u201D\u00AB\u00BB]/;

/** One character of text as the loose comparison sees it. */
function loose(char: string): string {
  if (/\s/.test(char)) return ' ';
  if (APOSTROPHES.test(char)) return "'";
  if (QUOTES.test(char)) return '"';
  if (char === '\u2013' || char === '\u2014') return '-';
  return char;
}

/** The text with runs of spaces as one, and where each of its characters came from. */
function looseText(text: string): { text: string; at: number[] } {
  let out = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = loose(text[i] as string);
    if (char === ' ' && out.endsWith(' ')) continue;
    out += char;
    at.push(i);
  }
  return { text: out, at };
}

/**
 * Where the quote is in the text: word for word if it is there, else ignoring differences of
 * spacing, line breaks, curly or straight quote marks and dashes. Null when it is not there at all.
 */
export function findQuote(text: string, quote: string): QuoteMatch | null {
  const wanted = quote.trim();
  if (!wanted) return null;
  const exact = text.indexOf(wanted);
  if (exact >= 0) return { start: exact, end: exact + wanted.length, exact: true };
  const hay = looseText(text);
  const needle = looseText(wanted).text;
  const at = hay.text.indexOf(needle);
  if (at < 0) return null;
  const start = hay.at[at] as number;
  const end = (hay.at[at + needle.length - 1] as number) + 1;
  return { start, end, exact: false };
}

export interface Piece {
  text: string;
  marked: boolean;
}

/** The paragraph cut where the span begins and ends inside it. */
export function pieces(paragraph: Paragraph, span: Span | null): Piece[] {
  if (!span || span.end <= paragraph.start || span.start >= paragraph.end) {
    return [{ text: paragraph.text, marked: false }];
  }
  const from = Math.max(span.start, paragraph.start) - paragraph.start;
  const to = Math.min(span.end, paragraph.end) - paragraph.start;
  return [
    { text: paragraph.text.slice(0, from), marked: false },
    { text: paragraph.text.slice(from, to), marked: true },
    { text: paragraph.text.slice(to), marked: false },
  ].filter((piece) => piece.text.length > 0);
}
