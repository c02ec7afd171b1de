// Files to documents: each checked (size, empty, binary, UTF-8), given a title and a date where it
// states one, its text kept verbatim so every quote is found in it again. Pure: HTML and PDF are read
// by the parsers the caller passes (jsdom and pdfjs-dist in Node, DOMParser on the options page).
import type { SourceDocument } from './build';

/** The stated limit: a larger file is not read at all. */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type DocumentKind = 'txt' | 'md' | 'html' | 'pdf';

export type DocumentProblem =
  | 'unsupported'
  | 'too-large'
  | 'empty'
  | 'binary'
  | 'not-utf8'
  | 'no-text-layer'
  | 'unreadable'
  | 'duplicate'
  | 'no-entities';

export type ReadResult =
  | { ok: true; document: SourceDocument }
  | { ok: false; problem: DocumentProblem; detail: string };

/** What the message for each problem says, in words a user can act on. */
export function describeProblem(problem: DocumentProblem): string {
  return {
    unsupported: 'not a .txt, .md, .html or .pdf file',
    'too-large': `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB, the limit for one document`,
    empty: 'the file is empty (no text)',
    binary: 'a binary file, not text',
    'not-utf8': 'the text is not UTF-8: save it as UTF-8 and add it again',
    'no-text-layer': 'the PDF has no text layer (a scan?): run OCR on it first',
    unreadable: 'the file could not be read',
    duplicate: 'the same text as another document',
    'no-entities': 'no country, person, organization or initiative found in it',
  }[problem];
}

export function kindOf(fileName: string): DocumentKind | undefined {
  const extension = fileName.toLowerCase().split('.').at(-1);
  if (extension === 'txt' || extension === 'text') return 'txt';
  if (extension === 'md' || extension === 'markdown') return 'md';
  if (extension === 'html' || extension === 'htm') return 'html';
  if (extension === 'pdf') return 'pdf';
  return undefined;
}

/** A document id from its file name: lowercase letters, digits and hyphens. */
export function documentId(fileName: string): string {
  const base = fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
  const id = base
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/, '');
  return id || 'document';
}

/** Text bytes as a string, or why not: NUL bytes or many control characters say binary. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; problem: DocumentProblem } {
  if (bytes.length === 0) return { ok: false, problem: 'empty' };
  const sample = bytes.subarray(0, 8192);
  let control = 0;
  for (const byte of sample) {
    if (byte === 0) return { ok: false, problem: 'binary' };
    if (byte < 9 || (byte > 13 && byte < 32)) control++;
  }
  if (control > sample.length * 0.1) return { ok: false, problem: 'binary' };
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
    return text.trim() === '' ? { ok: false, problem: 'empty' } : { ok: true, text: text.replace(/\r\n?/g, '\n') };
  } catch {
    return { ok: false, problem: 'not-utf8' };
  }
}

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const MONTH =
  '(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?';
const monthNumber = (name: string) => MONTHS.findIndex((month) => month.startsWith(name.toLowerCase().slice(0, 3))) + 1;
const pad = (n: number) => String(n).padStart(2, '0');
const valid = (y: number, m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31 && y >= 1900 && y <= 2100;

/** The first date the document's opening states, as YYYY-MM-DD, or undefined. */
export function statedDate(text: string): string | undefined {
  const head = text.slice(0, 3000);
  const patterns: [RegExp, (m: RegExpMatchArray) => [number, number, number]][] = [
    [/\b(\d{4})-(\d{1,2})-(\d{1,2})\b/, (m) => [Number(m[1]), Number(m[2]), Number(m[3])]],
    [new RegExp(`\\b${MONTH} (\\d{1,2}),? (\\d{4})\\b`), (m) => [Number(m[3]), monthNumber(m[1] ?? ''), Number(m[2])]],
    [new RegExp(`\\b(\\d{1,2}) ${MONTH},? (\\d{4})\\b`), (m) => [Number(m[3]), monthNumber(m[2] ?? ''), Number(m[1])]],
  ];
  let best: { at: number; date: string } | undefined;
  for (const [pattern, parts] of patterns) {
    const match = head.match(pattern);
    if (!match || match.index === undefined) continue;
    const [y, m, d] = parts(match);
    if (valid(y, m, d) && (!best || match.index < best.at))
      best = { at: match.index, date: `${y}-${pad(m)}-${pad(d)}` };
  }
  return best?.date;
}

/** The title a text states: a Markdown heading, or its first short line; else the file's name. */
export function statedTitle(text: string, fileName: string, kind: DocumentKind): string {
  const lines = text.split('\n').map((line) => line.trim());
  if (kind === 'md') {
    const heading = lines.find((line) => /^#{1,2}\s+\S/.test(line));
    if (heading) return heading.replace(/^#+\s+/, '');
  }
  const first = lines.find((line) => line !== '');
  if (first && first.length <= 200) return first.replace(/^#+\s+/, '');
  return fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]+$/, '');
}

/** A text document (.txt or .md), checked, with its title and date. */
export function readTextDocument(fileName: string, bytes: Uint8Array): ReadResult {
  const kind = kindOf(fileName);
  if (kind !== 'txt' && kind !== 'md')
    return { ok: false, problem: 'unsupported', detail: describeProblem('unsupported') };
  const checked = checkSize(bytes);
  if (checked) return checked;
  const decoded = decodeText(bytes);
  if (!decoded.ok) return { ok: false, problem: decoded.problem, detail: describeProblem(decoded.problem) };
  return { ok: true, document: documentOf(fileName, decoded.text, kind) };
}

export function checkSize(bytes: { length: number }): ReadResult | undefined {
  if (bytes.length > MAX_DOCUMENT_BYTES)
    return { ok: false, problem: 'too-large', detail: describeProblem('too-large') };
  if (bytes.length === 0) return { ok: false, problem: 'empty', detail: describeProblem('empty') };
  return undefined;
}

/** A document from text already read (a pasted text, an article's readable text, a PDF's text layer). */
export function documentOf(
  fileName: string,
  text: string,
  kind: DocumentKind,
  stated: { title?: string; date?: string } = {},
): SourceDocument {
  const title = stated.title?.trim() || statedTitle(text, fileName, kind);
  const date = stated.date ?? statedDate(text);
  return { id: documentId(fileName), title, ...(date ? { date } : {}), text };
}

/**
 * Documents with unique ids ("report", "report-2") and without a second copy of the same text: the
 * copy is refused by name, so the user knows which file to drop.
 */
export function dedupe(documents: readonly { file: string; document: SourceDocument }[]): {
  kept: { file: string; document: SourceDocument }[];
  duplicates: { file: string; of: string }[];
} {
  const byText = new Map<string, string>();
  const ids = new Set<string>();
  const kept: { file: string; document: SourceDocument }[] = [];
  const duplicates: { file: string; of: string }[] = [];
  for (const item of documents) {
    const key = item.document.text.trim().replace(/\s+/g, ' ');
    const first = byText.get(key);
    if (first !== undefined) {
      duplicates.push({ file: item.file, of: first });
      continue;
    }
    byText.set(key, item.file);
    let id = item.document.id;
    for (let n = 2; ids.has(id); n++) id = `${item.document.id.slice(0, 76)}-${n}`;
    ids.add(id);
    kept.push({ file: item.file, document: { ...item.document, id } });
  }
  return { kept, duplicates };
}
