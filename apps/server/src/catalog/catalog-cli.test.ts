import { spawnSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from '@kabinet/db/vitest';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
const DEMO = join(ROOT, 'apps/server/src/demo/demo-catalog.json');

/** Runs the real `kabinet` binary, as an operator would. */
function kabinet(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, ['apps/server/bin/kabinet.mjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
    timeout: 60_000,
  });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const BAD = `{
  "format": "kabinet-catalog/1",
  "tariffs": [
    { "code": "a", "name": { "ru": "А", "en": "A" }, "fee": 1.5, "fee_period": "month" }
  ],
  "options": [
    { "code": "x", "category": "content", "name": { "ru": "Х", "en": "X" }, "excludes_options": ["y"] }
  ]
}
`;

describe('kabinet catalog', () => {
  it('OPS-03 check lists every error of a bad file with its line and exits 1', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'kabinet-cli-'));
    const file = join(dir, 'bad.json');
    await writeFile(file, BAD);
    const run = kabinet(['catalog', 'check', file]);
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([
      `${file}:4:61 tariffs[0].fee: must be a non-negative integer of kopecks`,
      `${file}:7:5 options[0].short_number: a content subscription needs the short number that answers STOP`,
      `${file}:7:98 options[0].excludes_options[0]: no option has the code y`,
      `${file}: 3 error(s); nothing was loaded.`,
    ]);
    const json = kabinet(['catalog', 'check', file, '--json']);
    expect(json.status).toBe(1);
    const parsed = JSON.parse(json.stdout) as { ok: boolean; errors: { line: number; path: string }[] };
    expect(parsed.ok).toBe(false);
    expect(parsed.errors.map((e) => [e.line, e.path])).toEqual([
      [4, 'tariffs[0].fee'],
      [7, 'options[0].short_number'],
      [7, 'options[0].excludes_options[0]'],
    ]);
  });

  it('OPS-03 check accepts the demo catalog; load writes it and a second load changes nothing', async () => {
    const check = kabinet(['catalog', 'check', DEMO]);
    expect(check.status).toBe(0);
    expect(check.stdout).toMatch(/OK — 11 tariffs, \d+ options, 3 roaming zones/);

    const database = await createTestDatabase();
    try {
      const env = { DATABASE_URL: database.url };
      const first = kabinet(['catalog', 'load', DEMO, '--json'], env);
      expect(first.status).toBe(0);
      const summary = (JSON.parse(first.stdout) as { summary: { tariffs: { created: number } } }).summary;
      expect(summary.tariffs.created).toBe(11);
      const second = kabinet(['catalog', 'load', DEMO], env);
      expect(second.status).toBe(0);
      expect(second.stdout).toContain('tariffs: 11 (0 new, 0 updated, 11 unchanged, 0 archived)');
      expect(second.stdout).toContain('price changes: 0 new, 0 updated, 0 removed');
      const journal = await database.db
        .selectFrom('journal')
        .select(['action', 'channel', 'actor_kind'])
        .where('action', '=', 'catalog.loaded')
        .execute();
      expect(journal).toEqual([
        { action: 'catalog.loaded', channel: 'console', actor_kind: 'admin' },
        { action: 'catalog.loaded', channel: 'console', actor_kind: 'admin' },
      ]);
    } finally {
      await database.drop();
    }
  }, 60_000);
});
