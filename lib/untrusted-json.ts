// A file's text as JSON, read as what it is: someone else's data. Pure. A key that could reach an
// object's prototype (`__proto__` and its kin) anywhere in the file refuses it whole.

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type UntrustedJson =
  | { ok: true; data: unknown }
  | { ok: false; problem: { code: 'not-json'; detail: string } | { code: 'forbidden-key'; key: string } };

export function parseUntrustedJson(text: string): UntrustedJson {
  let forbidden: string | null = null;
  let data: unknown;
  try {
    data = JSON.parse(text, (key, value) => {
      if (FORBIDDEN_KEYS.has(key)) forbidden = key;
      return value;
    });
  } catch (error) {
    return { ok: false, problem: { code: 'not-json', detail: error instanceof Error ? error.message : String(error) } };
  }
  if (forbidden !== null) return { ok: false, problem: { code: 'forbidden-key', key: forbidden } };
  return { ok: true, data };
}
