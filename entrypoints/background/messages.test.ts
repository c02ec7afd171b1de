import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { MAX_LOOKUP_TEXT } from '@/lib/messages';
import { type BackgroundHandlers, createMessageHandler, isOwnSender, type Sender } from './messages';

const context = { extensionId: 'gloss-id', extensionOrigin: 'chrome-extension://gloss-id/' };
const page: Sender = {
  id: 'gloss-id',
  url: 'https://example.com/news',
  frameId: 0,
  tab: { id: 7, index: 2, windowId: 1 },
};
const popupTab: Sender = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html', frameId: 0, tab: { id: 9 } };
const popup: Sender = { id: 'gloss-id', url: 'chrome-extension://gloss-id/popup.html' };

function setup(overrides: Partial<BackgroundHandlers> = {}) {
  const handlers = {
    mentions: vi.fn<BackgroundHandlers['mentions']>(async () => {}),
    openDocument: vi.fn<BackgroundHandlers['openDocument']>(async () => {}),
    card: vi.fn<BackgroundHandlers['card']>(async () => null),
    loadPart: vi.fn<BackgroundHandlers['loadPart']>(async () => {}),
    quiet: vi.fn<BackgroundHandlers['quiet']>(async () => {}),
    bundledAliases: vi.fn<BackgroundHandlers['bundledAliases']>(async () => ({ entities: [], aliases: [] })),
    ...overrides,
  };
  return { handlers, handle: createMessageHandler(context, handlers) };
}

const mentions = { type: 'page/mentions', distinct: 3, enabled: true };
const openDoc = { type: 'ui/open-document', packId: 'gloss', sourceId: 'echri', quote: 'export controls' };

describe('isOwnSender', () => {
  it.each<[string, Sender, boolean]>([
    ['a content script in a web page', page, true],
    ['a content script on http', { ...page, url: 'http://127.0.0.1:8080/' }, true],
    ['an extension page in a tab', popupTab, true],
    ['the popup', popup, true],
    ['an about:blank frame of a web page', { ...page, url: 'about:blank', origin: 'https://example.com' }, true],
    ['an about:srcdoc frame of a web page', { ...page, url: 'about:srcdoc', origin: 'http://example.com' }, true],
    ['an about:blank frame of unknown origin', { ...page, url: 'about:blank' }, false],
    [
      'an about:blank frame in a web page’s tab (Firefox: no origin)',
      { ...page, url: 'about:blank', tab: { id: 7, url: 'https://example.com/' } },
      true,
    ],
    [
      'an about:blank frame in a tab that is no web page',
      { ...page, url: 'about:blank', tab: { id: 7, url: 'file:///x.html' } },
      false,
    ],
    [
      'a sandboxed about:srcdoc frame in a web page’s tab',
      { ...page, url: 'about:srcdoc', origin: 'null', tab: { id: 7, url: 'https://example.com/' } },
      false,
    ],
    ['an about:blank frame with an opaque origin', { ...page, url: 'about:blank', origin: 'null' }, false],
    ['another extension', { ...page, id: 'evil-id' }, false],
    ['another extension’s page', { id: 'evil-id', url: 'chrome-extension://evil-id/x.html' }, false],
    ['no id', { url: page.url, tab: page.tab }, false],
    ['no url', { id: 'gloss-id', tab: page.tab }, false],
    ['a file page', { ...page, url: 'file:///etc/passwd' }, false],
    ['a data URL', { ...page, url: 'data:text/html,<p>hi' }, false],
    ['a javascript URL', { ...page, url: 'javascript:alert(1)' }, false],
    ['a look-alike origin', { ...page, url: 'chrome-extension://gloss-id.evil/' }, false],
  ])('%s: %s', (_, sender, ok) => {
    expect(isOwnSender(sender, context)).toBe(ok);
  });
});

describe('createMessageHandler', () => {
  it('updates the toolbar from a content script’s report and answers null', async () => {
    const { handle, handlers } = setup();
    await expect(handle(mentions, page)).resolves.toBeNull();
    expect(handlers.mentions).toHaveBeenCalledWith({ id: 7, index: 2, windowId: 1 }, mentions);
  });

  it('opens the document next to the tab that asked', async () => {
    const { handle, handlers } = setup();
    await expect(handle(openDoc, page)).resolves.toBeNull();
    expect(handlers.openDocument).toHaveBeenCalledWith({ id: 7, index: 2, windowId: 1 }, openDoc);
  });

  it('ignores strangers, whatever they send', () => {
    const { handle, handlers } = setup();
    for (const sender of [{ ...page, id: 'evil-id' }, { ...page, url: 'file:///x' }, {}]) {
      expect(handle(mentions, sender)).toBeUndefined();
      expect(handle({ type: 'page/mentions', distinct: 'x' }, sender)).toBeUndefined();
    }
    expect(handlers.mentions).not.toHaveBeenCalled();
  });

  it.each([
    undefined,
    null,
    'page/mentions',
    42,
    [],
    ['page/mentions'],
    {},
    { type: 'something/else' },
    { type: '__proto__' },
    { type: 'toString' },
    { type: 'x'.repeat(1_000_000) },
  ])('leaves %o to other listeners: not a message of ours', (message) => {
    const { handle } = setup();
    expect(handle(message, page)).toBeUndefined();
  });

  it.each([
    { type: 'page/get-state' },
    { type: 'page/jump', entityId: null, direction: 'next' },
    { type: 'page/lookup', text: 'Brazil' },
  ])('leaves %o to the content scripts it is for', (message) => {
    const { handle } = setup();
    expect(handle(message, popup)).toBeUndefined();
    expect(handle(message, page)).toBeUndefined();
  });

  it.each<[string, unknown]>([
    ['a string count', { ...mentions, distinct: '3' }],
    ['a negative count', { ...mentions, distinct: -1 }],
    ['a fractional count', { ...mentions, distinct: 1.5 }],
    ['NaN', { ...mentions, distinct: Number.NaN }],
    ['Infinity', { ...mentions, distinct: Number.POSITIVE_INFINITY }],
    ['a missing field', { type: 'page/mentions', distinct: 3 }],
    ['a null field', { ...mentions, enabled: null }],
    ['an extra key', { ...mentions, extra: true }],
    ['an own __proto__ key', JSON.parse('{"type":"page/mentions","distinct":1,"enabled":true,"__proto__":{"x":1}}')],
    ['a constructor key', { ...mentions, constructor: { prototype: { polluted: true } } }],
    ['a source id that is not a string', { ...openDoc, sourceId: 3 }],
    ['a huge source id', { ...openDoc, sourceId: 'a'.repeat(201) }],
    ['a huge quote', { ...openDoc, quote: 'q'.repeat(10_001) }],
    ['an array quote', { ...openDoc, quote: ['export controls'] }],
    ['a missing quote', { type: 'ui/open-document', sourceId: 'echri' }],
  ])('answers a malformed message (%s) with an error and does nothing', async (_, message) => {
    const { handle, handlers } = setup();
    const answer = await handle(message, page);
    expect(answer).toEqual({
      error: expect.stringMatching(/^Malformed "(page\/mentions|ui\/open-document)" message$/),
    });
    expect(handlers.mentions).not.toHaveBeenCalled();
    expect(handlers.openDocument).not.toHaveBeenCalled();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('needs a tab, and the top frame for the badge', async () => {
    const { handle, handlers } = setup();
    await expect(handle(mentions, popup)).resolves.toEqual({ error: '"page/mentions" must come from a page in a tab' });
    await expect(handle(openDoc, popup)).resolves.toEqual({
      error: '"ui/open-document" must come from a page in a tab',
    });
    await expect(handle(mentions, { ...page, frameId: 3 })).resolves.toEqual({
      error: '"page/mentions" must come from the top frame',
    });
    expect(handlers.mentions).not.toHaveBeenCalled();
    expect(handlers.openDocument).not.toHaveBeenCalled();
    // A document link may come from a card in any frame.
    await expect(handle(openDoc, { ...page, frameId: 3 })).resolves.toBeNull();
  });

  it('answers with an error when acting on a message fails', async () => {
    const { handle } = setup({
      mentions: async () => {
        throw new Error('No tab with id 7');
      },
      openDocument: () => Promise.reject(new Error('tabs.create failed')),
    });
    await expect(handle(mentions, page)).resolves.toEqual({ error: 'Could not update the toolbar button' });
    await expect(handle(openDoc, page)).resolves.toEqual({ error: 'Could not open the document' });
  });

  it('never throws, even on a message whose fields throw when read', async () => {
    const { handle } = setup();
    const hostile = {
      type: 'page/mentions',
      get distinct(): number {
        throw new Error('gotcha');
      },
      enabled: true,
    };
    await expect(handle(hostile, page)).resolves.toEqual({ error: expect.any(String) });
  });

  it('answers anything of a handled type with null or an error, and never throws', async () => {
    const { handle } = setup();
    const anyValue = fc.anything({ withNullPrototype: true, withObjectString: true, maxDepth: 3 });
    const payload = fc.oneof(
      fc.record({ type: fc.constantFrom('page/mentions', 'ui/open-document') }, { requiredKeys: ['type'] }),
      fc.dictionary(fc.string(), anyValue).map((fields) => ({ ...fields, type: 'page/mentions' })),
      fc.record({
        type: fc.constant('ui/open-document'),
        sourceId: fc.oneof(fc.string({ maxLength: 300 }), anyValue),
        quote: fc.oneof(fc.string({ maxLength: MAX_LOOKUP_TEXT }), anyValue),
      }),
      fc.record({ type: fc.constant('page/mentions'), distinct: anyValue, enabled: anyValue }),
    );
    await fc.assert(
      fc.asyncProperty(payload, async (message) => {
        const answer = await handle(message, page);
        return answer === null || (typeof answer === 'object' && 'error' in answer && typeof answer.error === 'string');
      }),
    );
  });
});
