// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { Jumper, type JumpTarget, pickIndex } from './jump';
import { headOf, mentionHeads, piecesOf } from './mentions';

describe('pickIndex', () => {
  // Candidates at positions 2, 5 and 9 of the full list of mentions.
  const positions = [2, 5, 9];
  it.each([
    // From the mention the last jump landed on.
    ['next after a candidate', { position: 2 }, 'next', 1],
    ['next after another entity in between', { position: 6 }, 'next', 2],
    ['next wraps at the end', { position: 9 }, 'next', 0],
    ['prev before a candidate', { position: 5 }, 'prev', 0],
    ['prev wraps at the start', { position: 2 }, 'prev', 2],
    ['prev from before everything wraps', { position: 0 }, 'prev', 2],
    // From the viewport: its top is a caret before the first mention below it.
    ['next from the viewport takes the first visible', { firstBelowTop: 5 }, 'next', 1],
    ['next from the viewport between candidates', { firstBelowTop: 3 }, 'next', 1],
    ['next from below everything wraps', { firstBelowTop: 12 }, 'next', 0],
    ['prev from the viewport takes the one above', { firstBelowTop: 5 }, 'prev', 0],
    ['prev from the top wraps to the last', { firstBelowTop: 0 }, 'prev', 2],
  ] as const)('%s', (_, from, direction, expected) => {
    expect(pickIndex(positions, direction, from)).toBe(expected);
  });

  it('has nothing to pick from an empty list', () => {
    expect(pickIndex([], 'next', { firstBelowTop: 0 })).toBe(-1);
  });
});

const mark = (entity: string, text: string, continued = false) =>
  `<mark class="gloss-mark" data-entity="${entity}" data-entity-type="official"${continued ? ' data-gloss-continued=""' : ''}>${text}</mark>`;

describe('mentions in document order', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  function build(): void {
    document.body.innerHTML = `
      <p id="a">${mark('person:a', 'Antony')}<b>${mark('person:a', ' Blinken', true)}</b> and ${mark('country:br', 'Brazil')}</p>
      <div id="host"></div>
      <p id="b">${mark('person:a', 'Blinken')}</p>
      <div data-gloss-ui="">${mark('person:a', 'not ours to count')}</div>`;
    const shadow = (document.getElementById('host') as HTMLElement).attachShadow({ mode: 'open' });
    shadow.innerHTML = `<p id="s">${mark('country:br', 'Brazil')}</p>`;
  }

  it('counts a split name once, reads open shadow roots where they stand, skips our UI', () => {
    build();
    const heads = mentionHeads(document);
    expect(heads.map((h) => `${h.getAttribute('data-entity')}:${h.textContent}`)).toEqual([
      'person:a:Antony',
      'country:br:Brazil',
      'country:br:Brazil',
      'person:a:Blinken',
    ]);
    expect((heads[2] as HTMLElement).getRootNode()).toBeInstanceOf(ShadowRoot);
  });

  it('finds the pieces of a mention from any of them', () => {
    build();
    const [first] = mentionHeads(document) as [HTMLElement];
    const continued = document.querySelector('[data-gloss-continued]') as HTMLElement;
    expect(headOf(continued)).toBe(first);
    expect(headOf(first)).toBe(first);
    expect(piecesOf(first).map((p) => p.textContent)).toEqual(['Antony', ' Blinken']);
  });

  it('jumps through one entity and all of them, wrapping around', () => {
    build();
    const jumper = new Jumper(document);
    // jsdom lays nothing out, so no mention is below the viewport's top: 'next' wraps to the first.
    expect(jumper.target('person:a', 'next')).toMatchObject({ entityId: 'person:a', index: 1, total: 2 });
    expect(jumper.target('person:a', 'next')).toMatchObject({ index: 2, total: 2 });
    expect(jumper.target('person:a', 'next')).toMatchObject({ index: 1, total: 2 });
    // All entities, from the last one landed on (the first mention).
    expect(jumper.target(null, 'next')).toMatchObject({ entityId: 'country:br', index: 2, total: 4 });
    expect(jumper.target(null, 'prev')).toMatchObject({ entityId: 'person:a', index: 1, total: 4 });
    expect(jumper.target(null, 'prev')).toMatchObject({ entityId: 'person:a', index: 4, total: 4 });
    expect(jumper.target('country:jp', 'next')).toBeNull();
  });

  it('starts from the viewport again when the mention it landed on left the page', () => {
    build();
    const jumper = new Jumper(document);
    const second = jumper.target(null, 'next') as JumpTarget;
    expect(second.index).toBe(1);
    second.head.closest('p')?.remove();
    expect(jumper.target(null, 'next')).toMatchObject({ entityId: 'country:br', index: 1, total: 2 });
  });

  it('counts mentions not written yet where their run stands, and lands on them as runs', () => {
    build();
    const far = document.createElement('p');
    far.textContent = 'Far below, Brazil and Blinken again.';
    document.body.append(far);
    const run = far.firstChild as Text;
    const unwritten = (text: Text) => (text === run ? ['country:br', 'person:a'] : undefined);
    const jumper = new Jumper(document, () => unwritten);
    expect(jumper.target('country:br', 'next')).toMatchObject({ entityId: 'country:br', index: 1, total: 3 });
    expect(jumper.target('country:br', 'next')).toMatchObject({ index: 2, total: 3 });
    // The third is not written yet: the jump says which run to write first.
    expect(jumper.target('country:br', 'next')).toEqual({ run });
    // Written now, as the annotator would: the same jump lands on its mark, counted the same.
    far.innerHTML = `Far below, ${mark('country:br', 'Brazil')} and ${mark('person:a', 'Blinken')} again.`;
    expect(jumper.target('country:br', 'next')).toMatchObject({ entityId: 'country:br', index: 3, total: 3 });
    expect(jumper.target(null, 'next')).toMatchObject({ entityId: 'person:a', index: 6, total: 6 });
    // Without unwritten mentions, only marks are read.
    expect(new Jumper(document).target('person:a', 'prev')).toMatchObject({ index: 3, total: 3 });
  });
});
