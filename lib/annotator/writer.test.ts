// @vitest-environment jsdom
// The writer alone: marks wrapped at given offsets, split groups put back exactly, counts kept.
import { afterEach, describe, expect, it } from 'vitest';
import { countMentions, type MarkRange, MarkWriter } from './writer';

const range = (start: number, length: number, entityId = 'country:ca'): MarkRange => ({
  start,
  length,
  entityId,
  entityType: 'country',
});

function paragraph(html: string) {
  document.body.innerHTML = `<p>${html}</p>`;
  const p = document.querySelector('p') as HTMLElement;
  const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
  const nodes: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
  return { p, nodes, data: nodes.map((n) => n.data) };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('MarkWriter', () => {
  it('wraps ranges of the joined text, a name across elements as adjacent marks counted once', () => {
    const { p, nodes, data } = paragraph('Ask <b>Antony</b> Blinken and Canada.');
    const writer = new MarkWriter();
    writer.wrap(nodes, data, [range(4, 14, 'person:antony-blinken'), range(23, 6)]);
    const marks = [...p.querySelectorAll('mark.gloss-mark')];
    expect(marks.map((m) => m.textContent)).toEqual(['Antony', ' Blinken', 'Canada']);
    expect(marks[1]?.hasAttribute('data-gloss-continued')).toBe(true);
    expect(marks.map((m) => m.getAttribute('data-entity-type'))).toEqual(['country', 'country', 'country']);
    expect(p.textContent).toBe('Ask Antony Blinken and Canada.');
    expect(writer.written()).toEqual(
      new Map([
        ['person:antony-blinken', 1],
        ['country:ca', 1],
      ]),
    );
    expect(countMentions(p)).toEqual(writer.written());
  });

  it('knows its nodes and the page nodes it split, and puts them back exactly', () => {
    const { p, nodes, data } = paragraph('Canada and Chile');
    const html = p.innerHTML;
    const original = nodes[0] as Text;
    const writer = new MarkWriter();
    writer.wrap(nodes, data, [range(0, 6)]);
    const mark = p.querySelector('mark') as Element;
    const group = writer.groupOf(mark);
    expect(group?.original).toBe(original);
    expect(writer.isOurs(mark.firstChild as Node)).toBe(true);
    expect(writer.restoreMarksIn(p)).toBe(true);
    expect(p.innerHTML).toBe(html);
    expect(p.firstChild).toBe(original);
    expect(writer.isOurs(original)).toBe(false);
    expect(writer.written().size).toBe(0);
  });

  it('leaves a node the page wrote to with what the page wrote', () => {
    const { p, nodes, data } = paragraph('Canada and Chile');
    const writer = new MarkWriter();
    writer.wrap(nodes, data, [range(0, 6)]);
    const group = writer.groupOf(nodes[0] as Text);
    (nodes[0] as Text).data = 'Peru';
    writer.restore(group as NonNullable<typeof group>);
    expect(p.textContent).toBe('Peru');
  });

  it('lets go of marks that left the page, and of groups whose node left unseen', () => {
    const { p, nodes, data } = paragraph('Canada and Chile');
    const writer = new MarkWriter();
    writer.wrap(nodes, data, [range(0, 6)]);
    p.remove();
    expect(writer.releaseDetached()).toBe(true);
    expect(writer.written().size).toBe(0);
    expect(p.textContent).toBe('Canada and Chile');
    expect(p.querySelector('mark')).toBeNull();
    expect(writer.releaseDetached()).toBe(false);
  });

  it('forgets a group whose mark the page took away, without touching the page', () => {
    const { p, nodes, data } = paragraph('Canada and Chile');
    const writer = new MarkWriter();
    writer.wrap(nodes, data, [range(0, 6)]);
    const mark = p.querySelector('mark') as Element;
    mark.remove();
    writer.forget(writer.groupOf(mark) as NonNullable<ReturnType<MarkWriter['groupOf']>>);
    expect(writer.written().size).toBe(0);
    expect(p.textContent).toBe(' and Chile');
  });
});
