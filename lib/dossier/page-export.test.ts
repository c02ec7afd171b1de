import { describe, expect, it } from 'vitest';
import { bundledPack } from '../knowledge/bundled';
import { type CardData, cardDataOf } from '../knowledge/card-data';
import { Knowledge } from '../knowledge/knowledge';
import { parseCsv } from './csv-read';
import { unescapeMarkdown } from './markdown';
import {
  CSV_HEADER,
  type ExportedPage,
  exportFileName,
  exportPage,
  pageCsv,
  pageJson,
  pageMarkdown,
} from './page-export';

const knowledge = new Knowledge([bundledPack]);
const card = (id: string): CardData => {
  const data = cardDataOf(knowledge, id);
  if (!data) throw new Error(id);
  return data;
};
// A role whose text a spreadsheet would run, as a hostile pack could write it.
const hostile: CardData = {
  ...card('country:br'),
  roles: [
    { ...card('country:br').roles[0], text: '=HYPERLINK("http://evil","click")', quote: '@SUM(1,2)\n"line"' },
  ] as CardData['roles'],
};
const page: ExportedPage = {
  url: 'https://news.example/a?b=1',
  exportedAt: '2026-12-06T03:20:00.000Z',
  entities: [
    { card: card('country:br'), mentions: 3 },
    { card: card('initiative:dfi'), mentions: 1 },
  ],
};

describe('pageCsv', () => {
  it('has a header and one record per role, every field as it is', () => {
    const records = parseCsv(pageCsv(page));
    expect(records[0]).toEqual([...CSV_HEADER]);
    const roles = page.entities.flatMap((e) => e.card.roles.map((role) => ({ entity: e, role })));
    expect(records).toHaveLength(1 + roles.length);
    const [entity, type, mentions, role, quote, document] = records[1] ?? [];
    expect([entity, type, mentions]).toEqual(['Brazil', 'country', '3']);
    expect(role).toBe(roles[0]?.role.text);
    expect(quote).toBe(roles[0]?.role.quote);
    expect(document).toBe(roles[0]?.role.document.title);
    expect(records.every((r) => r.length === CSV_HEADER.length)).toBe(true);
  });

  it('defuses formulas and quotes what needs quoting', () => {
    const csv = pageCsv({ ...page, entities: [{ card: hostile, mentions: 1 }] });
    const [, record] = parseCsv(csv);
    expect(record?.[3]).toBe(`'=HYPERLINK("http://evil","click")`);
    expect(record?.[4]).toBe(`'@SUM(1,2)\n"line"`);
  });
});

describe('pageMarkdown and pageJson', () => {
  it('gives each entity with its type, mentions, roles, quotes and documents', () => {
    const md = unescapeMarkdown(pageMarkdown(page));
    expect(md).toContain('## Brazil\n\ncountry, 3 mentions');
    expect(md).toContain('## Declaration for the Future of the Internet\n\ninitiative, 1 mention\n');
    for (const { card: c } of page.entities) {
      for (const role of c.roles) {
        expect(md).toContain(role.text);
        expect(md).toContain(role.document.title);
      }
    }
    const json = JSON.parse(pageJson(page));
    expect(json.url).toBe(page.url);
    expect(json.entities.map((e: { id: string; mentions: number }) => [e.id, e.mentions])).toEqual([
      ['country:br', 3],
      ['initiative:dfi', 1],
    ]);
    expect(json.entities[0].roles[0].quote).toBe(page.entities[0]?.card.roles[0]?.quote);
    expect(exportPage(page, 'json')).toBe(pageJson(page));
  });
});

describe('exportFileName', () => {
  it('names the site and the day', () => {
    expect(exportFileName(page.url, page.exportedAt, 'csv')).toBe('gloss-news.example-2026-12-06.csv');
    expect(exportFileName('not a url', page.exportedAt, 'markdown')).toBe('gloss-page-2026-12-06.md');
  });
});
