// `npm run pack -- <folder> --out <file.json> [--name NAME] [--id ID]` (see scripts/pack-cli.ts):
// bundles the builder from the current source with esbuild, as the bench does, and runs it.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const result = await build({
  entryPoints: [join(root, 'scripts/pack-cli.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  write: false,
  logLevel: 'silent',
});
// Written inside the project so the bundle's imports find node_modules.
const cache = join(root, 'node_modules/.cache/gloss-pack');
await mkdir(cache, { recursive: true });
const file = join(cache, `cli-${process.pid}.mjs`);
await writeFile(file, result.outputFiles[0].text);
try {
  const { runPack } = await import(pathToFileURL(file).href);
  process.exitCode = await runPack(process.argv.slice(2), (line) => process.stderr.write(`${line}\n`));
} finally {
  await rm(file, { force: true });
}
