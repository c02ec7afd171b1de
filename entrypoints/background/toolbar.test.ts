// The toolbar button per tab, against a fake browser: reports set badge, tooltip and icon; a
// settings change updates at once only the tabs whose on/off state changed.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { defaultSettings, type Settings } from '@/lib/settings/settings';
import { ICON_OFF, ICON_ON } from './icons';
import { createToolbar } from './toolbar';

const on = defaultSettings();
const siteOff = (pattern: string): Settings => ({
  ...on,
  site: { mode: 'everywhere', rules: [{ pattern, enabled: false }] },
});

let setIcon: ReturnType<typeof vi.fn>;
beforeEach(() => {
  fakeBrowser.reset();
  setIcon = vi.fn(async () => {});
  fakeBrowser.action.setIcon = setIcon as never;
});

const button = async (tabId: number) => ({
  text: await fakeBrowser.action.getBadgeText({ tabId }),
  title: await fakeBrowser.action.getTitle({ tabId }),
  icon: setIcon.mock.calls.filter(([details]) => details.tabId === tabId).at(-1)?.[0].path,
});

describe('report', () => {
  it('shows the count and the coloured icon while Gloss runs', async () => {
    const toolbar = createToolbar();
    await toolbar.report(3, { distinct: 5, enabled: true }, on);
    expect(await button(3)).toEqual({ text: '5', title: 'Gloss: 5 entities on this page', icon: ICON_ON });
  });

  it('shows "off" and the grey icon, saying why', async () => {
    const toolbar = createToolbar();
    await toolbar.report(3, { distinct: 0, enabled: false }, siteOff('example.com'));
    expect(await button(3)).toEqual({ text: 'off', title: 'Gloss is off on this site', icon: ICON_OFF });
    await toolbar.report(4, { distinct: 0, enabled: false }, { ...on, paused: true });
    expect(await button(4)).toEqual({ text: 'off', title: 'Gloss is paused on every site', icon: ICON_OFF });
  });

  it('does not fail when the tab is gone before the icon is set', async () => {
    setIcon.mockRejectedValue(new Error('No tab with id: 3.'));
    await expect(createToolbar().report(3, { distinct: 1, enabled: true }, on)).resolves.toBeUndefined();
  });
});

describe('settingsChanged', () => {
  async function twoTabs() {
    const news = await fakeBrowser.tabs.create({ url: 'https://example.com/news' });
    const other = await fakeBrowser.tabs.create({ url: 'https://other.org/' });
    const settingsPage = await fakeBrowser.tabs.create({ url: 'chrome://settings/' });
    const toolbar = createToolbar();
    await toolbar.report(news.id as number, { distinct: 5, enabled: true }, on);
    await toolbar.report(other.id as number, { distinct: 2, enabled: true }, on);
    setIcon.mockClear();
    return { toolbar, news: news.id as number, other: other.id as number, settingsPage: settingsPage.id as number };
  }

  it('turns off at once the tabs of a site switched off, and only those', async () => {
    const { toolbar, news, other, settingsPage } = await twoTabs();
    await toolbar.settingsChanged(on, siteOff('example.com'));
    expect(await button(news)).toEqual({ text: 'off', title: 'Gloss is off on this site', icon: ICON_OFF });
    expect(await button(other)).toEqual({ text: '2', title: 'Gloss: 2 entities on this page', icon: undefined });
    expect(setIcon.mock.calls.some(([details]) => details.tabId === settingsPage)).toBe(false);
  });

  it('a pause turns every web tab off; the end of it turns them on, counts to follow', async () => {
    const { toolbar, news, other } = await twoTabs();
    await toolbar.settingsChanged(on, { ...on, paused: true });
    for (const tab of [news, other]) expect((await button(tab)).title).toBe('Gloss is paused on every site');
    for (const tab of [news, other])
      await toolbar.report(tab, { distinct: 0, enabled: false }, { ...on, paused: true });
    // This page heard of the end of the pause and reported before the background did: its count is kept.
    await toolbar.report(other, { distinct: 3, enabled: true }, on);

    await toolbar.settingsChanged({ ...on, paused: true }, on);
    expect(await button(news)).toEqual({ text: '', title: 'Gloss', icon: ICON_ON });
    expect(await button(other)).toEqual({ text: '3', title: 'Gloss: 3 entities on this page', icon: ICON_ON });
  });

  it('a change that leaves every site as it was touches no tab', async () => {
    const { toolbar } = await twoTabs();
    await toolbar.settingsChanged(on, { ...on, demonyms: true });
    expect(setIcon).not.toHaveBeenCalled();
  });

  it('forgets a closed tab’s report', async () => {
    const { toolbar, other } = await twoTabs();
    toolbar.forget(other);
    await toolbar.settingsChanged(on, { ...on, paused: true });
    await toolbar.settingsChanged({ ...on, paused: true }, on);
    expect((await button(other)).text).toBe('');
  });
});
