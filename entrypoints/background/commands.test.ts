import { describe, expect, it } from 'vitest';
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

  it('describes each command in a short sentence', () => {
    for (const { description } of entries) {
      expect(description).toMatch(/^[A-Z][^.]*[a-z]$/);
      expect(description.length).toBeLessThanOrEqual(60);
    }
  });
});
