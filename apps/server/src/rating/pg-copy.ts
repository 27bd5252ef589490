/**
 * `COPY … FROM STDIN` on a node-postgres client without another dependency: node-postgres accepts any object with
 * `submit(connection)` as a query and hands it the protocol's copy messages. Rating writes its rated records this
 * way (batch-writes.ts), and the rating benchmark uses it for the database's raw write speed.
 */
import type { CompiledQuery } from 'kysely';
import type pg from 'pg';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

/** What node-postgres resolves a query with; Kysely's Postgres driver reads these three fields. */
interface CopyResult {
  command: 'COPY';
  rowCount: number;
  rows: never[];
}

class CopyIn implements PromiseLike<CopyResult> {
  private readonly result: Promise<CopyResult>;
  private settle!: (err: Error | null) => void;
  private error: Error | null = null;
  private rowCount = 0;
  constructor(
    private readonly text: string,
    private readonly chunks: readonly Buffer[],
  ) {
    this.result = new Promise<CopyResult>((resolve, reject) => {
      this.settle = (err) =>
        err ? reject(err) : resolve({ command: 'COPY', rowCount: this.rowCount, rows: [] });
    });
    // Settled only through `then`; a rejection nobody awaited yet must not crash the process first.
    this.result.catch(() => {});
  }
  // biome-ignore lint/suspicious/noThenProperty: Kysely's driver awaits what client.query returns, so the copy is a thenable.
  then<A = CopyResult, B = never>(
    onFulfilled?: ((value: CopyResult) => A | PromiseLike<A>) | null,
    onRejected?: ((reason: unknown) => B | PromiseLike<B>) | null,
  ): PromiseLike<A | B> {
    return this.result.then(onFulfilled, onRejected);
  }
  submit(connection: CopyConnection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection) {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }) {
    this.rowCount = Number(msg.text?.split(' ')[1] ?? 0);
  }
  handleError(err: Error) {
    // node-postgres calls this on the server's ErrorResponse (ReadyForQuery follows) and also, alone, when the
    // client is no longer usable: settle now so the caller never waits for a ReadyForQuery that may not come.
    // The client runs the next query only after ReadyForQuery either way.
    this.error ??= err;
    this.settle(this.error);
  }
  handleReadyForQuery() {
    this.settle(this.error);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** Runs `COPY <target>` (e.g. `t (a, b) FROM STDIN (FORMAT binary)`) with `chunks` of data on `client`. */
export function copyFrom(
  client: pg.PoolClient | pg.Client,
  target: string,
  chunks: readonly Buffer[],
): Promise<void> {
  const query = new CopyIn(`COPY ${target}`, chunks);
  (client as unknown as { query(q: CopyIn): void }).query(query);
  return Promise.resolve(query).then(() => undefined);
}

/**
 * `COPY <target>` (e.g. `t (a, b) FROM STDIN (FORMAT binary)`) as a query for Kysely
 * (`db.executeQuery(copyQuery(…))`), so that it runs on the connection of the caller's transaction. Kysely's Postgres driver hands `sql` to node-postgres's `client.query`, which takes an
 * object with `submit` as a custom query and returns it; the driver then awaits it, hence the thenable.
 */
export function copyQuery(target: string, chunks: readonly Buffer[]): CompiledQuery<never> {
  return {
    sql: new CopyIn(`COPY ${target}`, chunks) as unknown as string,
    parameters: [],
    query: { kind: 'RawNode', sqlFragments: [], parameters: [] },
    queryId: { queryId: 'copy' },
  } as unknown as CompiledQuery<never>;
}
