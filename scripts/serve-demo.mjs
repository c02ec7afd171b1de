// Serves demo/ on http://127.0.0.1:8080 (or PORT) so the extension can run on it.
import { readFile } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { startStaticServer } from './static-server.mjs';

const root = new URL('../demo/', import.meta.url).pathname;
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript' };

const server = await startStaticServer(
  async (url) => {
    const path = normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, '');
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    try {
      return { body: await readFile(file), type: types[extname(file)] ?? 'application/octet-stream' };
    } catch {
      return undefined;
    }
  },
  { port: Number(process.env.PORT ?? 8080) },
);
console.log(`Gloss demo: ${server.url('/')}`);
