// The background's actions against a fake browser: what each command and the lookup send, which
// tab they open, and that a page with no Gloss in it never makes them throw.
import { beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { isEnabledOn } from '@/lib/settings/settings';
import { loadSettings } from '@/lib/storage';
import { lookUpSelection, openDocument, runCommand } from './actions';

const url = 'https://example.com/news';
const tab = { id: 7, index: 2, windowId: 1, url };

beforeEach(() => {
  fakeBrowser.reset();
  vi.restoreAllMocks();
});

/** The fake's types pick the callback overloads (returning void); these are the promise ones. */
type AsyncSpy = MockInstance<(...args: unknown[]) => Promise<unknown>>;

function spyTabs() {
  const sendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage') as unknown as AsyncSpy;
  const create = vi.spyOn(fakeBrowser.tabs, 'create') as unknown as AsyncSpy;
  create.mockResolvedValue({});
  return { sendMessage, create };
}

describe('runCommand', () => {
  it('toggle-site switches the tab’s site off and on again', async () => {
    await runCommand('toggle-site', tab);
    expect(isEnabledOn(url, await loadSettings())).toBe(false);
    expect(isEnabledOn('https://other.org/', await loadSettings())).toBe(true);
    await runCommand('toggle-site', tab);
    expect(isEnabledOn(url, await loadSettings())).toBe(true);
  });

  it('toggle-site does nothing on a tab whose URL it cannot see', async () => {
    const before = await loadSettings();
    await runCommand('toggle-site', { id: 7 });
    await runCommand('toggle-site', { id: 7, url: 'chrome://settings/' });
    expect(await loadSettings()).toEqual(before);
  });

  it.each([
    ['next-mention', 'next'],
    ['prev-mention', 'prev'],
  ] as const)('%s asks the top frame to jump %s', async (name, direction) => {
    const { sendMessage } = spyTabs();
    sendMessage.mockResolvedValue({ entityId: 'country:br', index: 1, total: 2 });
    await runCommand(name, tab);
    expect(sendMessage).toHaveBeenCalledWith(7, { type: 'page/jump', entityId: null, direction }, { frameId: 0 });
  });

  it('a jump on a page without Gloss fails quietly', async () => {
    const { sendMessage } = spyTabs();
    sendMessage.mockRejectedValue(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(runCommand('next-mention', tab)).resolves.toBeUndefined();
  });

  it('uses the active tab when the event names none, and ignores unknown commands', async () => {
    const query = (vi.spyOn(fakeBrowser.tabs, 'query') as unknown as AsyncSpy).mockResolvedValue([{ ...tab, id: 11 }]);
    const { sendMessage } = spyTabs();
    sendMessage.mockResolvedValue(null);
    await runCommand('prev-mention');
    expect(query).toHaveBeenCalledWith({ active: true, lastFocusedWindow: true });
    expect(sendMessage).toHaveBeenCalledWith(11, expect.objectContaining({ direction: 'prev' }), { frameId: 0 });
    sendMessage.mockClear();
    await runCommand('_execute_action', tab);
    expect(sendMessage).not.toHaveBeenCalled();
  });
});

describe('lookUpSelection', () => {
  it('asks the frame the selection is in, and opens nothing when it answers', async () => {
    const { sendMessage, create } = spyTabs();
    sendMessage.mockResolvedValue({ entityId: null });
    await lookUpSelection({ selectionText: '  Freedom Online\nCoalition ', frameId: 4 }, tab);
    expect(sendMessage).toHaveBeenCalledWith(
      7,
      { type: 'page/lookup', text: 'Freedom Online Coalition', entityId: 'initiative:foc' },
      { frameId: 4 },
    );
    expect(create).not.toHaveBeenCalled();
  });

  it('opens the popup page searching for the text next to the tab when no content script answers', async () => {
    const { sendMessage, create } = spyTabs();
    sendMessage.mockRejectedValue(new Error('Receiving end does not exist.'));
    await lookUpSelection({ selectionText: 'Brazil', frameId: 0 }, tab);
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/popup.html?search=Brazil&tab=7',
      index: 3,
      windowId: 1,
      openerTabId: 7,
    });
  });

  it('treats an answer that is not a lookup answer as none', async () => {
    const { sendMessage, create } = spyTabs();
    sendMessage.mockResolvedValue(undefined);
    await lookUpSelection({ selectionText: 'Brazil' }, tab);
    expect(create).toHaveBeenCalledTimes(1);
  });

  it('opens the fallback at the end when there is no tab, and never throws', async () => {
    const { sendMessage, create } = spyTabs();
    create.mockRejectedValue(new Error('no window'));
    await expect(lookUpSelection({ selectionText: 'Brazil' }, undefined)).resolves.toBeUndefined();
    expect(sendMessage).not.toHaveBeenCalled();
    expect(create).toHaveBeenCalledWith({ url: 'chrome-extension://test-extension-id/popup.html?search=Brazil' });
  });

  it('does nothing for an empty selection', async () => {
    const { sendMessage, create } = spyTabs();
    await lookUpSelection({ selectionText: ' \n ' }, tab);
    expect(sendMessage).not.toHaveBeenCalled();
    expect(create).not.toHaveBeenCalled();
  });
});

describe('openDocument', () => {
  it('opens the viewer at the quote right after the page', async () => {
    const { create } = spyTabs();
    await openDocument(tab, {
      type: 'ui/open-document',
      packId: 'gloss',
      sourceId: 'echri',
      quote: 'human rights & export',
    });
    expect(create).toHaveBeenCalledWith({
      url: 'chrome-extension://test-extension-id/document.html?source=echri&quote=human+rights+%26+export',
      index: 3,
      windowId: 1,
      openerTabId: 7,
    });
  });
});
