// @vitest-environment jsdom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { roleHtml, roleMarkdown } from '@/lib/dossier/cite';
import type { CitedDocument } from '@/lib/knowledge/card-data';
import { CopyRoleButton } from './copy-button';

const document_: CitedDocument = {
  packId: 'gloss',
  packName: 'Gloss',
  bundled: true,
  id: 'dfi-launch',
  title: 'The United States and more than 55 other countries pledge to keep the Internet open',
  date: '2022-04-28',
};
const role = {
  entityName: 'Brazil',
  text: 'Did not endorse the Declaration.',
  quote: 'Brazil and India, two of the most important markets for the technology in the world, did not.',
  document: document_,
};

/** What ClipboardItem was given, read back as text. */
class FakeClipboardItem {
  constructor(readonly items: Record<string, Blob>) {}
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
  vi.useFakeTimers();
});
afterEach(() => {
  render(null, root);
  root.remove();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(document, 'execCommand');
});

const button = () => root.querySelector<HTMLButtonElement>('[data-testid="copy-role"]') as HTMLButtonElement;
const status = () => root.querySelector('[role="status"]')?.textContent;

async function click() {
  await act(async () => {
    button().click();
    await vi.advanceTimersByTimeAsync(0);
  });
}

describe('CopyRoleButton', () => {
  it('puts Markdown (text/plain) and HTML (text/html) on the clipboard, says so, then is ready again', async () => {
    const write = vi.fn(async (_items: FakeClipboardItem[]) => {});
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    vi.stubGlobal('navigator', { clipboard: { write } });
    act(() => render(<CopyRoleButton role={role} />, root));
    expect(button().textContent).toBe('Copy');
    expect(button().getAttribute('aria-label')).toBe(`Copy “${role.text}” with its quote and source`);
    expect(status()).toBe('');
    await click();
    const items = write.mock.calls[0]?.[0]?.[0]?.items ?? {};
    expect(Object.keys(items).sort()).toEqual(['text/html', 'text/plain']);
    expect(await items['text/plain']?.text()).toBe(roleMarkdown(role));
    expect(await items['text/html']?.text()).toBe(roleHtml(role));
    expect(button().textContent).toBe('Copied');
    expect(status()).toBe('Copied');
    await act(async () => {
      await vi.advanceTimersByTimeAsync(2500);
    });
    expect(button().textContent).toBe('Copy');
  });

  it('falls back on the copy command where the asynchronous clipboard is missing (plain http pages)', async () => {
    vi.stubGlobal('navigator', {});
    const data = new Map<string, string>();
    Object.assign(document, {
      execCommand: (command: string) => {
        const event = Object.assign(new Event('copy', { cancelable: true }), {
          clipboardData: { setData: (type: string, value: string) => data.set(type, value) },
        });
        document.dispatchEvent(event);
        return command === 'copy' && event.defaultPrevented;
      },
    });
    act(() => render(<CopyRoleButton role={role} />, root));
    await click();
    expect(data.get('text/plain')).toBe(roleMarkdown(role));
    expect(data.get('text/html')).toBe(roleHtml(role));
    expect(button().textContent).toBe('Copied');
  });

  it('says it could not copy when both ways are refused', async () => {
    vi.stubGlobal('ClipboardItem', FakeClipboardItem);
    vi.stubGlobal('navigator', { clipboard: { write: async () => Promise.reject(new Error('NotAllowedError')) } });
    Object.assign(document, { execCommand: () => false });
    act(() => render(<CopyRoleButton role={role} />, root));
    await click();
    expect(button().textContent).toBe('Could not copy');
    expect(status()).toBe('Could not copy');
  });
});
