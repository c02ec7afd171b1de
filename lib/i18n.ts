// UI strings through the browser's own i18n: public/_locales/<language>/messages.json, English the
// default (default_locale). The browser picks the file for the user's language and falls back to
// English key by key. Keys and placeholder names are typed from the English file, so a missing key
// or a wrong or missing value is a type error; the call to the browser is checked against WXT's
// typed getMessage too (.wxt/types/i18n.d.ts: run `wxt prepare` after editing the file).
// lib/i18n.test.ts checks the files themselves.
//
// Conventions (checked by the test):
// - Values are passed by name: t('popupStatusOff', { site }). The browser substitutes by position,
//   so a message's placeholders take $1, $2… in the alphabetical order of their names.
// - Plurals: the browser has none. A message that depends on a number has one key per plural
//   category of the language (`mentions_one`, `mentions_other`, and e.g. `mentions_few` in a
//   language that needs it), chosen by Intl.PluralRules; `_other` always exists. Forms share their
//   placeholders; the number is the placeholder `count`, which a form may leave out ("a site rule").
// - `languageTag` and `textDirection` say which language a file is in, so plural rules, list
//   formats and the pages' lang/dir follow the file that is really shown, not the browser's language.
//
// Browser glue (it calls browser.i18n): pure modules return data, and the UI words it with these.
import { browser } from 'wxt/browser';
import type english from '@/public/_locales/en/messages.json';

type Catalog = typeof english;

/** A key of messages.json (the browser's predefined @@ messages are not UI text). */
export type MessageKey = keyof Catalog & string;

type PlaceholderOf<K extends MessageKey> = Catalog[K] extends { placeholders: infer P } ? keyof P & string : never;
type Value = string | number;
type ValuesArg<Names extends string> = [Names] extends [never] ? [] : [values: Record<Names, Value>];

/** Keys that have plural forms, without the `_other`. */
export type PluralKey = MessageKey extends infer K ? (K extends `${infer Base}_other` ? Base : never) : never;

/** The substitutions in the order the browser numbers them ($1, $2…): by placeholder name. */
function substitutions(values: Record<string, Value> | undefined): string[] {
  if (!values) return [];
  return Object.keys(values)
    .sort()
    .map((name) => String(values[name]));
}

function message(key: string, values?: Record<string, Value>): string {
  // WXT types getMessage with the English keys; plural forms of other languages are looked up by name.
  return browser.i18n.getMessage(key as MessageKey, substitutions(values));
}

/** A UI string: t('popupPause'), t('popupStatusOff', { site: 'example.com' }). */
export function t<K extends MessageKey>(key: K, ...values: ValuesArg<PlaceholderOf<K>>): string {
  return message(key, values[0]);
}

/** The language the shown messages are in (not the browser's: a language without a file falls back). */
export function messagesLanguage(): string {
  return t('languageTag') || 'en';
}

let rules: { language: string; rules: Intl.PluralRules } | null = null;

function pluralCategory(count: number): Intl.LDMLPluralRule {
  const language = messagesLanguage();
  if (rules?.language !== language) rules = { language, rules: new Intl.PluralRules(language) };
  return rules.rules.select(count);
}

/**
 * The form of a message for a number: plural('entityMentions', 3) → "3 mentions on this page".
 * Falls back to `_other` where the language's file has no form for the category.
 */
export function plural<B extends PluralKey>(
  base: B,
  count: number,
  ...values: ValuesArg<Exclude<PlaceholderOf<`${B}_other` & MessageKey>, 'count'>>
): string {
  const all = { ...values[0], count };
  return message(`${base}_${pluralCategory(count)}`, all) || message(`${base}_other`, all);
}

/**
 * A message with elements in it (a link, a highlighted word): the placeholders' values stay as
 * they are, in the order the language puts them, between the message's own text.
 * messageParts('shortcutsChromeHint', { address: <code>…</code> }) → ['To change them, open ', <code>…</code>, ' in a new tab…'].
 */
export function messageParts<K extends MessageKey, T>(
  key: K,
  values: Record<PlaceholderOf<K>, T | Value>,
): (string | T)[] {
  const elements: T[] = [];
  // Text goes in as text; each element as a marker of private-use characters, which messages never hold.
  const substituted = Object.fromEntries(
    Object.entries<T | Value>(values).map(([name, value]) => {
      if (typeof value === 'string' || typeof value === 'number') return [name, value];
      elements.push(value);
      return [name, `\uE000${elements.length - 1}\uE001`];
    }),
  );
  return message(key, substituted)
    .split(/\uE000(\d+)\uE001/)
    .flatMap((piece, i): (string | T)[] => {
      if (i % 2 === 1) return [elements[Number(piece)] as T];
      return piece ? [piece] : [];
    });
}

/**
 * A list in the shown language: 'and' joins ("a, b, and c"), 'plain' only separates ("a, b, c",
 * for lists of names where no conjunction is meant).
 */
export function formatList(items: readonly string[], kind: 'and' | 'plain'): string {
  return listFormat(kind).format(items);
}

/**
 * The shape of such a list for `count` items, as indices and the separators between them, for
 * lists of elements: listShape(3, 'plain') → [0, ', ', 1, ', ', 2].
 */
export function listShape(count: number, kind: 'and' | 'plain'): (number | string)[] {
  const items = Array.from({ length: count }, (_, i) => `\uE000${i}\uE001`);
  return listFormat(kind)
    .formatToParts(items)
    .map((part) => (part.type === 'element' ? Number(part.value.slice(1, -1)) : part.value));
}

function listFormat(kind: 'and' | 'plain'): Intl.ListFormat {
  return new Intl.ListFormat(messagesLanguage(), {
    type: kind === 'and' ? 'conjunction' : 'unit',
    style: kind === 'and' ? 'long' : 'short',
  });
}

/** lang and dir of a page or of an element we add to a page, for the language of its messages. */
export function localize(element: HTMLElement): void {
  element.lang = messagesLanguage();
  element.dir = t('textDirection') === 'rtl' ? 'rtl' : 'ltr';
}
