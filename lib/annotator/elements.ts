// Which elements of a page hold text that is ours to read, and which of them end a run of text.
import { UI_ATTRIBUTE } from './dom-contract';

// Text inside these is code, form state, not rendered, or not ours to decorate.
const EXCLUDED_TAGS = new Set([
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'button',
  'code',
  'pre',
  'kbd',
  'samp',
  'iframe',
  'object',
  'embed',
  'canvas',
  'svg',
  'math',
  'head',
  'title',
  'audio',
  'video',
  'mark',
]);

// Inline elements do not end a run of text: "<b>Antony</b> Blinken" reads as one name.
const INLINE_TAGS = new Set([
  'a',
  'abbr',
  'b',
  'bdi',
  'bdo',
  'big',
  'cite',
  'data',
  'del',
  'dfn',
  'em',
  'font',
  'i',
  'ins',
  'label',
  'nobr',
  'q',
  'ruby',
  'rb',
  'rt',
  's',
  'small',
  'span',
  'strike',
  'strong',
  'sub',
  'sup',
  'time',
  'tt',
  'u',
  'var',
  'wbr',
  'acronym',
]);

export function isInline(node: Node): boolean {
  return node instanceof Element && INLINE_TAGS.has(node.localName);
}

export function isExcludedElement(el: Element): boolean {
  if (EXCLUDED_TAGS.has(el.localName)) return true;
  if (el.hasAttribute(UI_ATTRIBUTE) || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/**
 * Only HTML pages are ours to highlight. Raw XML is shown by the browser's own viewer, built from
 * the document (and kept in it for others to read); an SVG file is a drawing.
 */
export function isHtmlDocument(doc: Document): boolean {
  return doc.contentType === 'text/html' || doc.contentType === 'application/xhtml+xml';
}

export function isInsideExcluded(node: Node, root: Node): boolean {
  for (let el = node.parentElement; el; el = el.parentElement) {
    if (isExcludedElement(el)) return true;
    if (el === root) return false;
  }
  return false;
}

/** The nearest element around `node` that starts a run of text of its own, at most `root`. */
export function blockAround(node: Node, root: Node): Node {
  let current = node;
  while (current !== root && current.parentNode && (current.nodeType === Node.TEXT_NODE || isInline(current))) {
    current = current.parentNode;
  }
  return current;
}
