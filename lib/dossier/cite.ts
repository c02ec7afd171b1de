// A role with its quote and its source, as a reader takes it away: Markdown and HTML. Pure.
//
// The clipboard gets both (components/copy-button.tsx): text/plain holds the Markdown, which reads
// as plain text too and pastes as itself into Markdown editors, chat and plain text fields;
// text/html holds the same as a quote with its citation for word processors and mail.
import type { CitedDocument } from '../knowledge/card-data';
import { markdownQuote, markdownText } from './markdown';

export interface CitedRole {
  /** The entity the role is of. */
  entityName: string;
  /** The role in a short sentence. */
  text: string;
  quote: string;
  document: CitedDocument;
}

/** "Title, Publisher, 2022-04-28 (pack: Name)": the document as a citation names it. */
export function citationParts(document: CitedDocument): { title: string; rest: string[] } {
  const rest = [document.publisher, document.date].filter((part): part is string => Boolean(part));
  if (!document.bundled) rest.push(`pack: ${document.packName}`);
  return { title: document.title, rest };
}

export function citationText(document: CitedDocument): string {
  const { title, rest } = citationParts(document);
  return [title, ...rest].join(', ');
}

export function roleMarkdown(role: CitedRole): string {
  const { title, rest } = citationParts(role.document);
  const source = [`*${markdownText(title)}*`, ...rest.map(markdownText)].join(', ');
  return `**${markdownText(role.entityName)}**: ${markdownText(role.text)}\n\n${markdownQuote(role.quote)}\n\n— ${source}\n`;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML text: never markup. */
export function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c] ?? c);
}

export function roleHtml(role: CitedRole): string {
  const { title, rest } = citationParts(role.document);
  const source = [`<cite>${htmlText(title)}</cite>`, ...rest.map(htmlText)].join(', ');
  const quote = htmlText(role.quote).replace(/\r\n|\r|\n/g, '<br>');
  return `<p><strong>${htmlText(role.entityName)}</strong>: ${htmlText(role.text)}</p><blockquote>${quote}</blockquote><p>— ${source}</p>`;
}
