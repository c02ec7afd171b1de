// The keyboard commands: their manifest entries (wxt.config.ts) and what each one does. Pure, and
// free of heavy imports so the build config can read it. The descriptions are messages
// (public/_locales): the browser shows them in the user's language.

export type Direction = 'next' | 'prev';
export type CommandAction = { kind: 'toggle-site' } | { kind: 'jump'; direction: Direction };

/**
 * Alt+Shift with a letter: not taken by Chrome or Firefox, and free of Ctrl, which pages and
 * editors use most. J and K move forward and back as in many readers. Chrome allows at most four
 * suggested keys; users can change them at chrome://extensions/shortcuts or in Firefox's add-on
 * manager ("Manage Extension Shortcuts").
 */
export const COMMANDS = {
  'toggle-site': {
    suggested_key: { default: 'Alt+Shift+G' },
    description: '__MSG_commandToggleSite__',
  },
  'next-mention': {
    suggested_key: { default: 'Alt+Shift+J' },
    description: '__MSG_commandNextMention__',
  },
  'prev-mention': {
    suggested_key: { default: 'Alt+Shift+K' },
    description: '__MSG_commandPrevMention__',
  },
} as const;

export type CommandName = keyof typeof COMMANDS;

const ACTIONS: Record<CommandName, CommandAction> = {
  'toggle-site': { kind: 'toggle-site' },
  'next-mention': { kind: 'jump', direction: 'next' },
  'prev-mention': { kind: 'jump', direction: 'prev' },
};

/** What a command does; null for a name that is not ours. */
export function commandAction(name: unknown): CommandAction | null {
  return typeof name === 'string' && Object.hasOwn(ACTIONS, name) ? ACTIONS[name as CommandName] : null;
}
