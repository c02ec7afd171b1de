// @vitest-environment jsdom
// The review table as a user works it: sort by a header (again to reverse), filter, select two and
// merge them, remove one, add an alias, rename. The edits themselves are review.ts's (review.test.ts).
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Proposal } from '@/lib/pack-builder/build';
import { ReviewTable } from './review-table';

function proposal(id: string, type: Proposal['entity']['type'], name: string, mentions: number): Proposal {
  return {
    mentions,
    entity: {
      id,
      type,
      name,
      aliases: [{ text: name, kind: 'name' }],
      roles: [{ text: 'Named.', source: 'doc', quote: `${name} was named.` }],
      relations: [],
    },
  };
}

const START = [
  proposal('country:no', 'country', 'Norway', 3),
  proposal('person:amara-okafor', 'official', 'Amara Okafor', 5),
  proposal('initiative:lagoon-pact', 'initiative', 'Lagoon Pact', 1),
];

let root: HTMLElement;
let list: Proposal[];

function draw() {
  const onChange = (next: Proposal[]) => {
    list = next;
    draw();
  };
  render(<ReviewTable proposals={list} onChange={onChange} />, root);
}
const names = () => [...root.querySelectorAll<HTMLInputElement>('[data-testid="review-name"]')].map((i) => i.value);
const rowOf = (name: string) => root.querySelector(`[data-testid="review-row"][data-name="${name}"]`) as HTMLElement;
const click = (element: Element | null) => act(() => (element as HTMLElement).click());
function type(input: HTMLInputElement, value: string, event: 'input' | 'change') {
  act(() => {
    input.value = value;
    input.dispatchEvent(new Event(event, { bubbles: true }));
  });
}

beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  list = [...START];
  act(draw);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('ReviewTable', () => {
  it('sorts by mentions first, by a header on a click, reversed on a second', () => {
    expect(names()).toEqual(['Amara Okafor', 'Norway', 'Lagoon Pact']);
    click(root.querySelector('[data-testid="review-sort-name"]'));
    expect(names()).toEqual(['Amara Okafor', 'Lagoon Pact', 'Norway']);
    expect(root.querySelector('[data-testid="review-sort-name"]')?.closest('th')?.getAttribute('aria-sort')).toBe(
      'ascending',
    );
    click(root.querySelector('[data-testid="review-sort-name"]'));
    expect(names()).toEqual(['Norway', 'Lagoon Pact', 'Amara Okafor']);
  });

  it('filters by name or type', () => {
    type(root.querySelector('[data-testid="review-filter"]') as HTMLInputElement, 'country', 'input');
    expect(names()).toEqual(['Norway']);
    type(root.querySelector('[data-testid="review-filter"]') as HTMLInputElement, 'pact', 'input');
    expect(names()).toEqual(['Lagoon Pact']);
  });

  it('merges the two selected, the first keeping its name; only with two selected', () => {
    const merge = root.querySelector('[data-testid="review-merge"]') as HTMLButtonElement;
    expect(merge.disabled).toBe(true);
    click(rowOf('Lagoon Pact').querySelector('[data-testid="review-select"]'));
    expect(merge.disabled).toBe(true);
    click(rowOf('Norway').querySelector('[data-testid="review-select"]'));
    expect(merge.disabled).toBe(false);
    click(merge);
    expect(names()).toEqual(['Amara Okafor', 'Lagoon Pact']);
    expect(list.find((p) => p.entity.name === 'Lagoon Pact')?.entity.aliases.map((a) => a.text)).toEqual([
      'Lagoon Pact',
      'Norway',
    ]);
  });

  it('removes one, renames one, adds an alias', () => {
    click(rowOf('Norway').querySelector('[data-testid="review-remove"]'));
    expect(names()).not.toContain('Norway');
    type(
      rowOf('Lagoon Pact').querySelector('[data-testid="review-name"]') as HTMLInputElement,
      'Lagoon Pact of 2031',
      'change',
    );
    expect(names()).toContain('Lagoon Pact of 2031');
    const alias = rowOf('Amara Okafor').querySelector('[data-testid="review-alias"]') as HTMLInputElement;
    type(alias, 'Dr Okafor', 'input');
    act(() => {
      alias.form?.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    });
    expect(rowOf('Amara Okafor').querySelector('.opt-review-aliases')?.textContent).toContain('Dr Okafor');
  });
});
