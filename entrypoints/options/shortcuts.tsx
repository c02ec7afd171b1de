import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';

interface Command {
  name: string;
  description: string;
  shortcut: string;
}

// The browser names the popup's own command; it has no description of ours.
const BUILT_IN: Record<string, string> = {
  _execute_action: 'Open the Gloss popup',
  _execute_browser_action: 'Open the Gloss popup',
};

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
          description: BUILT_IN[c.name ?? ''] ?? (c.description || c.name || ''),
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
      () => setCopied('Copied. Paste it into the address bar.'),
      () => setCopied('Could not copy: select the address and copy it yourself.'),
    );
  };

  return (
    <section class="opt-section" aria-labelledby="opt-shortcuts">
      <h2 id="opt-shortcuts">Keyboard shortcuts</h2>
      {failed ? (
        <p class="opt-empty">This browser did not tell Gloss its shortcuts.</p>
      ) : commands === null ? (
        <p class="opt-muted">Reading shortcuts…</p>
      ) : commands.length === 0 ? (
        <p class="opt-empty">Gloss has no keyboard commands in this version.</p>
      ) : (
        <table class="opt-shortcuts" data-testid="commands">
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Shortcut</th>
            </tr>
          </thead>
          <tbody>
            {commands.map((command) => (
              <tr key={command.name} data-command={command.name}>
                <td>{command.description}</td>
                <td>{command.shortcut ? <kbd>{command.shortcut}</kbd> : <span class="opt-muted">not set</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {import.meta.env.FIREFOX ? (
        <p class="opt-hint">
          To change them, open <strong>about:addons</strong>, click the gear button and choose{' '}
          <strong>Manage Extension Shortcuts</strong>.
        </p>
      ) : (
        <div class="opt-hint">
          <p>
            To change them, open <code class="opt-address">{SHORTCUTS_PAGE}</code> in a new tab (browsers do not let
            extensions link to it).{' '}
            <button type="button" class="opt-button opt-button-quiet" onClick={copy}>
              Copy address
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
