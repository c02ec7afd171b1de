import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { COMMANDS, commandAction } from './commands';

describe('commandAction', () => {
  it('maps each command to what it does', () => {
    expect(commandAction('toggle-site')).toEqual({ kind: 'toggle-site' });
    expect(commandAction('next-mention')).toEqual({ kind: 'jump', direction: 'next' });
    expect(commandAction('prev-mention')).toEqual({ kind: 'jump', direction: 'prev' });
  });

  it.each([
    '_execute_action',
    'wxt:reload-extension',
    'Toggle-Site',
    '',
    '__proto__',
    'toString',
    'constructor',
    null,
    undefined,
    42,
    {},
  ])('ignores %o', (name) => {
    expect(commandAction(name)).toBeNull();
  });

  it('knows every command of the manifest', () => {
    for (const name of Object.keys(COMMANDS)) expect(commandAction(name), name).not.toBeNull();
  });
});

describe('COMMANDS (manifest)', () => {
  const entries = Object.values(COMMANDS);

  it('suggests at most four keys, each distinct and with Alt or Ctrl as Chrome requires', () => {
    const keys = entries.map((command) => command.suggested_key.default);
    expect(keys.length).toBeLessThanOrEqual(4);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^(Ctrl|Alt)\+(Shift\+)?[A-Z0-9]$/);
  });

  it('describes each command with a message, a short sentence in English', () => {
    for (const { description } of entries) {
      const key = /^__MSG_(\w+)__$/.exec(description)?.[1];
      expect(key, description).toBeDefined();
      const english = fakeBrowser.i18n.getMessage(key as never);
      expect(english).toMatch(/^[A-Z][^.]*[a-z]$/);
      expect(english.length).toBeLessThanOrEqual(60);
    }
  });
});
