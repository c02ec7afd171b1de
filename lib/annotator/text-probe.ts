// Reads a document's text for one question, without writing anything: may it hold a name? The
// probe content script asks it in every frame, so that only frames that may load the highlighter.
// Text is read as the annotator would (open shadow roots included; scripts, styles and templates
// not), in pieces that overlap, so that a name cut by a piece's end is still whole in the next.

/** Elements whose text is never shown as text. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template']);
/**
 * Read in pieces, the first small and each twice the one before up to the largest, so that a page
 * with a name near its top is answered after a few hundred words, and a long page without one in
 * a few dozen tests.
 */
const FIRST_PIECE = 1024;
const LARGEST_PIECE = 16_384;
/** Each piece starts with the end of the one before: longer than any name in several words. */
const OVERLAP = 256;
/** Only where a letter or digit meets a letter or digit can markup cut a word in two. */
const WORD_EDGE = /[\p{L}\p{N}\p{M}]/u;

export interface ProbeResult {
  /** The test held for some text. */
  found: boolean;
  /** Custom elements without a shadow root yet: they may attach one later, with text in it. */
  waiting: Element[];
}

/**
 * Whether `test` holds for the text under `root`. Text nodes are read with a space between each
 * (a line break or a block between two words parts them) and, where a letter meets a letter at the
 * edge of two nodes, also joined as they stand (a word cut by inline markup, "Ger<b>many</b>", is
 * whole), so that either reading the annotator may make of them is tested.
 */
export function probeText(
  root: Node,
  test: (text: string) => boolean,
  maxChars = Number.POSITIVE_INFINITY,
): ProbeResult {
  let read = 0;
  const waiting: Element[] = [];
  let spaced = '';
  let joined = '';
  /** Whether a word may be cut at an edge in this piece: only then is the joined text read. */
  let cut = false;
  let piece = FIRST_PIECE;
  const flush = (): boolean => {
    const found = test(spaced) || (cut && test(joined));
    spaced = spaced.slice(-OVERLAP);
    joined = joined.slice(-OVERLAP);
    cut = false;
    piece = Math.min(piece * 2, LARGEST_PIECE);
    return found;
  };
  const visit = (start: Node): boolean => {
    const doc = start.ownerDocument ?? (start as Document);
    const walker = doc.createTreeWalker(start, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.nodeType === Node.ELEMENT_NODE && SKIPPED.has((node as Element).localName)
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        const data = (node as Text).data;
        if (joined !== '' && WORD_EDGE.test(joined.slice(-1)) && WORD_EDGE.test(data.charAt(0))) cut = true;
        spaced += ` ${data}`;
        joined += data;
        read += data.length;
        if (spaced.length > piece && flush()) return true;
        if (read > maxChars) return false;
      } else {
        const el = node as Element;
        if (el.shadowRoot) {
          if (flush() || visit(el.shadowRoot)) return true;
        } else if (el.localName.includes('-')) waiting.push(el);
      }
    }
    return false;
  };
  const found = visit(root) || flush();
  return { found, waiting: found ? [] : waiting };
}

/** The text that page changes added or rewrote, for the same test. */
export function changedText(records: readonly MutationRecord[]): Node[] {
  const nodes: Node[] = [];
  for (const record of records) {
    if (record.type === 'characterData') nodes.push(record.target);
    else for (const node of record.addedNodes) nodes.push(node);
  }
  return nodes;
}
