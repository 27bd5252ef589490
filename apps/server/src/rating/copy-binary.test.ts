import { describe, expect, it } from 'vitest';
import { BinaryCopyWriter } from './copy-binary.ts';

/** The int64 after the int32 length of the first field of the first row (header 19 bytes, field count 2). */
function firstInt64(chunks: Buffer[]): bigint {
  const all = Buffer.concat(chunks);
  expect(all.readInt32BE(21)).toBe(8);
  return all.readBigInt64BE(25);
}

describe('RATE-01 binary COPY of rated records', () => {
  it('RATE-01 writes instants as microseconds since 2000 on either side of it, exactly', () => {
    for (const iso of ['2026-12-04T17:03:20.123Z', '1999-12-31T23:59:59.999Z', '1970-01-01T00:00:00.000Z']) {
      const out = new BinaryCopyWriter();
      out.row(1);
      out.timestamptz(new Date(iso));
      const expected = (BigInt(Date.parse(iso)) - 946_684_800_000n) * 1000n;
      expect(firstInt64(out.finish())).toBe(expected);
    }
  });

  it('RATE-01 writes text as UTF-8 with its byte length, NULL as -1, and ends with the trailer', () => {
    const out = new BinaryCopyWriter();
    out.row(2);
    out.text('Связь\t\\N');
    out.text(null);
    const all = Buffer.concat(out.finish());
    expect(all.subarray(0, 11).toString('latin1')).toBe('PGCOPY\n\xff\r\n\0');
    expect(all.readInt16BE(19)).toBe(2);
    const bytes = Buffer.byteLength('Связь\t\\N');
    expect(all.readInt32BE(21)).toBe(bytes);
    expect(all.subarray(25, 25 + bytes).toString('utf8')).toBe('Связь\t\\N');
    expect(all.readInt32BE(25 + bytes)).toBe(-1);
    expect(all.readInt16BE(29 + bytes)).toBe(-1);
    expect(all.length).toBe(31 + bytes);
  });
});
