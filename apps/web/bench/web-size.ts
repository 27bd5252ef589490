/**
 * How much JavaScript the browser must download, gzipped, before the login and overview screens work:
 * the entry chunk of index.html and its static imports, recursively. Lazy chunks (dynamic imports: other
 * pages, the demo phone) are not counted. Builds first, so the figure is always for the current source.
 *
 * Prints `name: value` lines; sizes are in kB of 1000 bytes, as Vite itself reports them.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

interface ManifestChunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  isEntry?: boolean;
}

const TARGET_GZ_KB = 170;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

await build({ root, logLevel: 'warn' });

const outDir = join(root, 'dist');
const manifest = JSON.parse(readFileSync(join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<
  string,
  ManifestChunk
>;

function collect(key: string, seen: Set<string>): void {
  if (seen.has(key)) return;
  const chunk = manifest[key];
  if (!chunk) throw new Error(`manifest has no entry ${key}`);
  seen.add(key);
  for (const imported of chunk.imports ?? []) collect(imported, seen);
}

const keys = new Set<string>();
collect('index.html', keys);

let raw = 0;
let gz = 0;
for (const key of keys) {
  const file = manifest[key]?.file;
  if (!file?.endsWith('.js')) continue;
  const bytes = readFileSync(join(outDir, file));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
}

const kb = (bytes: number) => (bytes / 1000).toFixed(1);
console.log(`js_gz_kb: ${kb(gz)}`);
console.log(`js_raw_kb: ${kb(raw)}`);
console.log(`js_chunks: ${keys.size}`);
console.log(`target_js_gz_kb: ${TARGET_GZ_KB}`);
