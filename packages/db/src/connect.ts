import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// int8 (bigint, count(*)) arrives as text by default; money must come back as bigint, never as a float.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => BigInt(value));

export type Db = Kysely<Database>;

export interface DbHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

/** Opens a pool and a Kysely instance on `url`. Pool errors (e.g. the server going away) are logged, not fatal. */
export function connect(
  url: string,
  options: { max?: number; onError?: (err: Error) => void; applicationName?: string } = {},
): DbHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'kabinet',
  });
  pool.on('error', options.onError ?? (() => {}));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    pool,
    async close() {
      await db.destroy();
    },
  };
}

/** Returns `url` with its database name replaced — for creating and dropping databases beside it. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}
