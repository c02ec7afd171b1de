// "Export this page": the entities found on a page, with their roles, quotes and documents, as
// Markdown, CSV and JSON. Pure: the popup gives it the cards and counts, and downloads the text.
import type { CardData } from '../knowledge/card-data';
import { citationParts, citationText } from './cite';
import { toCsv } from './csv';
import { markdownQuote, markdownText } from './markdown';

export interface ExportedEntity {
  card: CardData;
  /** Mentions on the page. */
  mentions: number;
}

export interface ExportedPage {
  url: string;
  /** When the export was made, ISO 8601. */
  exportedAt: string;
  entities: readonly ExportedEntity[];
}

export type ExportFormat = 'markdown' | 'csv' | 'json';

export const EXPORT_FILES: Record<ExportFormat, { extension: string; mimeType: string }> = {
  markdown: { extension: 'md', mimeType: 'text/markdown' },
  csv: { extension: 'csv', mimeType: 'text/csv' },
  json: { extension: 'json', mimeType: 'application/json' },
};

/** The CSV's header: one record per role, the entity repeated on each. */
export const CSV_HEADER = [
  'entity',
  'type',
  'mentions',
  'role',
  'quote',
  'document',
  'publisher',
  'date',
  'pack',
  'entity id',
] as const;

export function pageCsv(page: ExportedPage): string {
  const records = page.entities.flatMap(({ card, mentions }) =>
    card.roles.map((role) => [
      card.name,
      card.type,
      mentions,
      role.text,
      role.quote,
      role.document.title,
      role.document.publisher ?? '',
      role.document.date ?? '',
      role.document.packName,
      card.id,
    ]),
  );
  return toCsv([CSV_HEADER, ...records]);
}

export function pageMarkdown(page: ExportedPage): string {
  const lines = [`# Gloss: ${markdownText(page.url)}`, '', `Exported ${page.exportedAt}.`, ''];
  for (const { card, mentions } of page.entities) {
    lines.push(
      `## ${markdownText(card.name)}`,
      '',
      `${card.type}, ${mentions} ${mentions === 1 ? 'mention' : 'mentions'}`,
      '',
    );
    for (const role of card.roles) {
      const { title, rest } = citationParts(role.document);
      const source = [`*${markdownText(title)}*`, ...rest.map(markdownText)].join(', ');
      lines.push(`- ${markdownText(role.text)}`, '', markdownQuote(role.quote), '', `  — ${source}`, '');
    }
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

export function pageJson(page: ExportedPage): string {
  const data = {
    url: page.url,
    exportedAt: page.exportedAt,
    entities: page.entities.map(({ card, mentions }) => ({
      id: card.id,
      name: card.name,
      type: card.type,
      mentions,
      pack: card.pack.name,
      roles: card.roles.map((role) => ({
        text: role.text,
        quote: role.quote,
        document: {
          id: role.document.id,
          title: role.document.title,
          publisher: role.document.publisher,
          date: role.document.date,
          pack: role.document.packName,
          citation: citationText(role.document),
        },
      })),
    })),
  };
  return `${JSON.stringify(data, null, 2)}\n`;
}

export function exportPage(page: ExportedPage, format: ExportFormat): string {
  return format === 'csv' ? pageCsv(page) : format === 'json' ? pageJson(page) : pageMarkdown(page);
}

/** "gloss-example.com-2026-12-06.csv": the site and the day, safe as a file name anywhere. */
export function exportFileName(url: string, exportedAt: string, format: ExportFormat): string {
  let site = 'page';
  try {
    site = new URL(url).hostname || 'page';
  } catch {
    // Not a URL: the generic name.
  }
  const safe = site.replace(/[^a-z0-9.-]+/gi, '-').slice(0, 60);
  return `gloss-${safe}-${exportedAt.slice(0, 10)}.${EXPORT_FILES[format].extension}`;
}
