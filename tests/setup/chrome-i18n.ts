// What the browser's i18n.getMessage does with a messages.json, for unit tests: the fake browser
// has no i18n. Follows Chrome (extensions/common/message_bundle.cc and
// base::ReplaceStringPlaceholders); Firefox does the same for everything Gloss uses.

export interface MessageEntry {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

export type Messages = Record<string, MessageEntry>;

/**
 * A message with its named placeholders ($name$, any case) replaced by their content, as the
 * browser does when it loads the file. A placeholder that is not defined makes the browser refuse
 * to load the extension; here it throws.
 */
export function expandPlaceholders(key: string, entry: MessageEntry): string {
  const placeholders = new Map(
    Object.entries(entry.placeholders ?? {}).map(([name, placeholder]) => [name.toLowerCase(), placeholder.content]),
  );
  return entry.message.replace(/\$([a-z0-9_@]+)\$/gi, (_, name: string) => {
    const content = placeholders.get(name.toLowerCase());
    if (content === undefined) throw new Error(`Message "${key}" uses $${name}$, which it does not define`);
    return content;
  });
}

/**
 * $1…$9 become the substitutions (missing ones nothing), a run of n dollar signs becomes n - 1,
 * and a $ before anything else disappears with that character. Substituted text is not read again.
 */
export function substitute(text: string, substitutions: readonly string[]): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const char = text.charAt(i);
    if (char !== '$') {
      out += char;
      continue;
    }
    if (i + 1 >= text.length) break;
    const next = text.charAt(++i);
    if (next === '$') {
      while (text.charAt(i) === '$') {
        out += '$';
        i++;
      }
      i--;
    } else if (next >= '1' && next <= '9') {
      out += substitutions[Number(next) - 1] ?? '';
    }
  }
  return out;
}

const PREDEFINED: Record<string, string> = {
  '@@ui_locale': 'en',
  '@@bidi_dir': 'ltr',
  '@@bidi_reversed_dir': 'rtl',
  '@@bidi_start_edge': 'left',
  '@@bidi_end_edge': 'right',
};

/** getMessage over one messages.json: names in any case, '' for a name it does not have. */
export function createGetMessage(messages: Messages, extensionId: string) {
  const byName = new Map(Object.entries(messages).map(([key, entry]) => [key.toLowerCase(), { key, entry }]));
  return (name: string, substitutions?: string | string[]): string => {
    const lower = name.toLowerCase();
    if (lower === '@@extension_id') return extensionId;
    if (lower in PREDEFINED) return PREDEFINED[lower] as string;
    const found = byName.get(lower);
    if (!found) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    // Chrome rejects more than nine.
    if (subs.length > 9) throw new Error(`getMessage("${name}"): more than 9 substitutions`);
    return substitute(expandPlaceholders(found.key, found.entry), subs.map(String));
  };
}
