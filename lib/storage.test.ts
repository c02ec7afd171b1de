// Settings in (fake) extension storage: the v1 → v2 migration as it runs when the module loads,
// field-by-field repair of a damaged value, and updates that must not overwrite each other.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, defaultSettings, type Settings } from './settings/settings';

/** A fresh copy of the module: storage items run their migrations when they are defined. */
async function loadStorageModule() {
  vi.resetModules();
  return import('./storage');
}

async function stored(key: string): Promise<unknown> {
  return (await fakeBrowser.storage.local.get(key))[key];
}

beforeEach(() => {
  fakeBrowser.reset();
});

describe('migration from version 1', () => {
  const v1 = { paused: true, demonyms: true, sites: { 'example.com': false, 'www.news.example.org': false } };
  const expected: Settings = {
    ...defaultSettings(),
    paused: true,
    demonyms: true,
    site: {
      mode: 'everywhere',
      rules: [
        { pattern: 'example.com', enabled: false },
        { pattern: 'www.news.example.org', enabled: false },
      ],
    },
  };

  it('reads a v1 value (meta version 1) as v2 with host rules, and stores it so', async () => {
    await fakeBrowser.storage.local.set({ settings: v1, settings$: { v: 1 } });
    const { loadSettings, checkStoredSettings } = await loadStorageModule();
    expect(await loadSettings()).toEqual(expected);
    expect(await stored('settings')).toEqual(expected);
    expect(await stored('settings$')).toEqual({ v: 2 });
    expect(await checkStoredSettings()).toEqual([]);
  });

  it('treats a value with no version at all as v1 (what v1 wrote)', async () => {
    await fakeBrowser.storage.local.set({ settings: v1 });
    const { loadSettings } = await loadStorageModule();
    expect(await loadSettings()).toEqual(expected);
    expect(await stored('settings$')).toEqual({ v: 2 });
  });

  it('leaves a v2 value alone', async () => {
    const v2 = { ...defaultSettings(), demonyms: true };
    await fakeBrowser.storage.local.set({ settings: v2, settings$: { v: 2 } });
    const { loadSettings } = await loadStorageModule();
    expect(await loadSettings()).toEqual(v2);
  });

  it('starts from the defaults when nothing is stored, and marks the first write as v2', async () => {
    const { loadSettings, updateSettings } = await loadStorageModule();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    await updateSettings((s) => ({ ...s, paused: true }));
    expect(await stored('settings$')).toEqual({ v: 2 });
    expect(await stored('settings')).toEqual({ ...defaultSettings(), paused: true });
  });
});

describe('a damaged stored value', () => {
  const damaged = { ...defaultSettings(), paused: 'yes', demonyms: true, styles: { country: 'red' } };

  it('reads field by field, keeping what is intact', async () => {
    await fakeBrowser.storage.local.set({ settings: damaged, settings$: { v: 2 } });
    const { loadSettings, checkStoredSettings, settingsRepairItem } = await loadStorageModule();
    const settings = await loadSettings();
    expect(settings.paused).toBe(false);
    expect(settings.styles).toEqual(DEFAULT_SETTINGS.styles);
    expect(settings.demonyms).toBe(true);
    expect((await checkStoredSettings()).sort()).toEqual(['paused', 'styles']);
    // Reading changes nothing: the notice is recorded by the first write.
    expect(await settingsRepairItem.getValue()).toBeNull();
    expect(await stored('settings')).toEqual(damaged);
  });

  it('is repaired by the next update, which records what was reset', async () => {
    await fakeBrowser.storage.local.set({ settings: damaged, settings$: { v: 2 } });
    const { updateSettings, checkStoredSettings, settingsRepairItem } = await loadStorageModule();
    const next = await updateSettings((s) => s);
    expect(next).toEqual({ ...defaultSettings(), demonyms: true });
    expect(await stored('settings')).toEqual(next);
    expect(await checkStoredSettings()).toEqual([]);
    const repair = await settingsRepairItem.getValue();
    expect(repair?.problems.sort()).toEqual(['paused', 'styles']);
    expect(typeof repair?.at).toBe('number');
  });

  it('a value that is not settings at all reads as the defaults', async () => {
    await fakeBrowser.storage.local.set({ settings: 'garbage', settings$: { v: 2 } });
    const { loadSettings, checkStoredSettings } = await loadStorageModule();
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
    expect(await checkStoredSettings()).toEqual(['settings']);
  });

  it('an intact value records no repair', async () => {
    await fakeBrowser.storage.local.set({ settings: defaultSettings(), settings$: { v: 2 } });
    const { updateSettings, settingsRepairItem } = await loadStorageModule();
    await updateSettings((s) => ({ ...s, paused: true }));
    expect(await settingsRepairItem.getValue()).toBeNull();
  });
});

describe('updateSettings', () => {
  it('applies two updates started together: the second reads what the first wrote', async () => {
    const { updateSettings, loadSettings } = await loadStorageModule();
    const first = updateSettings((s) => ({ ...s, paused: true }));
    const second = updateSettings((s) => ({ ...s, demonyms: true }));
    await Promise.all([first, second]);
    expect(await loadSettings()).toMatchObject({ paused: true, demonyms: true });
  });

  it('many quick rule additions all land, in order', async () => {
    const { updateSettings, loadSettings } = await loadStorageModule();
    const hosts = Array.from({ length: 10 }, (_, i) => `site${i}.example.com`);
    await Promise.all(
      hosts.map((pattern) =>
        updateSettings((s) => ({ ...s, site: { ...s.site, rules: [...s.site.rules, { pattern, enabled: false }] } })),
      ),
    );
    expect((await loadSettings()).site.rules.map((r) => r.pattern)).toEqual(hosts);
  });

  it('a change that throws rejects its own call and does not block the next one', async () => {
    const { updateSettings, loadSettings } = await loadStorageModule();
    const failing = updateSettings(() => {
      throw new Error('boom');
    });
    const next = updateSettings((s) => ({ ...s, demonyms: true }));
    await expect(failing).rejects.toThrow('boom');
    await next;
    expect((await loadSettings()).demonyms).toBe(true);
  });

  it('watchSettings reports changes as parsed settings', async () => {
    const { updateSettings, watchSettings } = await loadStorageModule();
    const seen: Settings[] = [];
    const unwatch = watchSettings((s) => seen.push(s));
    await updateSettings((s) => ({ ...s, paused: true }));
    await fakeBrowser.storage.local.set({ settings: { ...defaultSettings(), demonyms: 'broken' } });
    await vi.waitFor(() => expect(seen).toHaveLength(2));
    unwatch();
    expect(seen[0]?.paused).toBe(true);
    expect(seen[1]).toEqual(DEFAULT_SETTINGS);
  });
});
