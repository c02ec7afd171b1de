// `npm run pack -- <folder> --out <file.json> [--name NAME] [--id ID]`: a knowledge pack proposed
// from a folder of documents (.txt, .md, .html, .pdf). Bundled and run by scripts/pack.mjs.
// Exit codes: 0 the pack is written from every file; 1 usage (bad arguments, no such folder);
// 2 the pack is written but some files were refused (each named on stderr); 3 no pack written.
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { readPackFile, writePackFile } from '../lib/knowledge/pack-file';
import { ENTITY_TYPES } from '../lib/knowledge/schema';
import { buildPack, type SourceDocument } from '../lib/pack-builder/build';
import { dedupe, describeProblem, documentId, kindOf, MAX_DOCUMENT_BYTES } from '../lib/pack-builder/documents';
import { readDocumentFile } from '../lib/pack-builder/read-file';
import { nodeParsers } from './pack-parsers';

export const EXIT = { ok: 0, usage: 1, partial: 2, none: 3 } as const;

export const USAGE = `Usage: npm run pack -- <folder> --out <file.json> [--name NAME] [--id ID]

Builds a knowledge pack from the .txt, .md, .html and .pdf files of <folder> (not its subfolders).
Exit codes: 0 pack written from every file; 1 usage; 2 pack written, some files refused; 3 no pack.`;

interface Args {
  folder: string;
  out: string;
  name?: string;
  id?: string;
}

export function parseArgs(argv: readonly string[]): Args | string {
  const rest: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--out' || arg === '--name' || arg === '--id') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) return `${arg} needs a value`;
      options[arg.slice(2)] = value;
    } else if (arg.startsWith('--')) return `unknown option ${arg}`;
    else rest.push(arg);
  }
  if (rest.length !== 1) return rest.length === 0 ? 'no folder given' : `one folder only (got ${rest.join(', ')})`;
  if (!options.out) return '--out <file.json> is required';
  return { folder: rest[0] as string, out: options.out, name: options.name, id: options.id };
}

const LABELS: Record<(typeof ENTITY_TYPES)[number], string> = {
  country: 'countries',
  initiative: 'initiatives',
  organization: 'organizations',
  official: 'people',
};

/** Runs the command; `log` is stderr. Returns the exit code. */
export async function runPack(argv: readonly string[], log: (line: string) => void): Promise<number> {
  const args = parseArgs(argv);
  if (typeof args === 'string') {
    log(`pack: ${args}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const folder = resolve(args.folder);
  let names: string[];
  try {
    names = (await readdir(folder, { withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => entry.name)
      .sort();
  } catch {
    log(`pack: no folder ${args.folder}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const name = args.name ?? basename(folder);
  const id = args.id ?? (documentId(name).slice(0, 40).replace(/-+$/, '') || 'my-pack');
  const parsers = await nodeParsers();
  let refused = 0;
  const refuse = (file: string, why: string) => {
    refused++;
    log(`  ✗ ${file}: ${why}`);
  };
  const read: { file: string; document: SourceDocument }[] = [];
  for (const [i, file] of names.entries()) {
    log(`[${i + 1}/${names.length}] reading ${file}`);
    if (kindOf(file) === undefined) {
      refuse(file, describeProblem('unsupported'));
      continue;
    }
    const path = join(folder, file);
    // The size is checked before a byte is read: a 2 GB file costs nothing.
    if ((await stat(path)).size > MAX_DOCUMENT_BYTES) {
      refuse(file, describeProblem('too-large'));
      continue;
    }
    const result = await readDocumentFile(file, new Uint8Array(await readFile(path)), parsers);
    if (result.ok) read.push({ file, document: result.document });
    else refuse(file, result.detail);
  }
  const { kept, duplicates } = dedupe(read);
  for (const { file, of } of duplicates) refuse(file, `${describeProblem('duplicate')} (${of}), left out`);
  if (kept.length === 0) {
    log('pack: no document could be read; no pack written');
    return EXIT.none;
  }
  log(`finding names in ${kept.length} document${kept.length === 1 ? '' : 's'}…`);
  const started = performance.now();
  const result = buildPack(
    kept.map((item) => item.document),
    { id, name, onProgress: (done, total) => log(`  ${Math.round((done / total) * 100)}%`) },
  );
  for (const documentId of result.empty) {
    const file = kept.find((item) => item.document.id === documentId)?.file ?? documentId;
    refuse(file, `${describeProblem('no-entities')}, left out`);
  }
  if (!result.pack) {
    log('pack: nothing found in any document; no pack written');
    return EXIT.none;
  }
  const text = writePackFile(result.pack);
  const checked = readPackFile(text, new TextEncoder().encode(text).length);
  if (!checked.ok) {
    log(`pack: the pack built is not valid (a bug): ${JSON.stringify(checked.problems.slice(0, 3))}`);
    return EXIT.none;
  }
  await writeFile(args.out, text);
  log(`found in ${Math.round(performance.now() - started)} ms:`);
  for (const type of ENTITY_TYPES) {
    const of = result.proposals.filter((proposal) => proposal.entity.type === type);
    const top = of
      .slice(0, 5)
      .map((proposal) => `${proposal.entity.name} (${proposal.mentions})`)
      .join(', ');
    log(`  ${LABELS[type]}: ${of.length}${top ? `: ${top}${of.length > 5 ? ', …' : ''}` : ''}`);
  }
  log(
    `wrote ${args.out}: pack "${name}" (id ${id}), ${result.pack.documents.length} documents, ${result.pack.entities.length} entities`,
  );
  if (refused > 0) log(`${refused} file${refused === 1 ? '' : 's'} refused (above); the pack holds the others`);
  return refused > 0 ? EXIT.partial : EXIT.ok;
}
