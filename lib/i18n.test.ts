// The UI strings: how t(), plural() and friends word things, the browser's substitution rules the
// test setup copies, and the conventions of public/_locales (every key used exists, every key is
// used, every message is described, placeholders are consistent, translations match English).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createGetMessage, expandPlaceholders, type Messages, substitute } from '@/tests/setup/chrome-i18n';
import { formatList, listShape, localize, messageParts, plural, t } from './i18n';

const ROOT = path.resolve(__dirname, '..');
const LOCALES = path.join(ROOT, 'public/_locales');
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Messages;
const english = readJson(path.join(LOCALES, 'en/messages.json'));

const PLURAL_FORM = /^(.+)_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\$([a-z0-9_@]+)\$/gi;

describe('the browser’s substitution rules (tests/setup/chrome-i18n.ts)', () => {
  it('puts $1…$9 in order, nothing for a missing one, and never reads a substitution again', () => {
    expect(substitute('$2 before $1', ['a', 'b'])).toBe('b before a');
    expect(substitute('a $1 b $2.', ['x'])).toBe('a x b .');
    expect(substitute('$1', ['$2 and $$'])).toBe('$2 and $$');
  });

  it('makes n dollar signs n - 1 and drops a $ before anything else', () => {
    expect(substitute('US$$5', [])).toBe('US$5');
    expect(substitute('$$$1', ['x'])).toBe('$$1');
    expect(substitute('cost $x or $0 $', [])).toBe('cost  or  ');
  });

  it('replaces named placeholders in any case, and refuses undefined ones as the browser does', () => {
    const entry = {
      message: 'On $Site$: $COUNT$',
      placeholders: { site: { content: '$2' }, count: { content: '$1' } },
    };
    expect(expandPlaceholders('k', entry)).toBe('On $2: $1');
    expect(() => expandPlaceholders('k', { message: 'On $site$' })).toThrow(/\$site\$/);
  });

  it('looks names up in any case, answers the predefined ones, and has nothing for an unknown name', () => {
    const getMessage = createGetMessage(
      { Hello: { message: 'Hi $who$', placeholders: { who: { content: '$1' } } } },
      'id',
    );
    expect(getMessage('hello', 'you')).toBe('Hi you');
    expect(getMessage('HELLO', ['you'])).toBe('Hi you');
    expect(getMessage('@@extension_id')).toBe('id');
    expect(getMessage('@@bidi_dir')).toBe('ltr');
    expect(getMessage('nope')).toBe('');
    expect(() => getMessage('hello', Array(10).fill('x'))).toThrow(/more than 9/);
  });
});

describe('t, plural, messageParts, lists (English)', () => {
  const realGetMessage = fakeBrowser.i18n.getMessage;
  afterEach(() => {
    fakeBrowser.i18n.getMessage = realGetMessage;
  });

  it('words a message, its values by name whatever the order they are given in', () => {
    expect(t('popupPause')).toBe('Pause everywhere');
    expect(t('popupStatusOff', { site: 'example.com' })).toBe('Off on example.com: nothing is highlighted');
    expect(t('popupEntityNavAt', { total: 7, index: 2 })).toBe('Mention 2 of 7');
    expect(t('menuLookUp', { selection: '%s' })).toBe('Look up “%s” in Gloss');
  });

  it('picks the plural form, and falls back to _other where the language has no form of its own', () => {
    expect(plural('entityMentions', 1)).toBe('1 mention on this page');
    expect(plural('entityMentions', 0)).toBe('0 mentions on this page');
    expect(plural('entityMentions', 2)).toBe('2 mentions on this page');
    expect(plural('repairRules', 1)).toBe('a site rule that could not be read (removed)');
    expect(plural('answerSigned', 3, { total: 62 })).toBe('3 of its 62 signatories are on this page');
    // English has no "one" form for this message.
    expect(plural('entityMore', 1)).toBe('and 1 more');
  });

  it('follows the plural rules of the language the messages are in', () => {
    const russian: Messages = {
      languageTag: { message: 'ru' },
      items_one: { message: '$count$ one', placeholders: { count: { content: '$1' } } },
      items_few: { message: '$count$ few', placeholders: { count: { content: '$1' } } },
      items_other: { message: '$count$ other', placeholders: { count: { content: '$1' } } },
    };
    fakeBrowser.i18n.getMessage = createGetMessage(russian, 'id') as typeof realGetMessage;
    const items = (n: number) => plural('items' as never, n);
    expect([1, 21, 3, 22, 5, 11, 1.5].map(items)).toEqual([
      '1 one',
      '21 one',
      '3 few',
      '22 few',
      // Russian's "many" form is missing here: _other stands in.
      '5 other',
      '11 other',
      '1.5 other',
    ]);
  });

  it('keeps elements in a message where the language puts them', () => {
    const link = { element: 'button' };
    expect(messageParts('popupAllNavAt', { index: 2, total: 7, name: link })).toEqual(['2 of 7: ', link]);
    expect(messageParts('popupPause', {})).toEqual(['Pause everywhere']);
  });

  it('joins lists as the language does', () => {
    expect(formatList(['a', 'b', 'c'], 'and')).toBe('a, b, and c');
    expect(formatList(['a', 'b'], 'and')).toBe('a and b');
    expect(formatList(['a', 'b', 'c'], 'plain')).toBe('a, b, c');
    expect(listShape(3, 'plain')).toEqual([0, ', ', 1, ', ', 2]);
    expect(listShape(1, 'plain')).toEqual([0]);
    expect(listShape(0, 'plain')).toEqual([]);
  });

  it('gives pages the language and direction of the messages', () => {
    const element = { lang: '', dir: '' } as HTMLElement;
    localize(element);
    expect(element).toEqual({ lang: 'en', dir: 'ltr' });
  });
});

/** What is wrong with one messages.json on its own; [] when nothing is. */
function catalogProblems(messages: Messages): string[] {
  const problems: string[] = [];
  const lower = new Map<string, string>();
  for (const [key, entry] of Object.entries(messages)) {
    if (!/^[A-Za-z0-9_]+$/.test(key)) problems.push(`${key}: a name has only letters, digits and _`);
    const clash = lower.get(key.toLowerCase());
    // The browser reads names in any case: two that differ only in case are one.
    if (clash) problems.push(`${key}: same name as ${clash}`);
    lower.set(key.toLowerCase(), key);
    if (typeof entry.message !== 'string' || entry.message.trim() === '') problems.push(`${key}: empty message`);
    if (typeof entry.description !== 'string' || entry.description.trim() === '') {
      problems.push(`${key}: no description`);
    }
    try {
      expandPlaceholders(key, entry);
    } catch (error) {
      problems.push((error as Error).message);
      continue;
    }
    const names = Object.keys(entry.placeholders ?? {});
    const sorted = [...names].sort();
    sorted.forEach((name, i) => {
      const placeholder = entry.placeholders?.[name];
      if (name !== name.toLowerCase()) problems.push(`${key}: placeholder ${name} is not lower case`);
      // t() passes values by name, sorted: the browser numbers them so.
      if (placeholder?.content !== `$${i + 1}`) problems.push(`${key}: ${name} must hold $${i + 1}`);
      if (!placeholder?.example) problems.push(`${key}: ${name} has no example`);
    });
    const used = new Set([...entry.message.matchAll(PLACEHOLDER)].map((m) => (m[1] as string).toLowerCase()));
    const form = PLURAL_FORM.exec(key);
    for (const name of names) {
      // A plural form may leave out the number ("a site rule").
      const mayOmit = name === 'count' && form !== null && form[2] !== 'other';
      if (!used.has(name) && !mayOmit) problems.push(`${key}: ${name} is defined but not used`);
    }
    if (entry.message.replace(PLACEHOLDER, '').replace(/\$\$/g, '').includes('$')) {
      problems.push(`${key}: a $ that is no named placeholder (write $$ for a dollar sign)`);
    }
    if (form) {
      const other = messages[`${form[1]}_other`];
      if (!other) problems.push(`${key}: a plural form without ${form[1]}_other`);
      else if (JSON.stringify(placeholderSet(other)) !== JSON.stringify(placeholderSet(entry))) {
        problems.push(`${key}: placeholders differ from ${form[1]}_other`);
      }
      if (messages[form[1] as string]) problems.push(`${form[1]}: both a message and plural forms`);
    }
  }
  for (const key of ['languageTag', 'textDirection']) if (!messages[key]) problems.push(`${key}: missing`);
  if (!['ltr', 'rtl'].includes(messages.textDirection?.message ?? '')) problems.push('textDirection: ltr or rtl');
  return problems;
}

function placeholderSet(entry: Messages[string]): [string, string][] {
  return Object.entries(entry.placeholders ?? {})
    .map(([name, p]): [string, string] => [name, p.content])
    .sort(([a], [b]) => a.localeCompare(b));
}

/** What is wrong with a translation next to English: unknown keys, other placeholders, a wrong tag. */
function translationProblems(folder: string, messages: Messages): string[] {
  const problems = catalogProblems(messages).filter((p) => !p.endsWith('no description'));
  const tag = folder.replace('_', '-');
  if (messages.languageTag?.message !== tag) problems.push(`languageTag: must be ${tag}`);
  for (const [key, entry] of Object.entries(messages)) {
    const form = PLURAL_FORM.exec(key);
    // A language may need plural forms English has not (few, many).
    const reference = english[key] ?? (form ? english[`${form[1]}_other`] : undefined);
    if (!reference) {
      problems.push(`${key}: not an English key`);
      continue;
    }
    if (JSON.stringify(placeholderSet(entry)) !== JSON.stringify(placeholderSet(reference))) {
      problems.push(`${key}: placeholders differ from English`);
    }
  }
  return problems;
}

describe('public/_locales', () => {
  it('English is complete and consistent', () => {
    expect(catalogProblems(english)).toEqual([]);
    expect(english.languageTag?.message).toBe('en');
  });

  it('every translation matches English', () => {
    const folders = readdirSync(LOCALES).filter((folder) => folder !== 'en');
    for (const folder of folders) {
      expect(translationProblems(folder, readJson(path.join(LOCALES, folder, 'messages.json'))), folder).toEqual([]);
    }
  });

  it('the checks find what they are for', () => {
    const broken: Messages = {
      Two: { message: 'x', description: 'd' },
      two: { message: 'y', description: 'd' },
      bare: { message: 'cost $1 or $who$', description: '' },
      order: {
        message: '$b$ $a$',
        description: 'd',
        placeholders: { a: { content: '$2', example: '1' }, b: { content: '$1', example: '2' } },
      },
      spare: { message: 'x', description: 'd', placeholders: { n: { content: '$1', example: '1' } } },
      lone_one: { message: 'one', description: 'd' },
    };
    expect(catalogProblems(broken)).toEqual([
      'two: same name as Two',
      'bare: no description',
      'Message "bare" uses $who$, which it does not define',
      'order: a must hold $1',
      'order: b must hold $2',
      'spare: n is defined but not used',
      'lone_one: a plural form without lone_other',
      'languageTag: missing',
      'textDirection: missing',
      'textDirection: ltr or rtl',
    ]);
    const french: Messages = {
      languageTag: { message: 'fr' },
      textDirection: { message: 'ltr' },
      popupPause: { message: 'Tout mettre en pause' },
      popupStatusOff: { message: 'Désactivé sur $site$' },
      entityMentions_many: {
        message: '$count$ mentions',
        placeholders: { count: { content: '$1', example: '1000000' } },
      },
      entityMentions_other: { message: '$count$', placeholders: { count: { content: '$1', example: '3' } } },
      popupNothing: { message: 'Rien' },
    };
    expect(translationProblems('pt_BR', french)).toEqual([
      'Message "popupStatusOff" uses $site$, which it does not define',
      'languageTag: must be pt-BR',
      'popupStatusOff: placeholders differ from English',
      'popupNothing: not an English key',
    ]);
  });
});

/** The project's own source: where messages are used. */
function sourceFiles(): { file: string; text: string }[] {
  const files = ['wxt.config.ts'];
  for (const dir of ['entrypoints', 'components', 'lib']) {
    for (const file of readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]) {
      if (/\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file)) files.push(path.join(dir, file));
    }
  }
  return files.map((file) => ({ file, text: readFileSync(path.join(ROOT, file), 'utf8') }));
}

describe('messages in the source', () => {
  const sources = sourceFiles();
  const all = sources.map((s) => s.text).join('\n');
  const found = (pattern: RegExp) => [...all.matchAll(pattern)].map((m) => m[1] as string);

  it('reads the source (the search below would pass on nothing)', () => {
    expect(sources.some((s) => s.file === path.join('components', 'entity-card.tsx'))).toBe(true);
    expect(found(/\bt\(\s*'(\w+)'/g).length).toBeGreaterThan(100);
  });

  it('every key the source names exists in English', () => {
    const keys = [
      ...found(/\b(?:t|messageParts)\(\s*'(\w+)'/g),
      ...found(/\bgetMessage\(\s*'(\w+)'/g),
      ...found(/__MSG_(\w+)__/g),
    ];
    expect(keys.filter((key) => !english[key])).toEqual([]);
    // Plural forms are for plural(), which picks one.
    expect(found(/\b(?:t|messageParts)\(\s*'(\w+)'/g).filter((key) => PLURAL_FORM.test(key))).toEqual([]);
    const bases = found(/\bplural\(\s*'(\w+)'/g);
    expect(bases.length).toBeGreaterThan(10);
    expect(bases.filter((base) => !english[`${base}_other`])).toEqual([]);
  });

  it('every English key is used', () => {
    const quoted = new Set(found(/'(\w+)'/g));
    const manifest = new Set(found(/__MSG_(\w+)__/g));
    const unused = Object.keys(english).filter((key) => {
      const base = PLURAL_FORM.exec(key)?.[1];
      return !quoted.has(key) && !manifest.has(key) && !(base && quoted.has(base));
    });
    expect(unused).toEqual([]);
  });

  it('the manifest names English as the default language and its words are messages', () => {
    const config = readFileSync(path.join(ROOT, 'wxt.config.ts'), 'utf8');
    expect(config).toMatch(/default_locale: 'en'/);
    expect(config).toMatch(/name: '__MSG_extName__'/);
    expect(config).toMatch(/description: '__MSG_extDescription__'/);
    // Only the i18n module asks the browser for messages.
    const callers = sources.filter((s) => /i18n\.getMessage\(/.test(s.text)).map((s) => s.file);
    expect(callers).toEqual([path.join('lib', 'i18n.ts')]);
  });
});
