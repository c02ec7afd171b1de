// An HTML page's readable text, by Mozilla's Readability (the reader view of Firefox): the article
// without menus, ads and footers. The caller parses the HTML (jsdom in Node, DOMParser on the
// options page: Workers have no DOM), so this module touches no global.
import { Readability } from '@mozilla/readability';

export interface Article {
  title?: string;
  date?: string;
  text: string;
}

const BLOCKS = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dt, dd';

/** The readable text of a parsed page, one paragraph a line, spaces inside a line collapsed. */
export function readableArticle(document: Document): Article {
  const published = document
    .querySelector('meta[property="article:published_time"], meta[name="date"], time[datetime]')
    ?.getAttribute(document.querySelector('time[datetime]') ? 'datetime' : 'content');
  // The article as a node of the (inert, parsed by the caller) document, not as an HTML string to
  // parse again: Readability's serializer gives the element itself.
  const article = new Readability(document.cloneNode(true) as Document, { serializer: (node: Node) => node }).parse();
  const root = (article?.content as Element | null | undefined) ?? document.body;
  const blocks = [...root.querySelectorAll(BLOCKS)].filter((block) => !block.querySelector(BLOCKS));
  const paragraphs = (blocks.length > 0 ? blocks : [root]).map((block) =>
    (block.textContent ?? '').replace(/\s+/g, ' ').trim(),
  );
  const text = paragraphs.filter((paragraph) => paragraph !== '').join('\n\n');
  const date = published?.match(/^\d{4}-\d{2}-\d{2}/)?.[0];
  return { text, ...(article?.title ? { title: article.title.trim() } : {}), ...(date ? { date } : {}) };
}
