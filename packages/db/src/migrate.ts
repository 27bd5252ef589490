import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../migrations/', import.meta.url));

export interface MigrationFile {
  version: number;
  name: string;
  sql: string;
  checksum: string;
}

const FILE_NAME = /^(\d{4})_([a-z0-9_]+)\.sql$/;

/**
 * Reads the migration files and checks their order: names `NNNN_words.sql`, versions 1, 2, 3 … with no gaps or
 * duplicates. A stray file is an error, not something to skip silently.
 */
export async function loadMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  const files: MigrationFile[] = [];
  for (const [index, fileName] of names.entries()) {
    const match = FILE_NAME.exec(fileName);
    if (!match) throw new Error(`Migration file name must look like 0001_name.sql: ${fileName}`);
    const version = Number(match[1]);
    if (version !== index + 1) {
      throw new Error(
        `Migrations must be numbered 1, 2, 3 … without gaps: expected ${index + 1}, found ${fileName}`,
      );
    }
    const sql = await readFile(`${dir}/${fileName}`, 'utf8');
    files.push({ version, name: fileName, sql, checksum: createHash('sha256').update(sql).digest('hex') });
  }
  return files;
}

export interface MigrateResult {
  applied: string[];
  current: number;
}

// Any number: it only has to be the same for every process migrating this database.
const MIGRATION_LOCK = 727_001;

/**
 * Applies pending migrations, each in its own transaction, under an advisory lock so concurrent starts do not
 * race. An applied migration whose file changed since is refused: history is not rewritten.
 */
export async function migrate(url: string, options: { dir?: string; onApply?: (name: string) => void } = {}) {
  const files = await loadMigrations(options.dir);
  const client = new pg.Client({ connectionString: url, application_name: 'kabinet-migrate' });
  await client.connect();
  try {
    await client.query('SET client_min_messages = warning');
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version integer PRIMARY KEY, name text NOT NULL, checksum text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now())`);
    const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
      'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
    );
    const done = new Map(rows.map((r) => [r.version, r]));
    const applied: string[] = [];
    for (const file of files) {
      const previous = done.get(file.version);
      if (previous) {
        if (previous.checksum !== file.checksum) {
          throw new Error(`Migration ${file.name} was changed after it was applied (was ${previous.name})`);
        }
        continue;
      }
      await client.query('BEGIN');
      try {
        await client.query(file.sql);
        await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
          file.version,
          file.name,
          file.checksum,
        ]);
        await client.query('COMMIT');
      } catch (err) {
        await client.query('ROLLBACK');
        throw new Error(`Migration ${file.name} failed: ${(err as Error).message}`, { cause: err });
      }
      applied.push(file.name);
      options.onApply?.(file.name);
    }
    const latest = rows.at(-1)?.version ?? 0;
    if (latest > files.length) throw new Error(`Database is at migration ${latest}, newer than this code`);
    return { applied, current: files.length } satisfies MigrateResult;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => {});
    await client.end();
  }
}
