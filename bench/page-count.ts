// The bench page's own count of what should be marked, and of what is: the matcher over the runs
// of text as the README defines them, and the marks in the page (a name split over elements
// counts once). Bundled into bench/page.ts.
import { countMentions } from '../lib/annotator/annotator';
import type { Matcher } from '../lib/matcher/matcher';

export const MARKS = 'mark.gloss-mark';
/** What the README promises is never marked; checked after every run. */
export const EXCLUDED_ZONES = [
  'input',
  'textarea',
  'select',
  'button',
  'code',
  'pre',
  'kbd',
  'script',
  'style',
  '[hidden]',
  '[aria-hidden="true"]',
  '[contenteditable="true"]',
  'mark:not(.gloss-mark)',
]
  .map((s) => `${s} ${MARKS}`)
  .join(', ');

// ---------------------------------------------------------------------------------------------
// The matcher's own count: the runs of text as the README defines them (text joined across
// inline elements, split at blocks and at excluded elements), each given to Matcher.find in
// document order with one context for the page. Written here from the README, independently of
// the annotator's code, so the two can disagree. (The fixtures have no <br>, whose handling
// inside a run this does not model.)

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
const INLINE_TAGS = new Set(
  'a abbr b bdi bdo big cite data del dfn em font i ins label nobr q ruby rb rt s small span strike strong sub sup time tt u var wbr acronym'.split(
    ' ',
  ),
);

function excluded(el: Element): boolean {
  if (el.localName === 'mark' && el.classList.contains('gloss-mark')) return false;
  if (EXCLUDED_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('data-gloss-ui') || el.hasAttribute('hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable !== 'false';
}

/** Our own marks read as inline: the count is the same before and after annotation. */
function inline(el: Element): boolean {
  return INLINE_TAGS.has(el.localName) || (el.localName === 'mark' && el.classList.contains('gloss-mark'));
}

function textRuns(root: Element): string[] {
  const runs: string[] = [];
  let current = '';
  const flush = () => {
    if (current !== '') runs.push(current);
    current = '';
  };
  const visit = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        current += (child as Text).data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const el = child as Element;
        if (excluded(el)) {
          flush();
        } else if (inline(el)) {
          visit(el);
        } else {
          flush();
          visit(el);
          flush();
        }
      }
    }
  };
  visit(root);
  flush();
  return runs;
}

export interface Counts {
  total: number;
  byEntity: Record<string, number>;
}

export function matcherCount(matcher: Matcher, root: Element): Counts {
  const context = new Set<string>();
  const byEntity: Record<string, number> = {};
  let total = 0;
  for (const run of textRuns(root)) {
    for (const match of matcher.find(run, context)) {
      total++;
      byEntity[match.entityId] = (byEntity[match.entityId] ?? 0) + 1;
    }
  }
  return { total, byEntity };
}

export function markCount(root: ParentNode): Counts {
  return countsOf(countMentions(root));
}

export function countsOf(counts: Map<string, number>): Counts {
  const byEntity: Record<string, number> = {};
  let total = 0;
  for (const [id, n] of counts) {
    byEntity[id] = n;
    total += n;
  }
  return { total, byEntity };
}
