#!/usr/bin/env node
// The `kabinet` CLI. The sources are TypeScript, run through tsx's loader (see docs/decisions/0002).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli.ts');
