// @vitest-environment jsdom
// The "Knowledge packs" section against the fake browser's storage: importing a good pack lists it,
// a bad file lists its problems and changes nothing, the switch, removal after a confirmation, and
// an exported file that imports again.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { PackProblem } from '@/lib/knowledge/pack-file';
import type { Pack } from '@/lib/knowledge/schema';
import { listPacks, loadEnabledPacks, registryItem } from '@/lib/pack-store';
import { describePackProblem, PacksSection, packFileName, shorten } from './packs';

const TREATY_TEXT =
  'The Treaty of Quillmarsh was signed on 3 March 2031 by the delegations of Ardenvale and Lorsk. ' +
  'Chief negotiator Odalys Vantreuil said the treaty would keep the river open to both peoples.';
const NOTES_TEXT = 'In her notes, Odalys Vantreuil wrote that the talks lasted eleven days.';

function treatyPack(overrides: Partial<Pack> = {}): Pack {
  return {
    format: 'gloss-pack/1',
    id: 'treaty-test',
    name: 'Quillmarsh Treaty',
    version: '1.0',
    description: 'A fictional treaty and its negotiator.',
    documents: [
      { id: 'treaty', title: 'The Treaty of Quillmarsh', text: TREATY_TEXT },
      { id: 'notes', title: 'Negotiator’s notes', text: NOTES_TEXT },
    ],
    entities: [
      {
        id: 'initiative:quillmarsh-treaty',
        type: 'initiative',
        name: 'Treaty of Quillmarsh',
        aliases: [{ text: 'Treaty of Quillmarsh', kind: 'name' }],
        roles: [
          {
            text: 'A treaty between Ardenvale and Lorsk.',
            source: 'treaty',
            quote: 'The Treaty of Quillmarsh was signed on 3 March 2031',
          },
        ],
        relations: [],
      },
      {
        id: 'person:odalys-vantreuil',
        type: 'official',
        name: 'Odalys Vantreuil',
        aliases: [
          { text: 'Odalys Vantreuil', kind: 'name' },
          { text: 'Vantreuil', kind: 'short' },
        ],
        roles: [
          { text: 'Chief negotiator of the treaty.', source: 'treaty', quote: 'Chief negotiator Odalys Vantreuil' },
          { text: 'Kept notes of the talks.', source: 'notes', quote: 'the talks lasted eleven days' },
        ],
        relations: [
          {
            type: 'took-part-in',
            target: 'initiative:quillmarsh-treaty',
            source: 'treaty',
            quote: 'Chief negotiator Odalys Vantreuil said the treaty',
          },
        ],
      },
    ],
    ...overrides,
  };
}

const packText = (pack: unknown) => JSON.stringify(pack, null, 2);

let root: HTMLElement;

beforeEach(() => {
  fakeBrowser.reset();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  act(() => render(null, root));
  root.remove();
  vi.restoreAllMocks();
});

async function show() {
  await act(async () => render(<PacksSection />, root));
  await waitFor(() => expect(items().length).toBeGreaterThan(0));
}

/** Waits for storage answers and the renders after them (the section works asynchronously). */
async function waitFor(check: () => void, timeoutMs = 2_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
    // Renders wait for act to end: each round lets storage answer, then renders what it changed.
    await act(() => new Promise<void>((resolve) => setTimeout(resolve, 10)));
  }
}

/** Imported: the list (from watchPacks) and the status (from importPack) come in either order. */
async function waitForImported(id: string) {
  await waitFor(() => {
    expect(item(id)).not.toBeNull();
    expect(status()?.getAttribute('data-status')).toBe('imported');
  });
}

const items = () => [...root.querySelectorAll<HTMLLIElement>('[data-testid="pack"]')];
const item = (id: string) => root.querySelector<HTMLLIElement>(`[data-testid="pack"][data-pack-id="${id}"]`);
const status = () => root.querySelector<HTMLElement>('[data-testid="pack-status"]');
const within = <E extends Element>(scope: Element | null, testId: string) => {
  const found = scope?.querySelector<E>(`[data-testid="${testId}"]`);
  if (!found) throw new Error(`No ${testId}`);
  return found;
};

/** Chooses a file in the section's file input, as the browser does. */
async function choose(name: string, text: string) {
  const input = within<HTMLInputElement>(root, 'pack-import-file');
  const file = new File([text], name, { type: 'application/json' });
  Object.defineProperty(input, 'files', { value: [file], configurable: true });
  await act(async () => {
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

async function click(element: HTMLElement) {
  await act(async () => element.click());
}

/** Catches the file the page would download: its name and text. */
function catchDownloads() {
  const files: { name: string; text: Promise<string> }[] = [];
  const blobs = new Map<string, Blob>();
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => {};
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) files.push({ name: this.download, text: blob.text() });
  });
  return files;
}

describe('the packs section', () => {
  it('lists the bundled pack, which can be switched off but not removed', async () => {
    await show();
    expect(items().map((li) => li.dataset.packId)).toEqual(['gloss']);
    const bundled = item('gloss');
    expect(bundled?.textContent).toContain('bundled with Gloss');
    expect(bundled?.textContent).toMatch(/\d+ entities, \d+ names and aliases, 5 documents/);
    expect(bundled?.querySelector('[data-testid="pack-remove"]')).toBeNull();
    expect(within(bundled, 'pack-export').textContent).toBe('Export');
    expect(root.querySelector('h2')?.textContent).toBe('Knowledge packs');
    expect(within<HTMLAnchorElement>(root, 'packs-documents').getAttribute('href')).toBe('/document.html');
    expect(root.textContent).toContain('nothing is fetched from the network');
  });

  it('imports a good pack and lists it with its counts, date and a switch that is on', async () => {
    await show();
    await choose('treaty.json', packText(treatyPack()));
    await waitForImported('treaty-test');
    expect(status()?.getAttribute('role')).toBe('status');
    expect(status()?.textContent).toBe('Imported “Quillmarsh Treaty”: 2 entities, now highlighted on pages.');
    const li = item('treaty-test');
    expect(li?.querySelector('h3')?.textContent).toBe('Quillmarsh Treaty');
    expect(li?.textContent).toContain('version 1.0');
    expect(li?.textContent).toContain('A fictional treaty and its negotiator.');
    expect(within(li, 'pack-meta').textContent).toMatch(/^2 entities, 3 names and aliases, 2 documents · imported on /);
    const toggle = within<HTMLInputElement>(li, 'pack-switch');
    expect(toggle.checked).toBe(true);
    expect(toggle.closest('label')?.textContent).toBe('Highlight names from “Quillmarsh Treaty”');
    expect(items().map((x) => x.dataset.packId)).toEqual(['gloss', 'treaty-test']);
    expect((await loadEnabledPacks()).map((p) => p.id)).toEqual(['gloss', 'treaty-test']);
  });

  it('refuses a bad file with its problems in words, and changes nothing', async () => {
    await show();
    const before = await registryItem.getValue();
    const bad = treatyPack();
    const negotiator = bad.entities[1] as Pack['entities'][number];
    negotiator.roles[0] = {
      ...(negotiator.roles[0] as Pack['entities'][number]['roles'][number]),
      quote: 'Chief mediator Odalys Vantreuil',
    };
    await choose('bad-treaty.json', packText(bad));
    await waitFor(() => expect(status()?.getAttribute('data-status')).toBe('rejected'));
    expect(status()?.getAttribute('role')).toBe('alert');
    expect(status()?.querySelector('p')?.textContent).toBe(
      '“bad-treaty.json” cannot be imported, and nothing was changed:',
    );
    expect([...(status()?.querySelectorAll('li') ?? [])].map((li) => li.textContent)).toEqual([
      'At entities[1].roles[0].quote: the quote “Chief mediator Odalys Vantreuil” is not in the document “treaty”.',
    ]);
    expect(items().map((li) => li.dataset.packId)).toEqual(['gloss']);
    expect(await registryItem.getValue()).toEqual(before);

    await choose('notes.txt', 'not { json');
    await waitFor(() => expect(status()?.textContent).toMatch(/“notes\.txt” cannot be imported.*not valid JSON/));
    expect(items()).toHaveLength(1);
  });

  it('refuses a file too large before reading it', async () => {
    await show();
    const huge = new File(['{}'], 'huge.json');
    Object.defineProperty(huge, 'size', { value: 21 * 1024 * 1024 });
    const read = vi.spyOn(huge, 'text');
    const input = within<HTMLInputElement>(root, 'pack-import-file');
    Object.defineProperty(input, 'files', { value: [huge], configurable: true });
    await act(async () => {
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await waitFor(() => expect(status()?.textContent).toContain('larger than 20 MB'));
    expect(read).not.toHaveBeenCalled();
  });

  it('switches a pack off and on', async () => {
    await show();
    await choose('treaty.json', packText(treatyPack()));
    await waitForImported('treaty-test');
    await click(within(item('treaty-test'), 'pack-switch'));
    await waitFor(() => expect(item('treaty-test')?.dataset.enabled).toBe('false'));
    expect(within<HTMLInputElement>(item('treaty-test'), 'pack-switch').checked).toBe(false);
    expect((await loadEnabledPacks()).map((p) => p.id)).toEqual(['gloss']);
    await click(within(item('treaty-test'), 'pack-switch'));
    await waitFor(() => expect(item('treaty-test')?.dataset.enabled).toBe('true'));
    expect((await loadEnabledPacks()).map((p) => p.id)).toEqual(['gloss', 'treaty-test']);

    // The bundled pack too.
    await click(within(item('gloss'), 'pack-switch'));
    await waitFor(() => expect(item('gloss')?.dataset.enabled).toBe('false'));
    expect((await loadEnabledPacks()).map((p) => p.id)).toEqual(['treaty-test']);
  });

  it('removes an imported pack only after a confirmation, which the keyboard can cancel', async () => {
    await show();
    await choose('treaty.json', packText(treatyPack()));
    await waitForImported('treaty-test');
    const remove = within<HTMLButtonElement>(item('treaty-test'), 'pack-remove');
    expect(remove.getAttribute('aria-describedby')).toBe(item('treaty-test')?.querySelector('h3')?.id);

    // Opened: focus on "Keep it" in a labelled group; Esc closes it and focus goes back.
    await click(remove);
    const confirm = within(item('treaty-test'), 'pack-confirm');
    // A fieldset: a group named by its legend, the question.
    expect(confirm.localName).toBe('fieldset');
    expect(confirm.querySelector('legend')?.textContent).toMatch(/^Remove “Quillmarsh Treaty”\?/);
    expect(document.activeElement).toBe(within(confirm, 'pack-remove-cancel'));
    await act(async () => {
      document.activeElement?.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    expect(item('treaty-test')?.querySelector('[data-testid="pack-confirm"]')).toBeNull();
    expect(document.activeElement).toBe(within(item('treaty-test'), 'pack-remove'));

    // "Keep it" keeps it.
    await click(within(item('treaty-test'), 'pack-remove'));
    await click(within(item('treaty-test'), 'pack-remove-cancel'));
    expect(item('treaty-test')?.querySelector('[data-testid="pack-confirm"]')).toBeNull();
    expect((await listPacks()).map((p) => p.id)).toEqual(['gloss', 'treaty-test']);

    // Confirmed: gone from the list and from storage.
    await click(within(item('treaty-test'), 'pack-remove'));
    await click(within(item('treaty-test'), 'pack-remove-confirm'));
    await waitFor(() => {
      expect(item('treaty-test')).toBeNull();
      expect(status()?.textContent).toBe('Removed “Quillmarsh Treaty”.');
    });
    expect(document.activeElement).toBe(root.querySelector('h2'));
    expect((await listPacks()).map((p) => p.id)).toEqual(['gloss']);
    expect(await fakeBrowser.storage.local.get('pack:treaty-test')).toEqual({});
  });

  it('exports a pack to <id>.gloss-pack.json, which imports again once removed', async () => {
    const downloads = catchDownloads();
    await show();
    await choose('treaty.json', packText(treatyPack()));
    await waitForImported('treaty-test');
    await click(within(item('treaty-test'), 'pack-export'));
    await waitFor(() => {
      expect(downloads).toHaveLength(1);
      expect(status()?.textContent).toBe('Saved as treaty-test.gloss-pack.json in your downloads.');
    });
    const [file] = downloads;
    expect(file?.name).toBe('treaty-test.gloss-pack.json');
    const text = await (file as { text: Promise<string> }).text;
    expect(JSON.parse(text)).toEqual(treatyPack());

    // The same pack again is refused while it is installed...
    await choose(file?.name ?? '', text);
    await waitFor(() => expect(status()?.getAttribute('data-status')).toBe('rejected'));
    expect(status()?.textContent).toContain('A pack with the id “treaty-test” is already installed.');

    // ...and taken once removed.
    await click(within(item('treaty-test'), 'pack-remove'));
    await click(within(item('treaty-test'), 'pack-remove-confirm'));
    await waitFor(() => expect(item('treaty-test')).toBeNull());
    await choose(file?.name ?? '', text);
    await waitForImported('treaty-test');

    // The bundled pack exports as a pack file too.
    await click(within(item('gloss'), 'pack-export'));
    await waitFor(() => expect(downloads).toHaveLength(2));
    expect(downloads[1]?.name).toBe('gloss.gloss-pack.json');
    expect(JSON.parse(await (downloads[1] as { text: Promise<string> }).text)).toMatchObject({
      format: 'gloss-pack/1',
      id: 'gloss',
    });
  });

  it('shows changes made elsewhere (another tab, the background)', async () => {
    await show();
    const { importPack, setPackEnabled } = await import('@/lib/pack-store');
    const text = packText(treatyPack());
    await act(async () => {
      await importPack(text, text.length);
    });
    await waitFor(() => expect(item('treaty-test')).not.toBeNull());
    await act(async () => {
      await setPackEnabled('treaty-test', false);
    });
    await waitFor(() => expect(item('treaty-test')?.dataset.enabled).toBe('false'));
  });
});

describe('describePackProblem', () => {
  it('words every problem, with long ids and quotes shortened', () => {
    const long = 'x'.repeat(300);
    const problems: PackProblem[] = [
      { code: 'too-large', maxMegabytes: 20 },
      { code: 'not-json', detail: 'Unexpected end of JSON input' },
      { code: 'forbidden-key', key: '__proto__' },
      { code: 'not-pack' },
      { code: 'newer-format', format: 'gloss-pack/2' },
      { code: 'invalid', at: 'entities[0].aliases', detail: 'Invalid length: Expected >=1 but received 0' },
      { code: 'duplicate-entity', id: 'person:odalys-vantreuil' },
      { code: 'duplicate-document', id: 'treaty' },
      { code: 'wrong-prefix', id: 'org:odalys', expected: 'person:' },
      { code: 'unknown-document', at: 'entities[1].roles[0].source', document: 'treaty-2' },
      { code: 'quote-not-found', at: 'entities[1].roles[0].quote', document: 'treaty', quote: long },
      { code: 'unknown-target', at: 'entities[1].relations[0].target', target: 'initiative:nope' },
      { code: 'reserved-id', id: 'gloss' },
      { code: 'already-installed', id: long },
    ];
    const words = problems.map(describePackProblem);
    expect(words).toEqual([
      'The file is larger than 20 MB, the most a pack may be.',
      'The file is not valid JSON (Unexpected end of JSON input).',
      'The file contains a forbidden key (“__proto__”).',
      'This is not a Gloss pack: it has no "format": "gloss-pack/1".',
      'The pack is in a newer format (gloss-pack/2) than this version of Gloss reads.',
      'At entities[0].aliases: Invalid length: Expected >=1 but received 0',
      'Two entities have the id “person:odalys-vantreuil”.',
      'Two documents have the id “treaty”.',
      'The entity “org:odalys” needs an id that starts with “person:” for its type.',
      'At entities[1].roles[0].source: the pack has no document “treaty-2”.',
      `At entities[1].roles[0].quote: the quote “${'x'.repeat(79)}…” is not in the document “treaty”.`,
      'At entities[1].relations[0].target: the pack has no entity “initiative:nope”.',
      'The pack id “gloss” is reserved for the pack that comes with Gloss.',
      `A pack with the id “${'x'.repeat(59)}…” is already installed. Remove it first to import this file.`,
    ]);
  });

  it('shortens by characters, never splitting one', () => {
    expect(shorten('short', 10)).toBe('short');
    expect(shorten('😀'.repeat(5), 3)).toBe('😀😀…');
    expect(packFileName('treaty-test')).toBe('treaty-test.gloss-pack.json');
  });
});
