import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { messageParts, t } from '@/lib/i18n';

interface Command {
  name: string;
  description: string;
  shortcut: string;
}

// The browser names the popup's own command; it has no description of ours.
const BUILT_IN = new Set(['_execute_action', '_execute_browser_action']);

const ORDER = ['_execute_action', '_execute_browser_action', 'toggle-site', 'next-mention', 'prev-mention'];

const SHORTCUTS_PAGE = 'chrome://extensions/shortcuts';

export function ShortcutsSection() {
  const [commands, setCommands] = useState<Command[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    browser.commands
      .getAll()
      .then((all) => {
        if (!live) return;
        const list = all.map((c) => ({
          name: c.name ?? '',
          // The browser gives our descriptions in the user's language (they are messages in the manifest).
          description: BUILT_IN.has(c.name ?? '') ? t('shortcutsOpenPopup') : c.description || c.name || '',
          shortcut: c.shortcut ?? '',
        }));
        // The browser lists commands in no useful order: the popup first, then ours as they pair up.
        const rank = (name: string) => {
          const at = ORDER.indexOf(name);
          return at === -1 ? ORDER.length : at;
        };
        setCommands(list.sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name)));
      })
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, []);

  const copy = () => {
    navigator.clipboard.writeText(SHORTCUTS_PAGE).then(
      () => setCopied(t('shortcutsCopied')),
      () => setCopied(t('shortcutsCopyFailed')),
    );
  };

  return (
    <section class="opt-section" aria-labelledby="opt-shortcuts">
      <h2 id="opt-shortcuts">{t('shortcutsTitle')}</h2>
      {failed ? (
        <p class="opt-empty">{t('shortcutsFailed')}</p>
      ) : commands === null ? (
        <p class="opt-muted">{t('shortcutsReading')}</p>
      ) : commands.length === 0 ? (
        <p class="opt-empty">{t('shortcutsNone')}</p>
      ) : (
        <table class="opt-shortcuts" data-testid="commands">
          <thead>
            <tr>
              <th scope="col">{t('shortcutsAction')}</th>
              <th scope="col">{t('shortcutsShortcut')}</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((command) => (
              <tr key={command.name} data-command={command.name}>
                <td>{command.description}</td>
                <td>
                  {command.shortcut ? (
                    <kbd>{command.shortcut}</kbd>
                  ) : (
                    <span class="opt-muted">{t('shortcutsNotSet')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {import.meta.env.FIREFOX ? (
        <p class="opt-hint">
          {messageParts('shortcutsFirefoxHint', {
            addons: <strong>about:addons</strong>,
            manage: <strong>{t('shortcutsFirefoxManage')}</strong>,
          })}
        </p>
      ) : (
        <div class="opt-hint">
          <p>
            {messageParts('shortcutsChromeHint', { address: <code class="opt-address">{SHORTCUTS_PAGE}</code> })}{' '}
            <button type="button" class="opt-button opt-button-quiet" onClick={copy}>
              {t('shortcutsCopy')}
            </button>
          </p>
          <p class="opt-status" role="status">
            {copied}
          </p>
        </div>
      )}
    </section>
  );
}
