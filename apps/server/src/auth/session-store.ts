import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import { sql } from 'kysely';
import type pg from 'pg';
import { sha256 } from './secrets.ts';
import { isLoginMethod, SESSION_IDLE_MS, type SessionPrincipal } from './sessions.ts';

/** last_seen_at is written at most this often, so a busy client does not turn every read into a write. */
const TOUCH_EVERY_MS = 60_000;
/** A cached session is re-read from PostgreSQL after this long even if no revocation was announced. */
const CACHE_TTL_MS = 5_000;
const CACHE_MAX = 20_000;
export const REVOCATION_CHANNEL = 'kabinet_session_revoked';

interface CachedSession {
  principal: SessionPrincipal;
  lastSeenAt: number;
  expiresAt: number;
  cachedAt: number;
}

interface SessionRow {
  id: string;
  login_id: string;
  access: SessionPrincipal['access'];
  method: string;
  last_seen_at: Date;
  expires_at: Date;
  revoked_at: Date | null;
}

/**
 * Sessions live in PostgreSQL, so any number of server processes share them. Reading the row on every request
 * would double the round trips of a simple read, so each process keeps a short-lived cache — safe only because
 * revocation is announced: logout revokes the row and `NOTIFY`s its id in the same transaction, and every
 * process LISTENs and evicts it at once. While the listener is not connected (start-up, a lost connection),
 * nothing is served from the cache, and the cache is emptied on reconnect, since announcements may have been
 * missed.
 */
export class SessionStore {
  private readonly cache = new Map<string, CachedSession>();
  private readonly tokenBySession = new Map<string, string>();
  private listener: pg.PoolClient | undefined;
  private stopped = false;

  constructor(
    private readonly db: Db,
    private readonly pool: pg.Pool,
    private readonly log: FastifyBaseLogger,
  ) {}

  /** Connects the revocation listener (with retries); until it is connected the cache is bypassed. */
  async start(): Promise<void> {
    this.stopped = false;
    await this.listen().catch((err: unknown) => this.retryListen(err));
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const client = this.listener;
    this.listener = undefined;
    this.cache.clear();
    this.tokenBySession.clear();
    if (client) {
      await client.query(`UNLISTEN ${REVOCATION_CHANNEL}`).catch(() => {});
      client.release();
    }
  }

  /** The live session for a cookie token: not revoked, not past its absolute or idle expiry. */
  async resolve(token: string, now: Date): Promise<SessionPrincipal | null> {
    if (token.length < 20 || token.length > 100) return null;
    const hash = sha256(token);
    const key = hash.toString('base64');
    const t = now.getTime();
    let entry = this.listener ? this.cache.get(key) : undefined;
    if (!entry || t - entry.cachedAt > CACHE_TTL_MS || t < entry.cachedAt) {
      const row = await this.read(hash);
      if (!row || row.revoked_at || !isLoginMethod(row.method)) {
        this.forget(key);
        return null;
      }
      entry = {
        principal: { sessionId: row.id, loginId: row.login_id, access: row.access, method: row.method },
        lastSeenAt: row.last_seen_at.getTime(),
        expiresAt: row.expires_at.getTime(),
        cachedAt: t,
      };
      if (this.listener) this.remember(key, entry);
    }
    if (entry.expiresAt <= t || t - entry.lastSeenAt > SESSION_IDLE_MS) return null;
    if (t - entry.lastSeenAt > TOUCH_EVERY_MS) {
      entry.lastSeenAt = t;
      await this.db
        .updateTable('sessions')
        .set({ last_seen_at: now })
        .where('id', '=', entry.principal.sessionId)
        .execute();
    }
    return entry.principal;
  }

  /** Revokes a session and announces it to every process, in one transaction. */
  async revoke(sessionId: string, now: Date): Promise<void> {
    await this.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('id', '=', sessionId)
        .where('revoked_at', 'is', null)
        .execute();
      await sql`SELECT pg_notify(${REVOCATION_CHANNEL}, ${sessionId})`.execute(trx);
    });
    this.evict(sessionId);
  }

  /**
   * Revokes every live session of a login except `exceptSessionId` (password change, "end all other sessions"),
   * announcing each to every process in the same transaction. Returns the ids revoked.
   */
  async revokeOthers(loginId: string, exceptSessionId: string | null, now: Date): Promise<string[]> {
    const ids = await this.db.transaction().execute(async (trx) => {
      let query = trx
        .updateTable('sessions')
        .set({ revoked_at: now })
        .where('login_id', '=', loginId)
        .where('revoked_at', 'is', null);
      if (exceptSessionId !== null) query = query.where('id', '!=', exceptSessionId);
      const rows = await query.returning('id').execute();
      for (const row of rows) await sql`SELECT pg_notify(${REVOCATION_CHANNEL}, ${row.id})`.execute(trx);
      return rows.map((r) => r.id);
    });
    for (const id of ids) this.evict(id);
    return ids;
  }

  private async read(hash: Buffer): Promise<SessionRow | undefined> {
    // Read on every uncached request: a named prepared statement, planned once per connection.
    const { rows } = await this.pool.query<SessionRow>({
      name: 'sessions.resolve.v2',
      text: 'SELECT id, login_id, access, method, last_seen_at, expires_at, revoked_at FROM sessions WHERE token_hash = $1',
      values: [hash],
    });
    return rows[0];
  }

  private remember(key: string, entry: CachedSession) {
    if (this.cache.size >= CACHE_MAX) {
      const oldest = this.cache.keys().next().value;
      if (oldest !== undefined) this.forget(oldest);
    }
    this.cache.set(key, entry);
    this.tokenBySession.set(entry.principal.sessionId, key);
  }

  private forget(key: string) {
    const entry = this.cache.get(key);
    if (entry) this.tokenBySession.delete(entry.principal.sessionId);
    this.cache.delete(key);
  }

  private evict(sessionId: string) {
    const key = this.tokenBySession.get(sessionId);
    if (key) this.forget(key);
  }

  private async listen(): Promise<void> {
    const client = await this.pool.connect();
    client.on('notification', (message) => {
      if (message.channel === REVOCATION_CHANNEL && message.payload) this.evict(message.payload);
    });
    client.on('error', (err) => {
      if (this.listener !== client) return;
      this.listener = undefined;
      this.cache.clear();
      this.tokenBySession.clear();
      client.release(err);
      this.retryListen(err);
    });
    await client.query(`LISTEN ${REVOCATION_CHANNEL}`);
    if (this.stopped) {
      client.release();
      return;
    }
    // Announcements may have been missed while we were not listening: start from an empty cache.
    this.cache.clear();
    this.tokenBySession.clear();
    this.listener = client;
  }

  private retryListen(err: unknown) {
    if (this.stopped) return;
    this.log.warn({ err }, 'session revocation listener is down; sessions are read from the database');
    setTimeout(() => {
      if (!this.stopped) void this.listen().catch((e: unknown) => this.retryListen(e));
    }, 1000).unref();
  }
}
