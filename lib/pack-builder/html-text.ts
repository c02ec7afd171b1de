// An HTML page's text without a DOM, for the extension: Gloss's shipped code builds no markup from
// strings (no DOMParser, no innerHTML: lib/conventions.test.ts), and a Worker has no DOM anyway. The
// page's <article> (else <main>, else <body>) is kept, minus scripts, styles, menus, headers,
// footers and forms; block elements become paragraphs, one a line. The command line reads HTML with
// Readability and jsdom instead (html.ts), which also drops what a page marks up as plain divs.
import type { Article } from './html';

const DROPPED = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'nav',
  'header',
  'footer',
  'aside',
  'form',
  'button',
  'iframe',
  'select',
];
const BLOCK =
  /<\/?(?:p|div|section|article|main|li|ul|ol|h[1-6]|blockquote|pre|figure|figcaption|table|tr|td|th|dd|dt|dl|hr)\b[^>]*>/gi;

const NAMED: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
  mdash: '—',
  ndash: '–',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  laquo: '«',
  raquo: '»',
  eacute: 'é',
  egrave: 'è',
  agrave: 'à',
  ccedil: 'ç',
  uuml: 'ü',
  ouml: 'ö',
  auml: 'ä',
  copy: '©',
  shy: '\u00ad',
};

/** Character references decoded; an unknown name is left as written. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*);/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED[ref.toLowerCase()] ?? whole;
  });
}

const inner = (html: string, tag: string) => html.match(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'i'))?.[1];

/** The readable text of an HTML page, its title and its publication date where the page states them. */
export function htmlText(html: string): Article {
  const withoutComments = html.replace(/<!--[\s\S]*?-->/g, '');
  const title = inner(withoutComments, 'title') ?? inner(withoutComments, 'h1');
  const date =
    withoutComments.match(
      /<meta\b[^>]*property=["']article:published_time["'][^>]*content=["'](\d{4}-\d{2}-\d{2})/i,
    )?.[1] ?? withoutComments.match(/<time\b[^>]*datetime=["'](\d{4}-\d{2}-\d{2})/i)?.[1];
  let body =
    inner(withoutComments, 'article') ??
    inner(withoutComments, 'main') ??
    inner(withoutComments, 'body') ??
    withoutComments;
  for (const tag of DROPPED) body = body.replace(new RegExp(`<${tag}\\b[\\s\\S]*?</${tag}>`, 'gi'), ' ');
  const text = body
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK, '\n\n')
    .replace(/<[^>]*>/g, '')
    .split(/\n\s*\n/)
    .map((paragraph) => decodeEntities(paragraph).replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
    .join('\n\n');
  const plainTitle = title
    ? decodeEntities(title.replace(/<[^>]*>/g, ''))
        .replace(/\s+/g, ' ')
        .trim()
    : '';
  return { text, ...(plainTitle ? { title: plainTitle } : {}), ...(date ? { date } : {}) };
}
