// @vitest-environment jsdom
// Random documents through the annotator with the real matcher: whatever the markup, annotating
// never changes the text, never writes into excluded zones, gives the same marks twice, finds what
// a plain reading of the text finds, and clearing gives back the page's own nodes exactly. A
// second property lets the "page" mutate its DOM while the annotator watches, and compares with a
// copy of the page that ran the same mutations without Gloss.
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  allNodes,
  apply,
  documentArb,
  expectAllWrittenThenStopRestores,
  expectedMentions,
  expectStopRestores,
  formState,
  load,
  longDocumentArb,
  markedMentions,
  marksIn,
  matcher,
  misplacedMarks,
  misplacedRuns,
  opArb,
  pageAndCopy,
  render,
  SEED,
  settle,
  shape,
} from '../../tests/support/annotator-fuzz';
import { StandInIntersectionObserver } from '../../tests/support/stand-in-intersection-observer';
import { Annotator, countMentions } from './annotator';

afterEach(() => {
  document.body.replaceChildren();
});

describe('annotate → clear → annotate on random documents', () => {
  it('keeps text, form state and excluded zones, is idempotent and restores the very same nodes', () => {
    let documentsWithMarks = 0;
    let runs = 0;
    fc.assert(
      fc.property(documentArb, ({ nodes, splits: splitAt }) => {
        runs++;
        load(nodes.map(render).join(''), splitAt);
        const body = document.body;
        const original = shape(body);
        const originalNodes = allNodes(body);
        const text = body.textContent;
        const form = formState(body);
        const expected = expectedMentions(body);
        const annotator = new Annotator(body, { matcher });

        annotator.annotate();
        const marked = shape(body);
        const mentions = markedMentions(body);
        if (mentions.length > 0) documentsWithMarks++;
        expect(body.textContent).toBe(text);
        expect(formState(body)).toEqual(form);
        expect(misplacedMarks(body)).toEqual([]);
        expect(mentions).toEqual(expected);
        expect(annotator.mentions()).toEqual(countMentions(body));
        // Every node of the page is still in the page: we add nodes, we never take the page's away.
        expect(originalNodes.filter((n) => !n.isConnected)).toEqual([]);

        annotator.annotate();
        expect(shape(body)).toEqual(marked);

        annotator.clear();
        expect(shape(body)).toEqual(original);
        const restored = allNodes(body);
        expect(restored.length).toBe(originalNodes.length);
        expect(restored.every((n, i) => n === originalNodes[i])).toBe(true);
        expect(annotator.mentions().size).toBe(0);

        annotator.annotate();
        expect(shape(body)).toEqual(marked);
        annotator.clear();
        expect(shape(body)).toEqual(original);
      }),
      { seed: SEED, numRuns: 300 },
    );
    // The generator must produce documents with mentions, or the properties above prove little.
    expect(documentsWithMarks).toBeGreaterThan(runs / 2);
  }, 60_000);
});

describe('a page that changes while the annotator watches', () => {
  it('shows exactly the text the page wrote, and stop() leaves the DOM of a page that ran without Gloss', async () => {
    let runs = 0;
    let runsWithMarks = 0;
    await fc.assert(
      fc.asyncProperty(
        documentArb,
        fc.array(opArb, { minLength: 1, maxLength: 12 }),
        async ({ nodes, splits: splitAt }, ops) => {
          runs++;
          const { body, mirror, own, mirrorOwn } = pageAndCopy(nodes, splitAt);

          const annotator = new Annotator(body, { matcher, sliceMs: 0 });
          try {
            await annotator.start();
            for (const op of ops) {
              apply(op, own, document);
              apply(op, mirrorOwn, mirror);
              // Sometimes the page changes several things in one task, sometimes it lets Gloss run.
              // (Within one task our fragments of a node the page just removed are still there:
              // mutation records only arrive after it.)
              if (op.op === 'wait') {
                await settle(annotator);
                expect(body.textContent).toBe(mirror.body.textContent);
              }
            }
            await settle(annotator);
            if (marksIn(body).length > 0) runsWithMarks++;
            expect(body.textContent).toBe(mirror.body.textContent);
            expect(misplacedMarks(body)).toEqual([]);
            expect(annotator.mentions()).toEqual(countMentions(body));

            expectStopRestores(annotator, { body, own }, { body: mirror.body, own: mirrorOwn });
          } finally {
            // A failed run must not leave an observer behind for the next document.
            annotator.stop();
          }
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
    expect(runsWithMarks).toBeGreaterThan(runs / 3);
  }, 60_000);
});

describe('a page dear to render that changes while the annotator watches', () => {
  it('never holds runs in excluded zones, writes every one it held, and stop() leaves the page as it was', async () => {
    vi.stubGlobal('IntersectionObserver', StandInIntersectionObserver);
    // Every look at the clock is 150 ms later, past the 120 ms a slice may write here: each slice
    // writes one run, two renders are measured, the page is found dear, and the rest is left.
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 150));
    let runs = 0;
    let runsLeavingRuns = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          longDocumentArb,
          fc.array(opArb, { minLength: 1, maxLength: 12 }),
          async ({ nodes, splits: splitAt }, ops) => {
            runs++;
            const { body, mirror, own, mirrorOwn } = pageAndCopy(nodes, splitAt);
            const annotator = new Annotator(body, {
              matcher,
              sliceMs: 0,
              measureRendering: () => Promise.resolve(120),
            });
            try {
              await annotator.start();
              if (annotator.hasUnwritten()) runsLeavingRuns++;
              for (const op of ops) {
                apply(op, own, document);
                apply(op, mirrorOwn, mirror);
                if (op.op === 'wait') {
                  // The first block watched comes near.
                  const first = StandInIntersectionObserver.latest?.targets.values().next().value;
                  if (first) StandInIntersectionObserver.latest?.report([first], { near: true });
                  await settle(annotator);
                  expect(body.textContent).toBe(mirror.body.textContent);
                  expect(misplacedRuns(body, annotator)).toEqual([]);
                }
              }
              await settle(annotator);
              expect(body.textContent).toBe(mirror.body.textContent);
              expect(misplacedMarks(body)).toEqual([]);
              expect(misplacedRuns(body, annotator)).toEqual([]);

              await expectAllWrittenThenStopRestores(annotator, { body, own }, { body: mirror.body, own: mirrorOwn });
            } finally {
              annotator.stop();
            }
          },
        ),
        { seed: SEED, numRuns: 150 },
      );
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
    // The pages must be left partly unwritten often enough, or the properties above prove little.
    expect(runsLeavingRuns).toBeGreaterThan(runs / 4);
  }, 60_000);
});

describe('a page in a background tab that changes, and comes to the front', () => {
  it('holds runs only where they are ours, writes them all once shown on a page that renders cheaply, and stop() leaves the page as it was', async () => {
    vi.stubGlobal('IntersectionObserver', StandInIntersectionObserver);
    let clock = 0;
    vi.spyOn(performance, 'now').mockImplementation(() => (clock += 150));
    let visibility: DocumentVisibilityState = 'hidden';
    vi.spyOn(document, 'visibilityState', 'get').mockImplementation(() => visibility);
    const setVisibility = (state: DocumentVisibilityState) => {
      visibility = state;
      document.dispatchEvent(new Event('visibilitychange'));
    };
    const nearFirstWatched = () => {
      const first = StandInIntersectionObserver.latest?.targets.values().next().value;
      if (first) StandInIntersectionObserver.latest?.report([first], { near: true });
    };
    let runs = 0;
    let runsLeavingRuns = 0;
    try {
      await fc.assert(
        fc.asyncProperty(
          longDocumentArb,
          fc.array(opArb, { minLength: 1, maxLength: 12 }),
          fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
          fc.constantFrom(5, 120),
          async ({ nodes, splits: splitAt }, ops, shownAtWait, renderingMs) => {
            runs++;
            visibility = 'hidden';
            const { body, mirror, own, mirrorOwn } = pageAndCopy(nodes, splitAt);
            const annotator = new Annotator(body, {
              matcher,
              sliceMs: 0,
              // A hidden tab renders no frames: nothing to measure there.
              measureRendering: () => Promise.resolve(visibility === 'hidden' ? null : renderingMs),
            });
            try {
              await annotator.start();
              if (annotator.hasUnwritten()) runsLeavingRuns++;
              let waits = 0;
              for (const op of ops) {
                apply(op, own, document);
                apply(op, mirrorOwn, mirror);
                if (op.op !== 'wait') continue;
                // The reader switches tabs now and then; a block watched may come near.
                setVisibility(shownAtWait[waits++ % shownAtWait.length] ? 'visible' : 'hidden');
                nearFirstWatched();
                await settle(annotator);
                expect(body.textContent).toBe(mirror.body.textContent);
                expect(misplacedRuns(body, annotator)).toEqual([]);
              }
              setVisibility('visible');
              nearFirstWatched();
              await settle(annotator);
              expect(body.textContent).toBe(mirror.body.textContent);
              expect(misplacedMarks(body)).toEqual([]);
              expect(misplacedRuns(body, annotator)).toEqual([]);
              // Shown, with writes measured: on a page that renders cheaply nothing is left for later.
              if (renderingMs < 40) expect(annotator.hasUnwritten()).toBe(false);

              await expectAllWrittenThenStopRestores(annotator, { body, own }, { body: mirror.body, own: mirrorOwn });
            } finally {
              annotator.stop();
            }
          },
        ),
        { seed: SEED, numRuns: 150 },
      );
    } finally {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    }
    expect(runsLeavingRuns).toBeGreaterThan(runs / 4);
  }, 60_000);
});
