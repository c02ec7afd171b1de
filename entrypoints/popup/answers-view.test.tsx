// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledKnowledge, pack } from '@/lib/knowledge/pack';
import type { Mention } from '@/lib/messages';
import { Answers } from './answers-view';
import { KnowledgeContext } from './knowledge';

const signers = pack.entities.filter((e) =>
  e.relations.some((r) => r.type === 'signed' && r.target === 'initiative:dfi'),
);
const signerCountries = signers.filter((e) => e.type === 'country').length;
const others = signers.filter((e) => e.type !== 'country').map((e) => e.name);

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const mentions = (...ids: string[]): Mention[] => ids.map((entityId) => ({ entityId, count: 1 }));

function show(list: Mention[], onOpen = vi.fn(), onOpenDocument = vi.fn()) {
  act(() =>
    render(
      <KnowledgeContext.Provider value={bundledKnowledge}>
        <Answers mentions={list} onOpen={onOpen} onOpenDocument={onOpenDocument} />
      </KnowledgeContext.Provider>,
      root,
    ),
  );
  return { onOpen, onOpenDocument };
}

const answer = (key: string) => root.querySelector<HTMLElement>(`[data-answer="${key}"]`);

describe('Answers', () => {
  it('renders nothing when no answer has anyone on the page', () => {
    show(mentions('initiative:foc', 'person:nobody'));
    expect(root.textContent).toBe('');
  });

  it('says how many signatories are on the page, of how many, and what they are', () => {
    show(mentions('country:us', 'country:ca', 'country:jp', 'initiative:dfi'));
    const signed = answer('group:signed:initiative:dfi');
    expect(signed?.querySelector('summary')?.textContent).toBe(
      `3 of its ${signers.length} signatories are on this page`,
    );
    expect(signed?.dataset.onPage).toBe('3');
    expect(signed?.dataset.total).toBe(String(signers.length));
    expect(signed?.querySelector('.gloss-answer-detail')?.textContent).toBe(
      `All ${signers.length}: ${signerCountries} countries and ${others.join(' and ')}.`,
    );
    const chips = [...(signed?.querySelectorAll('.gloss-chip') ?? [])].map((c) => c.getAttribute('data-entity'));
    expect(chips.sort()).toEqual(['country:ca', 'country:jp', 'country:us']);
  });

  it('says which countries on the page did not sign, marking those the documents say declined', () => {
    show(mentions('initiative:dfi', 'country:br', 'country:cn'));
    const outside = answer('outside:signed:initiative:dfi');
    expect(outside?.querySelector('summary')?.textContent).toBe(
      `2 countries on this page are not among its ${signerCountries} signatory countries (1 declined)`,
    );
    const chips = [...(outside?.querySelectorAll('.gloss-chip') ?? [])].map((c) => c.textContent);
    expect(chips.sort()).toEqual(['Brazil · declined', 'China']);
    // The refusal comes with the documents' words and a way to read them in place.
    const quote = outside?.querySelector('.gloss-answer-source blockquote');
    expect(quote?.textContent).toContain('Brazil and India');
    expect(outside?.querySelector('.gloss-quote-open')?.textContent).toBe('Read in the document');
  });

  it('speaks of one in the singular', () => {
    show(mentions('country:us'));
    expect(answer('group:signed:initiative:dfi')?.querySelector('summary')?.textContent).toBe(
      `1 of its ${signers.length} signatories is on this page`,
    );
  });

  it('opens the card of an entity listed, of the answer’s subject, and the document of a quote', () => {
    const { onOpen, onOpenDocument } = show(mentions('initiative:dfi', 'country:br', 'country:us'));
    act(() => answer('group:signed:initiative:dfi')?.querySelector<HTMLElement>('.gloss-chip')?.click());
    expect(onOpen).toHaveBeenLastCalledWith('country:us');
    act(() => root.querySelector<HTMLElement>('.gloss-answer-target[data-entity="initiative:dfi"]')?.click());
    expect(onOpen).toHaveBeenLastCalledWith('initiative:dfi');
    act(() => root.querySelector<HTMLElement>('.gloss-quote-open')?.click());
    expect(onOpenDocument).toHaveBeenCalledWith(
      expect.objectContaining({ packId: 'gloss', id: 'dfi-launch' }),
      expect.stringContaining('Brazil and India'),
    );
  });

  it('shows the first two subjects and keeps the others behind a button', () => {
    // Members of several groups: the Declaration, the Export Controls initiative, the launchers.
    show(mentions('initiative:dfi', 'initiative:echri', 'initiative:wassenaar', 'country:us', 'country:ru'));
    const subjects = () => root.querySelectorAll('.gloss-answer-targets > li').length;
    expect(subjects()).toBe(2);
    const more = [...root.querySelectorAll('button')].find((b) => b.textContent?.startsWith('Show answers about'));
    expect(more?.getAttribute('aria-expanded')).toBe('false');
    act(() => more?.click());
    expect(subjects()).toBeGreaterThan(2);
    expect(more?.getAttribute('aria-expanded')).toBe('true');
  });

  it('folds long lists of names behind "+ N more"', () => {
    const many = signers.filter((e) => e.type === 'country').slice(0, 20);
    show(mentions(...many.map((e) => e.id)));
    const signed = answer('group:signed:initiative:dfi');
    expect(signed?.querySelectorAll('.gloss-chip')).toHaveLength(12);
    const more = signed?.querySelector<HTMLElement>('.gloss-chips .gloss-answers-more');
    expect(more?.textContent).toBe('+ 8 more');
    act(() => more?.click());
    expect(signed?.querySelectorAll('.gloss-chip')).toHaveLength(20);
  });
});
