/**
 * Rows in PostgreSQL's binary COPY format (`COPY … FROM STDIN (FORMAT binary)`): the server reads each value as
 * it is stored instead of parsing text (a timestamptz from text is the costliest field of a rated record), and
 * nothing needs escaping. Only the types rating writes: text, int8 and timestamptz.
 *
 * Format: a header, then per row an int16 field count and per field an int32 byte length (-1 for NULL) and the
 * bytes (network byte order), then an int16 -1 trailer.
 */
// The signature "PGCOPY\n\377\r\n\0", then int32 flags and int32 header extension length, both 0.
const HEADER = Buffer.concat([Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1'), Buffer.alloc(8)]);
/** 2000-01-01T00:00:00Z, PostgreSQL's epoch, in Unix ms. */
const PG_EPOCH_MS = 946_684_800_000;
/** Bytes a writer starts with; it grows by doubling when a row does not fit. */
const INITIAL_BYTES = 1 << 20;

export class BinaryCopyWriter {
  private chunks: Buffer[] = [];
  private buf = Buffer.allocUnsafe(INITIAL_BYTES);
  private pos = 0;

  constructor() {
    this.bytes(HEADER);
  }

  /** Starts a row of `fields` values. */
  row(fields: number): void {
    this.room(2);
    this.pos = this.buf.writeInt16BE(fields, this.pos);
  }

  text(value: string | null): void {
    if (value === null) {
      this.nil();
      return;
    }
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    this.room(4 + value.length * 3);
    const n = this.buf.write(value, this.pos + 4, 'utf8');
    this.buf.writeInt32BE(n, this.pos);
    this.pos += 4 + n;
  }

  int8(value: bigint): void {
    this.room(12);
    this.pos = this.buf.writeInt32BE(8, this.pos);
    this.pos = this.buf.writeBigInt64BE(value, this.pos);
  }

  /**
   * A timestamptz: int64 microseconds since 2000-01-01 UTC. A Date holds whole milliseconds, so the microseconds
   * are an exact double (below 2^53 for ±142 years) and are written as two 32-bit halves without a BigInt.
   */
  timestamptz(value: Date): void {
    const us = (value.getTime() - PG_EPOCH_MS) * 1000;
    const high = Math.floor(us / 4_294_967_296);
    this.room(12);
    this.pos = this.buf.writeInt32BE(8, this.pos);
    this.pos = this.buf.writeInt32BE(high, this.pos);
    this.pos = this.buf.writeUInt32BE(us - high * 4_294_967_296, this.pos);
  }

  /** The rows so far with the trailer, as the chunks to send; the writer is done. */
  finish(): Buffer[] {
    this.room(2);
    this.pos = this.buf.writeInt16BE(-1, this.pos);
    this.chunks.push(this.buf.subarray(0, this.pos));
    return this.chunks;
  }

  private nil(): void {
    this.room(4);
    this.pos = this.buf.writeInt32BE(-1, this.pos);
  }

  private bytes(b: Buffer): void {
    this.room(b.length);
    this.pos += b.copy(this.buf, this.pos);
  }

  /** Makes room for `n` more bytes: the full buffer is kept as a chunk and a new one started (rows may span two). */
  private room(n: number): void {
    if (this.pos + n <= this.buf.length) return;
    this.chunks.push(this.buf.subarray(0, this.pos));
    this.buf = Buffer.allocUnsafe(Math.max(INITIAL_BYTES, n));
    this.pos = 0;
  }
}
