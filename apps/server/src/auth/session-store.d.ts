import type { Db } from '@kabinet/db';
import type { FastifyBaseLogger } from 'fastify';
import type pg from 'pg';
import { type SessionPrincipal } from './sessions.ts';
export declare const REVOCATION_CHANNEL = 'kabinet_session_revoked';
/**
 * Sessions live in PostgreSQL, so any number of server processes share them. Reading the row on every request
 * would double the round trips of a simple read, so each process keeps a short-lived cache — safe only because
 * revocation is announced: logout revokes the row and `NOTIFY`s its id in the same transaction, and every
 * process LISTENs and evicts it at once. While the listener is not connected (start-up, a lost connection),
 * nothing is served from the cache, and the cache is emptied on reconnect, since announcements may have been
 * missed.
 */
export declare class SessionStore {
  private readonly db;
  private readonly pool;
  private readonly log;
  private readonly cache;
  private readonly tokenBySession;
  private listener;
  private stopped;
  constructor(db: Db, pool: pg.Pool, log: FastifyBaseLogger);
  /** Connects the revocation listener (with retries); until it is connected the cache is bypassed. */
  start(): Promise<void>;
  stop(): Promise<void>;
  /** The live session for a cookie token: not revoked, not past its absolute or idle expiry. */
  resolve(token: string, now: Date): Promise<SessionPrincipal | null>;
  /** Revokes a session and announces it to every process, in one transaction. */
  revoke(sessionId: string, now: Date): Promise<void>;
  private read;
  private remember;
  private forget;
  private evict;
  private listen;
  private retryListen;
}
