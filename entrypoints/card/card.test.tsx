// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CardView } from '@/entrypoints/content/card-api';
import { cardDataOf } from '@/lib/knowledge/card-data';
import { bundledKnowledge } from '@/lib/knowledge/pack';
import { PageCard, type PageCardProps, shortened } from './card';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  // jsdom draws nothing; the card only counts controls that are drawn, so every one is here.
  vi.spyOn(HTMLElement.prototype, 'getClientRects').mockReturnValue([{}] as unknown as DOMRectList);
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.restoreAllMocks();
});

function show(view: CardView) {
  // The data the background would send for this entity, and the name of the one before it.
  const back = view.kind === 'entity' ? view.trail[view.trail.length - 1] : undefined;
  const props: PageCardProps = {
    view,
    card: view.kind === 'entity' ? cardDataOf(bundledKnowledge, view.entityId) : null,
    backName: back ? (bundledKnowledge.getEntity(back)?.name ?? back) : null,
    mentions: 2,
    onOpenEntity: vi.fn(),
    onBack: vi.fn(),
    onClose: vi.fn(),
    onOpenDocument: vi.fn(),
    onLeaveBackward: vi.fn(),
    onLeaveForward: vi.fn(),
  };
  act(() => render(<PageCard {...props} />, root));
  const dialog = root.querySelector('[role="dialog"]') as HTMLElement;
  return { props, dialog, buttons: [...dialog.querySelectorAll('button')] };
}

function key(target: HTMLElement, init: KeyboardEventInit): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { bubbles: true, cancelable: true, ...init });
  act(() => {
    target.dispatchEvent(event);
  });
  return event;
}

describe('PageCard', () => {
  it('is a non-modal dialog named by the entity heading', () => {
    const { dialog } = show({ kind: 'entity', entityId: 'country:br', trail: [] });
    expect(dialog.getAttribute('aria-modal')).toBe('false');
    const heading = document.getElementById(dialog.getAttribute('aria-labelledby') ?? '');
    expect(heading?.textContent).toBe('Brazil');
    expect(dialog.textContent).toContain('2 mentions on this page');
    expect(dialog.querySelector('.gloss-card-compact')).not.toBeNull();
  });

  it('Esc closes; Tab off either end leaves the card, and only there', () => {
    const { props, buttons } = show({ kind: 'entity', entityId: 'country:br', trail: [] });
    const first = buttons[0] as HTMLElement;
    const last = buttons[buttons.length - 1] as HTMLElement;
    expect(first.getAttribute('aria-label')).toBe('Close');

    expect(key(first, { key: 'Escape' }).defaultPrevented).toBe(true);
    expect(props.onClose).toHaveBeenCalledTimes(1);

    // Inside: the browser moves focus, the card does nothing.
    expect(key(first, { key: 'Tab' }).defaultPrevented).toBe(false);
    expect(key(buttons[1] as HTMLElement, { key: 'Tab', shiftKey: true }).defaultPrevented).toBe(false);
    expect(props.onLeaveBackward).not.toHaveBeenCalled();
    expect(props.onLeaveForward).not.toHaveBeenCalled();

    expect(key(first, { key: 'Tab', shiftKey: true }).defaultPrevented).toBe(true);
    expect(props.onLeaveBackward).toHaveBeenCalledTimes(1);
    expect(key(last, { key: 'Tab' }).defaultPrevented).toBe(true);
    expect(props.onLeaveForward).toHaveBeenCalledTimes(1);
  });

  it('quote buttons and entity links call back with what they are about', () => {
    const { props, dialog } = show({ kind: 'entity', entityId: 'country:br', trail: [] });
    const read = dialog.querySelector('.gloss-quote-open') as HTMLButtonElement;
    act(() => read.click());
    expect(props.onOpenDocument).toHaveBeenCalledWith(
      expect.objectContaining({ packId: 'gloss', id: expect.any(String) }),
      expect.any(String),
    );
    const link = dialog.querySelector('.gloss-relations .gloss-link') as HTMLButtonElement;
    act(() => link.click());
    expect(props.onOpenEntity).toHaveBeenCalledWith(expect.stringMatching(/^[a-z]+:/));
  });

  it('offers the way back after following a link', () => {
    const { props, dialog } = show({ kind: 'entity', entityId: 'initiative:dfi', trail: ['country:br'] });
    const back = dialog.querySelector('.gloss-page-card-back') as HTMLButtonElement;
    expect(back.textContent).toBe('← Back to Brazil');
    act(() => back.click());
    expect(props.onBack).toHaveBeenCalledTimes(1);
  });

  it('folds long lists of names in the compact card', () => {
    const { dialog } = show({ kind: 'entity', entityId: 'initiative:dfi', trail: [] });
    const more = dialog.querySelector('.gloss-more') as HTMLButtonElement;
    expect(more.textContent).toMatch(/^and \d+ more$/);
    const before = dialog.querySelectorAll('.gloss-relations .gloss-link:not(.gloss-more)').length;
    act(() => more.click());
    expect(dialog.querySelectorAll('.gloss-relations .gloss-link:not(.gloss-more)').length).toBeGreaterThan(before);
  });

  it('says when nothing matches, showing the text as text, cut short', () => {
    const text = `<img src=x onerror=alert(1)> ${'word '.repeat(40)}`;
    const { dialog } = show({ kind: 'nothing', text });
    expect(dialog.getAttribute('aria-label')).toBe('Gloss');
    const message = document.getElementById(dialog.getAttribute('aria-describedby') ?? '') as HTMLElement;
    expect(message.textContent).toBe(`Nothing in Gloss's documents matches “${shortened(text)}”.`);
    expect(message.querySelector('img')).toBeNull();
    expect(shortened(text).length).toBe(60);
    expect(shortened(text).endsWith('…')).toBe(true);
  });
});
