// What frames load: every frame of every page the probe, a small plain script; frames whose text
// may hold a name the highlighter (content.js), which carries only what matching needs. Knowledge
// (roles, quotes, relations, documents) stays with the background and the extension's pages; the
// in-page card's code is loaded only where a card is wanted.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pack, ROOT } from './fixtures/documents';
import { EXTENSION_PATH } from './helpers';

/** The budget for the minified content script (it was 390 kB with the pack inside). */
const MAX_CONTENT_BYTES = 120 * 1024;
/** The probe runs in every frame: the key words of the bundled names and a word test, no more. */
const MAX_PROBE_BYTES = 24 * 1024;

const builds = [EXTENSION_PATH, path.join(path.dirname(EXTENSION_PATH), 'firefox-mv2')];

/** A text as a JS bundle may spell it: as is, or with everything past ASCII as \uXXXX escapes. */
function spellings(text: string): string[] {
  const escaped = text.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return [...new Set([text, escaped, escaped.toLowerCase()])];
}

describe.each(builds.map((dir) => [path.basename(dir), dir]))('the content scripts of %s', (_name, dir) => {
  const file = path.join(dir, 'content-scripts/content.js');
  const script = readFileSync(file, 'utf8');
  const probe = readFileSync(path.join(dir, 'probe.js'), 'utf8');

  it('run the probe alone in every frame, and the highlighter only where it is loaded', () => {
    const manifest = JSON.parse(readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    expect(manifest.content_scripts).toEqual([expect.objectContaining({ js: ['probe.js'], all_frames: true })]);
    expect(Buffer.byteLength(probe)).toBeLessThanOrEqual(MAX_PROBE_BYTES);
    // No framework in it: neither the polyfill nor WXT's content-script machinery.
    expect(probe).not.toContain('minArgs');
    expect(probe).not.toContain('wxt:content-script-started');
  });

  it(`is at most ${MAX_CONTENT_BYTES / 1024} kB`, () => {
    expect(Buffer.byteLength(script)).toBeLessThanOrEqual(MAX_CONTENT_BYTES);
  });

  it('holds no role, quote or document of the bundled pack', () => {
    const texts = new Set<string>();
    for (const entity of pack.entities) {
      for (const item of [...entity.roles, ...entity.relations]) texts.add(item.quote.slice(0, 60));
      for (const role of entity.roles) texts.add(role.text.slice(0, 60));
    }
    for (const document of pack.documents) {
      texts.add(document.title);
      texts.add(readFileSync(path.join(ROOT, 'data/sources', document.file), 'utf8').slice(0, 60));
    }
    const found = [...texts].filter((text) =>
      spellings(text).some((spelling) => script.includes(spelling) || probe.includes(spelling)),
    );
    expect(found).toEqual([]);
  });

  it('holds no alias index either (it is read from storage when a text may hold a name)', () => {
    // The context rules name a few people and places; an index would name every entity by its id.
    const ids = pack.entities.map((e) => e.id);
    expect(ids.length).toBeGreaterThan(100);
    expect(ids.filter((id) => script.includes(`"${id}"`) || probe.includes(`"${id}"`))).toEqual([]);
  });

  it('does not carry the card: Preact and the card are in card.js, loaded on first use', () => {
    const card = readFileSync(path.join(dir, 'card.js'), 'utf8');
    // The card's stylesheet travels with the card only.
    expect(card).toContain('gloss-page-card');
    expect(script).not.toContain('gloss-page-card');
  });

  it('does not carry the matcher either: its patterns, rules and their data are in matcher.js, loaded where a text may hold a name', () => {
    const matcher = readFileSync(path.join(dir, 'matcher.js'), 'utf8');
    // Words of the rules' data lists (a county, a typeface) and of the patterns' skipped spans.
    for (const word of ['Bedfordshire', 'Verdana']) {
      expect(matcher).toContain(word);
      expect(script).not.toContain(word);
    }
  });
});
