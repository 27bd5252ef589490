import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadMigrations } from './migrate.ts';

async function dirWith(files: string[]) {
  const dir = await mkdtemp(join(tmpdir(), 'kabinet-mig-'));
  for (const f of files) await writeFile(join(dir, f), 'SELECT 1;');
  return dir;
}

describe('migration order', () => {
  it('RATE-05 the shipped migrations are numbered 1, 2, 3 … without gaps', async () => {
    const files = await loadMigrations();
    expect(files.length).toBeGreaterThan(0);
    expect(files.map((f) => f.version)).toEqual(files.map((_, i) => i + 1));
  });

  it('RATE-05 refuses a gap in the numbering', async () => {
    await expect(loadMigrations(await dirWith(['0001_a.sql', '0003_c.sql']))).rejects.toThrow(/without gaps/);
  });

  it('RATE-05 refuses a duplicate version and a badly named file', async () => {
    await expect(loadMigrations(await dirWith(['0001_a.sql', '0001_b.sql']))).rejects.toThrow(/without gaps/);
    await expect(loadMigrations(await dirWith(['0001_a.sql', 'notes.txt']))).rejects.toThrow(
      /0001_name\.sql/,
    );
  });
});
