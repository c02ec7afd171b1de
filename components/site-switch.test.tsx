// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Switch } from './site-switch';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('Switch', () => {
  it('is a labelled checkbox with the switch role that reports changes', () => {
    const onChange = vi.fn();
    act(() => render(<Switch label="Pause everywhere" checked={false} onChange={onChange} testId="s" />, root));
    const input = root.querySelector<HTMLInputElement>('input[data-testid="s"]');
    expect(input?.getAttribute('role')).toBe('switch');
    expect(input?.closest('label')?.textContent).toBe('Pause everywhere');
    act(() => input?.click());
    expect(onChange).toHaveBeenCalledWith(true);
    expect(input?.hasAttribute('aria-describedby')).toBe(false);
  });

  it('points to the text that explains it', () => {
    act(() =>
      render(
        <>
          <Switch label="Pause" checked onChange={() => {}} describedBy="hint" />
          <p id="hint">Nothing is highlighted while paused.</p>
        </>,
        root,
      ),
    );
    const input = root.querySelector('input');
    expect(input?.getAttribute('aria-describedby')).toBe('hint');
    expect(document.getElementById(input?.getAttribute('aria-describedby') ?? '')?.textContent).toMatch(/paused/);
  });
});
