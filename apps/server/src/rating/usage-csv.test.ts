import { describe, expect, it } from 'vitest';
import { parseUsageRow, readHeader, toCsvRow } from './usage-csv.ts';
import { toUsageInput } from './usage-item.ts';

describe('RATE-01 usage CSV rows and TMF635 items', () => {
  it('RATE-01 maps columns by the header in any order and ignores unknown ones', () => {
    const index = readHeader(['kind', 'note', 'msisdn', 'record_id', 'started_at', 'duration_sec']);
    if (typeof index === 'string') throw new Error(index);
    const row = parseUsageRow(
      ['voice_out', 'x', '+79161234567', 'r1', '2026-03-01T10:15:00+03:00', '95'],
      index,
      6,
    );
    expect(row).toEqual({
      recordId: 'r1',
      msisdn: '+79161234567',
      startedAt: new Date('2026-03-01T07:15:00Z'),
      kind: 'voice_out',
      otherParty: undefined,
      durationSec: 95,
      bytes: undefined,
      zone: undefined,
    });
  });

  it('RATE-01 refuses a start time without an offset, a non-number and a short row', () => {
    const index = readHeader(['record_id', 'msisdn', 'started_at', 'kind', 'bytes']);
    if (typeof index === 'string') throw new Error(index);
    expect(parseUsageRow(['r', '+79161234567', '2026-03-01T10:15:00', 'data', '1'], index, 5)).toMatch(
      /^bad_time/,
    );
    expect(parseUsageRow(['r', '+79161234567', '2026-03-01T10:15:00Z', 'data', '1.5'], index, 5)).toMatch(
      /^bad_bytes/,
    );
    expect(parseUsageRow(['r', '+79161234567'], index, 5)).toMatch(
      /^bad_columns: expected 5 columns, found 2/,
    );
    expect(readHeader(['record_id', 'kind'])).toBe('bad_header: missing column(s) msisdn, started_at');
  });

  it('RATE-01 writes a record back as a row of the documented columns', () => {
    const index = readHeader([
      'record_id',
      'msisdn',
      'started_at',
      'kind',
      'other_party',
      'duration_sec',
      'bytes',
      'zone',
    ]);
    if (typeof index === 'string') throw new Error(index);
    const record = {
      recordId: 'r2',
      msisdn: '+79161234567',
      startedAt: new Date('2026-03-01T07:15:00Z'),
      kind: 'data' as const,
      bytes: 1000,
      zone: 'europe',
    };
    expect(parseUsageRow(toCsvRow(record).split(','), index, 8)).toMatchObject(record);
  });

  it('RATE-01 reads a TMF635 item: characteristics by name, an offset-less date made invalid', () => {
    const item = {
      id: 'i1',
      usageDate: '2026-03-01T10:15:00+03:00',
      usageType: 'data',
      usageCharacteristic: [
        { name: 'msisdn', value: '+79161234567' },
        { name: 'bytes', value: '2048' },
        { name: 'zone', value: 'europe' },
      ],
    };
    expect(toUsageInput(item)).toMatchObject({
      recordId: 'i1',
      bytes: 2048,
      zone: 'europe',
      startedAt: new Date('2026-03-01T07:15:00Z'),
    });
    expect(Number.isNaN(toUsageInput({ ...item, usageDate: '2026-03-01 10:15' }).startedAt.getTime())).toBe(
      true,
    );
    expect(
      Number.isNaN(toUsageInput({ ...item, usageCharacteristic: [{ name: 'bytes', value: 'many' }] }).bytes),
    ).toBe(true);
  });
});
