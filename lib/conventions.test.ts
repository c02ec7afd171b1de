// Promises kept by construction, checked over every shipped source file: no page or user text is
// ever parsed as markup or code, and nothing can reach the network.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const SHIPPED = ['entrypoints', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

const files = SHIPPED.flatMap(sourceFiles).map((file) => ({
  file,
  // Comments may name what the code avoids.
  code: readFileSync(path.join(ROOT, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:])\/\/.*$/gm, '$1'),
}));

const FORBIDDEN: [string, RegExp][] = [
  [
    'markup from strings',
    /\b(innerHTML|outerHTML|insertAdjacentHTML|dangerouslySetInnerHTML|createContextualFragment|DOMParser)\b|document\.write/,
  ],
  ['code from strings', /\beval\s*\(|\bnew\s+Function\s*\(|set(Timeout|Interval)\s*\(\s*['"`]/],
  [
    'network access',
    /\b(fetch|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts)\s*\(|new\s+(XMLHttpRequest|WebSocket|EventSource)\b/,
  ],
];

describe('shipped source', () => {
  it('is found', () => {
    expect(files.length).toBeGreaterThan(30);
    expect(files.some((f) => f.file === path.join('entrypoints', 'content', 'index.ts'))).toBe(true);
  });

  it.each(FORBIDDEN)('has no %s', (_what, pattern) => {
    const offenders = files.filter(({ code }) => pattern.test(code)).map(({ file }) => file);
    expect(offenders).toEqual([]);
  });

  it('the checks catch what they are for', () => {
    const samples = ['el.innerHTML = x', 'fetch(url)', "setTimeout('alert(1)')", 'new WebSocket(u)', 'eval(s)'];
    for (const sample of samples)
      expect(
        FORBIDDEN.some(([, p]) => p.test(sample)),
        sample,
      ).toBe(true);
    expect(FORBIDDEN.some(([, p]) => p.test('element.textContent = text'))).toBe(false);
  });
});
