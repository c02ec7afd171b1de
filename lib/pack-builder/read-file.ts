// One file to one document, or the reason it cannot be one. The parsers come from the caller: see
// documents.ts, html.ts and pdf.ts.
import {
  checkSize,
  decodeText,
  describeProblem,
  documentOf,
  kindOf,
  type ReadResult,
  readTextDocument,
} from './documents';
import { readableArticle } from './html';
import { htmlText } from './html-text';
import { type GetDocument, pdfText } from './pdf';

export interface Parsers {
  /** HTML text to a document for Readability (jsdom's `new JSDOM(html).window.document`); without it, html-text.ts. */
  parseHtml?: (html: string) => Document;
  getDocument?: GetDocument;
}

const refuse = (problem: Parameters<typeof describeProblem>[0], detail = describeProblem(problem)): ReadResult => ({
  ok: false,
  problem,
  detail,
});

export async function readDocumentFile(fileName: string, bytes: Uint8Array, parsers: Parsers): Promise<ReadResult> {
  const kind = kindOf(fileName);
  if (kind === undefined) return refuse('unsupported');
  if (kind === 'txt' || kind === 'md') return readTextDocument(fileName, bytes);
  const checked = checkSize(bytes);
  if (checked) return checked;
  if (kind === 'html') {
    const decoded = decodeText(bytes);
    if (!decoded.ok) return refuse(decoded.problem);
    // Readability where there is a DOM to give it (the CLI's jsdom); the pure reader in the extension.
    const article = parsers.parseHtml ? readableArticle(parsers.parseHtml(decoded.text)) : htmlText(decoded.text);
    if (article.text.trim() === '') return refuse('empty', 'the page has no readable text');
    return { ok: true, document: documentOf(fileName, article.text, kind, article) };
  }
  if (!parsers.getDocument) return refuse('unsupported', 'PDF cannot be read here');
  if (new TextDecoder().decode(bytes.subarray(0, 5)) !== '%PDF-') return refuse('unreadable', 'not a PDF file');
  try {
    const { text, title } = await pdfText(bytes, parsers.getDocument);
    if (text.trim() === '') return refuse('no-text-layer');
    return { ok: true, document: documentOf(fileName, text, kind, title ? { title } : {}) };
  } catch (error) {
    return refuse(
      'unreadable',
      `the PDF could not be read (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}
