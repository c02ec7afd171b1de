// How long the pack builder takes (lib/pack-builder, as `npm run pack` and the options page run it):
// on the five bundled documents (22 kB) and on a 1 MB document. Run alone:
//   node bench/pack-builder.mjs [--runs=N]
// Not part of bench/run.mjs. A 1 MB document is the five bundled texts, each paragraph numbered so
// no two are alike, repeated to 1 MB: news prose like the seeds, at 45 times their length. The
// ratio of the two is the builder's growth against its own baseline in the same run.
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.slice(7) ?? 5);
const megabytes = Number(process.argv.find((arg) => arg.startsWith('--mb='))?.slice(5) ?? 1);
const bundled = await build({
  entryPoints: [join(root, 'lib/pack-builder/build.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  packages: 'external',
  write: false,
  logLevel: 'silent',
});
const cache = join(root, 'node_modules/.cache/gloss-pack');
await mkdir(cache, { recursive: true });
const file = join(cache, `bench-${process.pid}.mjs`);
await writeFile(file, bundled.outputFiles[0].text);
const { buildPack } = await import(pathToFileURL(file).href);
await rm(file);

const curated = JSON.parse(await readFile(join(root, 'data/knowledge.json'), 'utf8'));
const seeds = await Promise.all(
  curated.documents.map(async (d) => ({
    id: d.id,
    title: d.title,
    text: await readFile(join(root, 'data/sources', d.file), 'utf8'),
  })),
);
const paragraphs = seeds.flatMap((d) => d.text.split(/\n\s*\n/)).filter((p) => p.trim() !== '');
let big = '';
for (let n = 0; big.length < megabytes * 1024 * 1024; n++) big += `${n + 1}. ${paragraphs[n % paragraphs.length]}\n\n`;
const large = [{ id: 'one-megabyte', title: 'One megabyte', text: big }];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
function time(documents) {
  const times = [];
  let result;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    result = buildPack(documents, { id: 'bench', name: 'Bench' });
    times.push(performance.now() - start);
  }
  return { ms: median(times), min: Math.min(...times), max: Math.max(...times), entities: result.proposals.length };
}
// The first run pays for compiling and compromise's lexicon; it is reported apart.
const firstStart = performance.now();
buildPack(seeds, { id: 'bench', name: 'Bench' });
const first = performance.now() - firstStart;
const five = time(seeds);
const one = time(large);
const kb = (text) => (text.length / 1024).toFixed(0);
console.log(
  `${os.cpus()[0]?.model ?? 'cpu'}, ${os.cpus().length} cores, Node ${process.version}; ${runs} runs, median [min–max]`,
);
console.log(`first run (cold): ${first.toFixed(0)} ms`);
console.log(
  `five bundled documents (${kb(seeds.map((d) => d.text).join(''))} kB): ${five.ms.toFixed(0)} ms [${five.min.toFixed(0)}–${five.max.toFixed(0)}], ${five.entities} proposals`,
);
console.log(
  `one 1 MB document (${kb(big)} kB): ${one.ms.toFixed(0)} ms [${one.min.toFixed(0)}–${one.max.toFixed(0)}], ${one.entities} proposals`,
);
console.log(
  `1 MB / five documents: ${(one.ms / five.ms).toFixed(1)}× the time for ${(big.length / seeds.reduce((s, d) => s + d.text.length, 0)).toFixed(1)}× the text`,
);
