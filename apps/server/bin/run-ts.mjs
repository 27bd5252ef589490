#!/usr/bin/env node
// Runs a TypeScript script of the repository (benchmarks, tools): `node apps/server/bin/run-ts.mjs path.ts`.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { register } from 'tsx/esm/api';

register();
const [script] = process.argv.splice(2, 1);
if (!script) {
  console.error('usage: run-ts.mjs <script.ts> [args…]');
  process.exit(2);
}
await import(pathToFileURL(resolve(script)).href);
