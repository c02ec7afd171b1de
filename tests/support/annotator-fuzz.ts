// Random documents and page changes for the annotator's fuzz tests (annotator.fuzz.test.ts): the
// arbitraries, a copy of each page that runs the same changes without Gloss, and the checks.
import fc from 'fast-check';
import { expect } from 'vitest';
import { type Annotator, countMentions, MARK_CLASS } from '../../lib/annotator/annotator';
import { matcherAliases } from '../../lib/knowledge/pack';
import { Matcher } from '../../lib/matcher/matcher';

/** Fixed so a failure reproduces; FUZZ_SEED=n explores other documents. */
export const SEED = Number(process.env.FUZZ_SEED ?? 20240611);

export const aliases = matcherAliases();
export const matcher = new Matcher(aliases);

// Text tokens. Names of every kind from the pack, and the near-misses a page is full of.
export const aliasTexts = [...new Set(aliases.filter((a) => a.kind !== 'demonym').map((a) => a.text))];
export const FAVOURITES = [
  'Canada',
  'United States',
  'U.S.',
  'US',
  'New Zealand',
  'New',
  'Zealand',
  'Antony Blinken',
  'Antony',
  'Blinken',
  'Samantha Power',
  'Samantha',
  'Power',
  'Zhao Lijian',
  'Zhao',
  'Georgia',
  'Beijing',
  'Washington',
  'EU',
  'UN',
  'Freedom Online Coalition',
  'Coalition',
  'Declaration for the Future of the Internet',
  'Declaration',
  'China',
  "China's",
  'China’s',
];
export const NEAR_MISSES = [
  'us',
  'Us',
  'USB',
  'un-',
  'Eu',
  'focus',
  'Canadas',
  'Zealandia',
  'NewZealand',
  'Powerful',
  'Purchasing Power',
  'JOIN US',
  'washingtonpost.com',
  '#Canada',
  '@China',
  'mail@us.gov',
  'the',
  'and',
  'of',
  'said',
  '2022',
];
// Markup that decodes to text: entities the parser turns into letters, spaces and invisibles.
export const ENTITY_TOKENS = [
  '&amp;',
  '&nbsp;',
  '&lt;b&gt;',
  '&quot;',
  '&#39;s',
  '&rsquo;s',
  '&shy;',
  '&#8203;',
  '&eacute;',
  '&#85;&#46;&#83;&#46;',
  'Can&#97;da',
  'New&nbsp;Zealand',
  'Samantha&#10;Power',
];
export const SPACES = [' ', ' ', '  ', '\u00a0', '\n', '\n  ', '\t', '\u2009'];

export function escapeText(text: string): string {
  return text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c] as string);
}

export const plainWord = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FAVOURITES) },
  { weight: 3, arbitrary: fc.constantFrom(...aliasTexts) },
  { weight: 3, arbitrary: fc.constantFrom(...NEAR_MISSES) },
);
export const token = fc.oneof(
  { weight: 6, arbitrary: plainWord.map(escapeText) },
  { weight: 1, arbitrary: fc.constantFrom(...ENTITY_TOKENS) },
);
/** Words with whitespace of every kind between them; the HTML for a text node. */
export const textHtml = fc
  .array(fc.tuple(token, fc.constantFrom(...SPACES, '', ', ', '. ')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.map(([word, space]) => word + space).join(''));

export type Tree =
  | { kind: 'text'; html: string }
  | { kind: 'raw'; html: string }
  | { kind: 'element'; open: string; close: string; children: Tree[] }
  | { kind: 'table'; rows: Tree[][][] };

export const INLINE = ['b', 'i', 'span', 'a href="#x"', 'em', 'strong', 'small', 'sub', 'label'];
export const BLOCK = ['div', 'p', 'li', 'h2', 'blockquote', 'section', 'x-widget', 'span contenteditable="false"'];
// Where nothing of ours may ever appear.
export const EXCLUDED_CONTAINERS = [
  'code',
  'pre',
  'kbd',
  'button',
  'div contenteditable="true"',
  'span contenteditable=""',
  'p contenteditable="plaintext-only"',
  'div hidden',
  'span aria-hidden="true"',
  'div data-gloss-ui',
  'mark',
  'noscript',
];
// Elements whose content is text only (or void): written as whole pieces of markup.
export const RAW = fc.oneof(
  fc.constant('<br>'),
  fc.constant('<br>'),
  fc.constant('<wbr>'),
  textHtml.map((t) => `<!-- ${t.replace(/-/g, '')} -->`),
  textHtml.map((t) => `<textarea>${t}</textarea>`),
  textHtml.map((t) => `<input value="${t.replace(/"/g, '&quot;')}">`),
  textHtml.map((t) => `<select><option>${t}</option></select>`),
  textHtml.map((t) => `<script>var x = "${t.replace(/[<"\\\n]/g, '')}";</script>`),
  textHtml.map((t) => `<style>.x${t.replace(/[^A-Za-z]/g, '')} { color: red }</style>`),
  textHtml.map((t) => `<img alt="${t.replace(/"/g, '&quot;')}">`),
  textHtml.map((t) => `<svg><text>${t}</text></svg>`),
);

export const tree: fc.Arbitrary<Tree> = fc.letrec<{ node: Tree }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { weight: 5, arbitrary: textHtml.map((html) => ({ kind: 'text' as const, html })) },
    { weight: 2, arbitrary: RAW.map((html) => ({ kind: 'raw' as const, html })) },
    {
      weight: 4,
      arbitrary: fc
        .record({
          tag: fc.constantFrom(...INLINE, ...INLINE, ...BLOCK, ...EXCLUDED_CONTAINERS),
          children: fc.array(tie('node'), { maxLength: 3 }),
        })
        .map(({ tag, children }) => ({
          kind: 'element' as const,
          open: `<${tag}>`,
          close: `</${tag.split(' ')[0]}>`,
          children,
        })),
    },
    {
      weight: 1,
      arbitrary: fc
        .array(fc.array(fc.array(tie('node'), { maxLength: 2 }), { minLength: 1, maxLength: 2 }), {
          minLength: 1,
          maxLength: 2,
        })
        .map((rows) => ({ kind: 'table' as const, rows })),
    },
  ),
})).node;

export function render(node: Tree): string {
  switch (node.kind) {
    case 'text':
    case 'raw':
      return node.html;
    case 'element':
      return node.open + node.children.map(render).join('') + node.close;
    case 'table':
      return `<table><tbody>${node.rows
        .map((row) => `<tr>${row.map((cell) => `<td>${cell.map(render).join('')}</td>`).join('')}</tr>`)
        .join('')}</tbody></table>`;
  }
}

/**
 * How a page splits its text: frameworks hold text in several adjacent nodes, some of them empty.
 * Each entry picks a text node (modulo their number) and an offset (modulo its length + 1).
 */
export const splits = fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 6 });

export const documentArb = fc.record({ nodes: fc.array(tree, { minLength: 1, maxLength: 5 }), splits });

/** Parses like a page load, so entities, comments and the parser's own fix-ups are real. */
export function load(html: string, splitAt: readonly [number, number][]): void {
  const parsed = new DOMParser().parseFromString(`<!doctype html><body>${html}</body>`, 'text/html');
  document.body.replaceChildren(...parsed.body.childNodes);
  for (const [which, offset] of splitAt) {
    const texts = textNodes(document.body);
    if (texts.length === 0) return;
    const text = texts[which % texts.length] as Text;
    text.splitText(offset % (text.data.length + 1));
  }
}

export function textNodes(root: Node): Text[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const found: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push(n as Text);
  return found;
}

/** Every node under root in document order (elements, text, comments). */
export function allNodes(root: Node): Node[] {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_ALL);
  const found: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push(n);
  return found;
}

/** A structural snapshot that also sees how text is split into nodes, and comments. */
export function shape(node: Node): unknown {
  if (node.nodeType === Node.TEXT_NODE) return `#${(node as Text).data}`;
  if (node.nodeType === Node.COMMENT_NODE) return `<!--${(node as Comment).data}-->`;
  const el = node as Element;
  return [el.nodeName, [...el.attributes].map((a) => `${a.name}=${a.value}`), [...el.childNodes].map(shape)];
}

export function formState(root: ParentNode): string[] {
  return [...root.querySelectorAll('input, textarea, select')].map((el) => (el as HTMLInputElement).value);
}

export const marksIn = (root: ParentNode) => [...root.querySelectorAll(`mark.${MARK_CLASS}`)];

/**
 * What is not ours to mark, written out here rather than taken from the annotator, so that a
 * mistake there shows up here: code, form fields, what is not rendered, editors, our own UI.
 */
export const EXCLUDED_ZONES = [
  'script, style, noscript, template, textarea, input, select, option, button, code, pre, kbd, samp',
  'iframe, object, embed, canvas, svg, math, head, title, audio, video, mark',
  '[hidden], [aria-hidden="true"], [data-gloss-ui], [contenteditable]:not([contenteditable="false"])',
].join(', ');

export const isExcluded = (el: Element) => el.matches(EXCLUDED_ZONES);

/** A mark inside anything excluded, or inside another mark. */
export function misplacedMarks(root: ParentNode): string[] {
  const bad: string[] = [];
  for (const mark of marksIn(root)) {
    for (let el = mark.parentElement; el; el = el.parentElement) {
      if (isExcluded(el)) bad.push(`${mark.textContent} in <${el.localName}>`);
    }
  }
  return bad;
}

export interface Mention {
  entityId: string;
  text: string;
}

/** The marked mentions in document order, the pieces of a split name put together. */
export function markedMentions(root: ParentNode): Mention[] {
  const list: Mention[] = [];
  for (const mark of marksIn(root)) {
    const entityId = mark.getAttribute('data-entity') ?? '';
    const last = list[list.length - 1];
    if (mark.hasAttribute('data-gloss-continued') && last?.entityId === entityId) last.text += mark.textContent;
    else list.push({ entityId, text: mark.textContent ?? '' });
  }
  return list;
}

export const INLINE_TAGS = new Set(['a', 'b', 'i', 'span', 'em', 'strong', 'small', 'sub', 'label', 'wbr']);

/**
 * What a reader finds in the page, worked out independently of the annotator: runs of text end
 * at block and excluded elements (comments do not end them; a <br> is a line break inside one),
 * each run goes through the matcher in document order with one shared context.
 */
export function expectedMentions(root: Element): Mention[] {
  const runs: { text: string; inserted: Set<number> }[] = [];
  let text = '';
  let inserted = new Set<number>();
  let breakPending = false;
  const end = () => {
    if (text) runs.push({ text, inserted });
    text = '';
    inserted = new Set();
    breakPending = false;
  };
  const visit = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (breakPending && text) {
        inserted.add(text.length);
        text += '\n';
      }
      breakPending = false;
      text += (node as Text).data;
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const el = node as Element;
    if (isExcluded(el)) {
      end();
      return;
    }
    if (el.localName === 'br') {
      breakPending = true;
      return;
    }
    const inline = INLINE_TAGS.has(el.localName);
    if (!inline) end();
    for (const child of el.childNodes) visit(child);
    if (!inline) end();
  };
  for (const child of root.childNodes) visit(child);
  end();
  const context = new Set<string>();
  const found: Mention[] = [];
  for (const run of runs) {
    for (const m of matcher.find(run.text, context)) {
      let real = '';
      for (let i = m.start; i < m.end; i++) if (!run.inserted.has(i)) real += run.text[i];
      found.push({ entityId: m.entityId, text: real });
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// The page changes its DOM while the annotator watches.

/**
 * What a page does to its own nodes. Nodes are named by index into the page's own node list (the
 * nodes it parsed or made itself), the same list in the page with Gloss and in its copy without.
 */
export type PageOp =
  | { op: 'setData'; at: number; html: string }
  | { op: 'remove'; at: number }
  | { op: 'appendText'; at: number; html: string }
  | { op: 'appendParagraph'; at: number; html: string }
  | { op: 'insertBefore'; at: number; html: string }
  | { op: 'textContent'; at: number; html: string }
  | { op: 'toggle'; at: number; attribute: 'hidden' | 'contenteditable' | 'aria-hidden' }
  | { op: 'move'; at: number; to: number }
  | { op: 'wait' };

export const opArb: fc.Arbitrary<PageOp> = fc.oneof(
  fc.record({ op: fc.constant('setData' as const), at: fc.nat(), html: textHtml }),
  fc.record({ op: fc.constant('remove' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('appendText' as const), at: fc.nat(), html: textHtml }),
  fc.record({ op: fc.constant('appendParagraph' as const), at: fc.nat(), html: textHtml }),
  fc.record({ op: fc.constant('insertBefore' as const), at: fc.nat(), html: textHtml }),
  fc.record({ op: fc.constant('textContent' as const), at: fc.nat(), html: textHtml }),
  fc.record({
    op: fc.constant('toggle' as const),
    at: fc.nat(),
    attribute: fc.constantFrom('hidden' as const, 'contenteditable' as const, 'aria-hidden' as const),
  }),
  fc.record({ op: fc.constant('move' as const), at: fc.nat(), to: fc.nat() }),
  fc.constant({ op: 'wait' as const }),
  fc.constant({ op: 'wait' as const }),
);

/** Decodes the entities of a piece of text markup, as the page's own script would have them. */
export function decode(html: string): string {
  return new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html').body.textContent ?? '';
}

/** Applies one op to a page, given its own node list, which grows with the nodes it makes. */
export function apply(op: PageOp, own: Node[], doc: Document): void {
  if (op.op === 'wait') return;
  const target = own[op.at % own.length] as Node;
  const text = 'html' in op ? decode(op.html) : '';
  switch (op.op) {
    case 'setData':
      if (target.nodeType === Node.TEXT_NODE) (target as Text).data = text;
      return;
    case 'remove':
      (target as ChildNode).remove();
      return;
    case 'appendText': {
      if (target.nodeType !== Node.ELEMENT_NODE) return;
      const node = doc.createTextNode(text);
      target.appendChild(node);
      own.push(node);
      return;
    }
    case 'appendParagraph': {
      if (target.nodeType !== Node.ELEMENT_NODE) return;
      const p = doc.createElement('p');
      const node = doc.createTextNode(text);
      p.appendChild(node);
      target.appendChild(p);
      own.push(p, node);
      return;
    }
    case 'insertBefore': {
      if (!target.parentNode) return;
      const node = doc.createTextNode(text);
      target.parentNode.insertBefore(node, target);
      own.push(node);
      return;
    }
    case 'textContent': {
      if (target.nodeType !== Node.ELEMENT_NODE) return;
      (target as Element).textContent = text;
      // The element's new text node is the page's own too.
      if (target.firstChild) own.push(target.firstChild);
      return;
    }
    case 'move': {
      // Frameworks move nodes they own: sorting a list, re-parenting a paragraph.
      const to = own[op.to % own.length] as Node;
      if (to.nodeType !== Node.ELEMENT_NODE || target.contains(to)) return;
      to.appendChild(target);
      return;
    }
    case 'toggle': {
      if (target.nodeType !== Node.ELEMENT_NODE) return;
      const el = target as Element;
      if (el.hasAttribute(op.attribute)) el.removeAttribute(op.attribute);
      else el.setAttribute(op.attribute, op.attribute === 'aria-hidden' ? 'true' : '');
      return;
    }
  }
}

/** Loads a page, and a copy of it in a document of its own where Gloss never runs. */
export function pageAndCopy(nodes: readonly Tree[], splitAt: readonly [number, number][]) {
  load(nodes.map(render).join(''), splitAt);
  const body = document.body;
  const mirror = document.implementation.createHTMLDocument('');
  mirror.body.replaceChildren(...[...body.childNodes].map((n) => mirror.importNode(n, true)));
  const own = allNodes(body);
  const mirrorOwn = allNodes(mirror.body);
  expect(mirrorOwn.length).toBe(own.length);
  return { body, mirror, own, mirrorOwn };
}

/**
 * stop() leaves the page as its copy, shape for shape and node for node (where the copy has its
 * k-th own node, the page has its k-th own node), and nothing counted.
 */
export function expectStopRestores(
  annotator: Annotator,
  page: { body: HTMLElement; own: Node[] },
  copy: { body: HTMLElement; own: Node[] },
): void {
  annotator.stop();
  expect(shape(page.body)).toEqual(shape(copy.body));
  const index = new Map(copy.own.map((n, i) => [n, i]));
  expect(allNodes(page.body).map((n) => page.own.indexOf(n))).toEqual(
    allNodes(copy.body).map((n) => index.get(n) ?? -1),
  );
  expect(annotator.mentions().size).toBe(0);
}

export const settle = async (annotator: Annotator) => {
  // Mutation records are delivered in a microtask; the annotator's slices yield through tasks.
  await new Promise((resolve) => setTimeout(resolve, 0));
  await annotator.idle();
  await new Promise((resolve) => setTimeout(resolve, 0));
  await annotator.idle();
};

// ---------------------------------------------------------------------------------------------
// The same pages, dear to render: runs not near the viewport are counted and left for later.

/** Text nodes holding mentions not written yet that are not ours to hold: detached, excluded or in a mark. */
export function misplacedRuns(root: Element, annotator: Annotator): string[] {
  const bad: string[] = [];
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if (!annotator.unwrittenIn(text as Text)) continue;
    for (let el = text.parentElement; el && el !== root; el = el.parentElement) {
      if (isExcluded(el) || el.classList.contains(MARK_CLASS)) bad.push(`${text.textContent} in <${el.localName}>`);
    }
  }
  return bad;
}

/**
 * revealAll() writes every run held, each counted once, the text as the page wrote it; then
 * stop() gives back the page as it was.
 */
export async function expectAllWrittenThenStopRestores(
  annotator: Annotator,
  page: Parameters<typeof expectStopRestores>[1],
  copy: Parameters<typeof expectStopRestores>[2],
) {
  await annotator.revealAll();
  expect(annotator.hasUnwritten()).toBe(false);
  expect(annotator.mentions()).toEqual(countMentions(page.body));
  expect(misplacedMarks(page.body)).toEqual([]);
  expect(page.body.textContent).toBe(copy.body.textContent);
  expectStopRestores(annotator, page, copy);
}

/** Longer pages: enough runs with mentions that some are still left when the page is found dear. */
export const longDocumentArb = fc.record({ nodes: fc.array(tree, { minLength: 4, maxLength: 12 }), splits });
