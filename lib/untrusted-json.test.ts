import { describe, expect, it } from 'vitest';
import { parseUntrustedJson } from './untrusted-json';

describe('parseUntrustedJson', () => {
  it('reads JSON', () => {
    expect(parseUntrustedJson('{"a":[1,"b"]}')).toEqual({ ok: true, data: { a: [1, 'b'] } });
  });

  it('refuses text that is not JSON, saying why', () => {
    const result = parseUntrustedJson('{"a":');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problem.code).toBe('not-json');
    expect(!result.ok && 'detail' in result.problem && result.problem.detail.length).toBeGreaterThan(0);
  });

  it.each(['__proto__', 'constructor', 'prototype'])('refuses a file with the key %s anywhere', (key) => {
    expect(parseUntrustedJson(`{"a":{"b":[{"${key}":{"polluted":true}}]}}`)).toEqual({
      ok: false,
      problem: { code: 'forbidden-key', key },
    });
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
  });
});
