/**
 * Idempotent commands, as Stripe does them: the client sends an `Idempotency-Key` with every charging request;
 * the first execution stores its status and response under (login, key), a replay returns them with
 * `Idempotent-Replayed: true` and runs nothing, and the same key with other parameters is refused (409).
 *
 * The key row is written in the command's own transaction: two concurrent duplicates serialise on it
 * (INSERT … ON CONFLICT DO NOTHING waits for the first transaction; SELECT … FOR UPDATE then sees its result).
 * A refused command (402, 409 …) rolls back with its key, so it changed nothing and may be retried with the same
 * key once the cause is gone (a top-up). Keys are kept ≥ 24 h (a sweeper comes with the periodic jobs).
 *
 * runIdempotentWrites is the same contract in one statement, for a command whose answer is known before it writes
 * (the card top-up's start): no transaction, the key row written complete, the writes conditioned on it.
 */
import { createHash } from 'node:crypto';
import { type Database, type Db, insertWhere } from '@kabinet/db';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type Insertable, type OperationNodeSource, sql } from 'kysely';
import { AppError, problems } from './problem.ts';

export const IDEMPOTENCY_HEADER = 'idempotency-key';
const KEY_PATTERN = /^[\x21-\x7e]{8,100}$/;

/** What a command answers: HTTP status and a JSON body, stored for replays. */
export interface CommandResult<T> {
  status: number;
  body: T;
}

/** The request's `Idempotency-Key`; a 400 field error naming the header when missing or malformed. */
export function idempotencyKeyOf(request: FastifyRequest): string {
  const key = request.headers[IDEMPOTENCY_HEADER];
  if (typeof key !== 'string' || key.length === 0) {
    throw problems.field('Idempotency-Key', 'required', 'The Idempotency-Key header is required.');
  }
  if (!KEY_PATTERN.test(key)) {
    throw problems.field(
      'Idempotency-Key',
      'invalid_format',
      'Idempotency-Key must be 8–100 printable ASCII characters without spaces.',
    );
  }
  return key;
}

/** SHA-256 of what the request asks for: method, path (with query) and body. */
export function requestFingerprint(method: string, url: string, body: unknown): Buffer {
  return createHash('sha256')
    .update(`${method}\n${url}\n${JSON.stringify(body ?? null)}`)
    .digest();
}

export interface IdempotentOptions<T> {
  db: Db;
  request: FastifyRequest;
  reply: FastifyReply;
  loginId: string;
  /** The app clock, for `completed_at`. */
  now: Date;
  /**
   * The command, in the transaction that holds the key. `scope` is unique per login and key: derive ledger
   * idempotency keys from it (`tariff_change:${scope}`).
   */
  run: (trx: Db, scope: string) => Promise<CommandResult<T>>;
}

/**
 * Runs a charging command at most once per `Idempotency-Key` of the login and sends its result; a replay sends
 * the stored one. 409 `idempotency_conflict` for the same key with another method, path or body.
 */
export async function runIdempotent<T>(options: IdempotentOptions<T>): Promise<FastifyReply> {
  const { request, reply, loginId } = options;
  const key = idempotencyKeyOf(request);
  const hash = requestFingerprint(request.method, request.url, request.body);
  const outcome = await options.db.transaction().execute(async (trx) => {
    const fresh = await trx
      .insertInto('idempotency_keys')
      .values({ key, login_id: loginId, request_hash: hash })
      .onConflict((oc) => oc.columns(['login_id', 'key']).doNothing())
      .returning('key')
      .executeTakeFirst();
    // A key seen for the first time is ours (the inserted row is locked by this transaction); else the earlier
    // request's row, waited for if it is still running.
    const row = fresh
      ? { request_hash: hash, status_code: null, response: null }
      : await sql<{ request_hash: Buffer; status_code: number | null; response: unknown }>`
          SELECT request_hash, status_code, response FROM idempotency_keys
          WHERE login_id = ${loginId} AND key = ${key} FOR UPDATE`
          .execute(trx)
          .then((r) => r.rows[0]);
    if (!row) throw new Error('idempotency key row vanished inside its transaction');
    if (!row.request_hash.equals(hash)) {
      throw new AppError(
        409,
        'idempotency_conflict',
        'This Idempotency-Key was used for a different request; use a new key for new parameters.',
      );
    }
    if (row.status_code !== null) return { replayed: true, status: row.status_code, body: row.response };
    const result = await options.run(trx, `${loginId}:${key}`);
    await trx
      .updateTable('idempotency_keys')
      .set({ status_code: result.status, response: JSON.stringify(result.body), completed_at: options.now })
      .where('login_id', '=', loginId)
      .where('key', '=', key)
      .execute();
    return { replayed: false, status: result.status, body: result.body as unknown };
  });
  if (outcome.replayed) reply.header('idempotent-replayed', 'true');
  return reply.code(outcome.status).send(outcome.body);
}

/** The CTE of the key row in runIdempotentWrites' statement: a row when this request is the key's first use. */
const FRESH_KEY = 'idempotency_key_fresh';

/**
 * A write of an idempotent command that takes effect only with the first use of its key, for runIdempotentWrites:
 * made by insertIfFresh, or by keyedWrite from a query conditioned on freshKey.
 */
export interface KeyedWrite {
  readonly keyed: OperationNodeSource;
}

/**
 * A data-modifying query (INSERT … SELECT, UPDATE, DELETE; no WITH of its own) the caller has conditioned on
 * freshKey, so that a replay writes nothing.
 */
export function keyedWrite(query: OperationNodeSource): KeyedWrite {
  return { keyed: query };
}

/** True inside runIdempotentWrites' statement when this request is the first use of its key. */
export const freshKey = sql<boolean>`EXISTS (SELECT 1 FROM ${sql.table(FRESH_KEY)})`;

/** The row `.values(values)` would insert into `table`, written only with the key's first use (insertWhere). */
export function insertIfFresh<T extends keyof Database & string>(
  table: T,
  values: Insertable<Database[T]>,
): KeyedWrite {
  return keyedWrite(insertWhere(table, values, freshKey));
}

export interface IdempotentWritesOptions<T> {
  db: Db;
  request: FastifyRequest;
  reply: FastifyReply;
  loginId: string;
  /** The app clock, for `completed_at`. */
  now: Date;
  /**
   * The command's answer and the writes that make it true, known before anything is written (no reads, no
   * refusals: check first). `scope` is unique per login and key, as for runIdempotent.
   */
  command: (scope: string) => CommandResult<T> & { writes: KeyedWrite[] };
}

/**
 * runIdempotent for a command whose answer is known before it writes: the key row, stored already complete with
 * its answer, and the command's writes go in ONE statement (data-modifying CTEs, no explicit transaction), each
 * write conditioned on the key insert. A replay (the key exists) writes nothing and is answered as runIdempotent
 * does: the key row read FOR UPDATE, 409 `idempotency_conflict` for another request, else the stored answer with
 * `Idempotent-Replayed: true`. Concurrent duplicates serialise on the key: ON CONFLICT DO NOTHING waits for an
 * in-flight insert of it and, once that committed, does nothing; the first request's row is only ever visible
 * committed with its answer (a failed statement leaves no key behind, so a retry runs again).
 */
export async function runIdempotentWrites<T>(options: IdempotentWritesOptions<T>): Promise<FastifyReply> {
  const { db, request, reply, loginId } = options;
  const key = idempotencyKeyOf(request);
  const hash = requestFingerprint(request.method, request.url, request.body);
  const { writes, ...result } = options.command(`${loginId}:${key}`);
  const keyRow = db
    .insertInto('idempotency_keys')
    .values({
      key,
      login_id: loginId,
      request_hash: hash,
      status_code: result.status,
      response: JSON.stringify(result.body),
      completed_at: options.now,
    })
    .onConflict((oc) => oc.columns(['login_id', 'key']).doNothing())
    .returning('key');
  const ctes = [
    sql`${sql.table(FRESH_KEY)} AS (${keyRow})`,
    ...writes.map((write, i) => sql`${sql.table(`idempotent_write_${i}`)} AS (${write.keyed})`),
  ];
  // The key row of an earlier request is committed already: rows are only written complete, and the insert
  // waited for one in flight. It can only be gone if swept meanwhile, when this request is the first again.
  for (let attempt = 0; attempt < 3; attempt++) {
    const { rows } = await sql<{ fresh: number }>`
      WITH ${sql.join(ctes)} SELECT count(*)::int AS fresh FROM ${sql.table(FRESH_KEY)}`.execute(db);
    if (rows[0]?.fresh === 1) return reply.code(result.status).send(result.body);
    const earlier = await db.transaction().execute(
      async (trx) =>
        (
          await sql<{ request_hash: Buffer; status_code: number | null; response: unknown }>`
            SELECT request_hash, status_code, response FROM idempotency_keys
            WHERE login_id = ${loginId} AND key = ${key} FOR UPDATE`.execute(trx)
        ).rows[0],
    );
    if (!earlier) continue;
    if (!earlier.request_hash.equals(hash)) {
      throw new AppError(
        409,
        'idempotency_conflict',
        'This Idempotency-Key was used for a different request; use a new key for new parameters.',
      );
    }
    if (earlier.status_code === null)
      throw new Error('idempotency key row without its answer after its lock');
    reply.header('idempotent-replayed', 'true');
    return reply.code(earlier.status_code).send(earlier.response);
  }
  throw new Error('idempotency key row vanished three times');
}
