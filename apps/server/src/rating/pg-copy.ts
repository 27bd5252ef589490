/**
 * `COPY … FROM STDIN` on a node-postgres client without another dependency: node-postgres accepts any object with
 * `submit(connection)` as a query and hands it the protocol's copy messages. Used by the rating benchmark for the
 * database's raw write speed (the baseline rating is compared against).
 */
import type pg from 'pg';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyIn {
  callback: ((err: Error | null) => void) | undefined;
  private error: Error | null = null;
  constructor(
    private readonly text: string,
    private readonly chunks: readonly Buffer[],
    private readonly done: (err: Error | null) => void,
  ) {}
  submit(connection: CopyConnection) {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection) {
    for (const chunk of this.chunks) connection.sendCopyFromChunk(chunk);
    connection.endCopyFrom();
  }
  handleCommandComplete() {}
  handleError(err: Error) {
    this.error = err;
  }
  handleReadyForQuery() {
    this.done(this.error);
  }
  handleRowDescription() {}
  handleDataRow() {}
  handleEmptyQuery() {}
  handlePortalSuspended() {}
  handleCopyData() {}
}

/** Runs `COPY <target> FROM STDIN` with `chunks` of COPY text format. */
export function copyFrom(
  client: pg.PoolClient | pg.Client,
  target: string,
  chunks: readonly Buffer[],
): Promise<void> {
  return new Promise((resolve, reject) => {
    const query = new CopyIn(`COPY ${target} FROM STDIN`, chunks, (err) => (err ? reject(err) : resolve()));
    (client as unknown as { query(q: CopyIn): void }).query(query);
  });
}

/** A value in COPY text format: `\N` for null, backslash, tab and line breaks escaped. */
export function copyValue(value: string | bigint | number | null): string {
  if (value === null) return '\\N';
  const s = String(value);
  return /[\\\t\n\r]/.test(s)
    ? s.replace(/[\\\t\n\r]/g, (c) => ({ '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' })[c] ?? c)
    : s;
}
