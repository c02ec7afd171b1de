import { execFile } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readPackFile } from '../lib/knowledge/pack-file';
import type { BundledPackFile } from '../lib/knowledge/schema';
import { MAX_DOCUMENT_BYTES } from '../lib/pack-builder/documents';
import { score } from '../lib/pack-builder/quality';
import { EXIT, runPack } from './pack-cli';

const FIXTURES = 'tests/fixtures/pack-builder';

async function run(argv: string[]) {
  const lines: string[] = [];
  const code = await runPack(argv, (line) => lines.push(line));
  return { code, log: lines.join('\n') };
}

function folderOf(...sources: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'gloss-pack-'));
  for (const source of sources)
    for (const file of readdirSync(source)) copyFileSync(join(source, file), join(dir, file));
  return dir;
}

const outIn = (dir: string) => join(dir, 'out', '..', 'pack.json');

describe('npm run pack', () => {
  it.each([
    [[], 'no folder given'],
    [[`${FIXTURES}/docs`], '--out <file.json> is required'],
    [[`${FIXTURES}/docs`, '--out'], '--out needs a value'],
    [[`${FIXTURES}/docs`, '--out', 'x.json', '--colour'], 'unknown option --colour'],
    [['no/such/folder', '--out', 'x.json'], 'no folder no/such/folder'],
  ])('usage error %j: exit 1 with the reason and the usage', async (argv, reason) => {
    const { code, log } = await run(argv);
    expect(code).toBe(EXIT.usage);
    expect(log).toContain(reason);
    expect(log).toContain('Usage: npm run pack');
  });

  it('a folder of good documents of each kind: exit 0, a pack Gloss imports, a report per type', async () => {
    const dir = folderOf(`${FIXTURES}/docs`);
    const out = outIn(dir);
    const { code, log } = await run([dir, '--out', out, '--name', 'Coastal briefings']);
    expect(code, log).toBe(EXIT.ok);
    const text = readFileSync(out, 'utf8');
    const checked = readPackFile(text, text.length);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    expect(checked.pack).toMatchObject({ id: 'coastal-briefings', name: 'Coastal briefings' });
    expect(checked.pack.documents.map((document) => document.id).sort()).toEqual([
      'fisheries-note',
      'harbour-accord',
      'ports-article',
      'reef-summit',
    ]);
    for (const label of ['countries', 'people', 'organizations', 'initiatives'])
      expect(log).toMatch(new RegExp(`  ${label}: \\d+`));
    expect(log).toContain('[4/4] reading reef-summit.txt');
  });

  it('bad files among good ones: each named with its reason, the others packed, exit 2', async () => {
    const dir = folderOf(`${FIXTURES}/docs`, `${FIXTURES}/bad`);
    // A sparse file over the limit: refused by its size, never read.
    writeFileSync(join(dir, 'huge.txt'), '');
    truncateSync(join(dir, 'huge.txt'), MAX_DOCUMENT_BYTES + 1);
    writeFileSync(join(dir, 'notes.docx'), 'PK');
    const out = outIn(dir);
    const { code, log } = await run([dir, '--out', out]);
    expect(code, log).toBe(EXIT.partial);
    const expected: [string, string][] = [
      ['empty.txt', 'empty'],
      ['image.txt', 'binary'],
      ['latin1.txt', 'not UTF-8'],
      ['scanned.pdf', 'no text layer'],
      ['huge.txt', 'larger than 50 MB'],
      ['notes.docx', 'not a .txt, .md, .html or .pdf'],
      ['reef-summit.txt', 'same text as another document (reef-summit-copy.txt)'],
      ['no-entities.txt', 'no country, person, organization or initiative'],
    ];
    for (const [file, reason] of expected) {
      expect(log).toMatch(new RegExp(`✗ ${file.replace('.', '\\.')}: .*${reason.replace(/[.()]/g, '\\$&')}`));
    }
    const text = readFileSync(out, 'utf8');
    const checked = readPackFile(text, text.length);
    expect(checked.ok && checked.pack.documents.length).toBe(4);
  });

  it('no document that can be read: exit 3 and no file', async () => {
    const dir = folderOf(`${FIXTURES}/bad`);
    const only = mkdtempSync(join(tmpdir(), 'gloss-pack-'));
    for (const file of ['empty.txt', 'image.txt', 'no-entities.txt']) copyFileSync(join(dir, file), join(only, file));
    const out = join(only, 'pack.json');
    const { code, log } = await run([only, '--out', out]);
    expect(code).toBe(EXIT.none);
    expect(log).toContain('no pack written');
    expect(existsSync(out)).toBe(false);
  });

  it('the bundled documents: a valid pack with the quality the issue asks for', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gloss-pack-'));
    const out = join(dir, 'seeds.json');
    const { code, log } = await run(['data/sources', '--out', out, '--name', 'Seeds']);
    expect(code, log).toBe(EXIT.ok);
    const text = readFileSync(out, 'utf8');
    const checked = readPackFile(text, text.length);
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const curated = JSON.parse(readFileSync('data/knowledge.json', 'utf8')) as BundledPackFile;
    const proposals = checked.pack.entities.map((entity) => ({ entity, mentions: 1 }));
    const recall = Object.fromEntries(score(proposals, curated.entities, []).map((s) => [s.type, s.recall]));
    expect(recall.country).toBeGreaterThanOrEqual(0.95);
    for (const type of ['official', 'organization', 'initiative']) expect(recall[type]).toBeGreaterThanOrEqual(0.75);
  });

  it('scripts/pack.mjs bundles the current source and exits with the command’s code', async () => {
    const failed = await promisify(execFile)('node', ['scripts/pack.mjs', '--out']).catch((error) => error);
    expect(failed.code).toBe(EXIT.usage);
    expect(failed.stderr).toContain('Usage: npm run pack');
  });
});
