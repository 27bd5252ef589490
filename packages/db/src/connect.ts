import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
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

/** How many distinct statement texts get a prepared-statement name; texts beyond it run unnamed. */
const MAX_PREPARED_TEXTS = 4000;
const preparedNames = new Map<string, string>();
const PREPARABLE = /^\s*(select|insert|update|delete|with)\b/i;

/**
 * The prepared-statement name of a query text, or undefined for a text not worth preparing: statements that
 * are not plain DML, texts with a `;` (several statements, or a literal we do not parse), and every new text once
 * MAX_PREPARED_TEXTS are named (so dynamically built SQL cannot grow each connection's statement cache forever).
 */
export function preparedNameFor(text: string): string | undefined {
  const known = preparedNames.get(text);
  if (known !== undefined || preparedNames.size >= MAX_PREPARED_TEXTS) return known;
  if (!PREPARABLE.test(text) || text.includes(';')) return undefined;
  const name = `k${createHash('sha1').update(text).digest('base64url')}`;
  preparedNames.set(text, name);
  return name;
}

/**
 * A pool client that prepares each statement once per connection (decisions/0029): Kysely sends a text and its
 * values, which PostgreSQL would otherwise parse and plan on every execution. The name is a hash of the text, so
 * the same text is the same statement on every connection and two texts never share a name.
 */
class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's overloaded query signature
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string' && Array.isArray(values)) {
      const name = preparedNameFor(config);
      if (name) return super.query({ name, text: config, values }, callback);
    }
    return super.query(config, values, callback);
  }
}

/**
 * The server's pool size when not configured (decisions/0032): HikariCP's "About Pool Sizing" rule for a data set
 * held in memory, two connections per core of the database's machine — here taken as this machine's, the embedded
 * or co-located PostgreSQL — plus one that the session store's LISTEN keeps. More connections than that only make
 * PostgreSQL switch between backends waiting on the same rows and cores; requests queue in the pool instead.
 */
export function defaultPoolSize(cores = availableParallelism()): number {
  return 2 * cores + 1;
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
    Client: PreparingClient,
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
