import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@kabinet/db/vitest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUsageFile } from './import-file.ts';
import type { UsageInput } from './ingest.ts';
import { seededRandom } from './synthetic-usage.ts';
import {
  balanceOf,
  buildRatedSubscriber,
  expectLedgerVerifies,
  expectTransfersMatchRecords,
} from './test-helpers.ts';
import { CSV_COLUMNS, toCsvRow } from './usage-csv.ts';

let database: TestDatabase;
let dir: string;
const CLI = fileURLToPath(new URL('../../bin/kabinet.mjs', import.meta.url));
const HEADER = CSV_COLUMNS.join(',');

beforeAll(async () => {
  database = await createTestDatabase();
  dir = await mkdtemp(join(tmpdir(), 'kabinet-usage-'));
});
afterAll(async () => {
  await expectLedgerVerifies(database.db);
  await database.drop();
});

/** `count` records spread over `msisdns`, reproducible from `seed`; ids carry `prefix`. */
function records(msisdns: string[], count: number, seed: number, prefix: string): UsageInput[] {
  const rnd = seededRandom(seed);
  const start = Date.now() - 5 * 86_400_000;
  return Array.from({ length: count }, (_, i): UsageInput => {
    const msisdn = msisdns[Math.floor(rnd() * msisdns.length)] ?? '';
    const startedAt = new Date(start + i * 1000);
    const k = rnd();
    if (k < 0.5)
      return {
        recordId: `${prefix}${i}`,
        msisdn,
        startedAt,
        kind: 'voice_out',
        otherParty: '+79035550000',
        durationSec: 1 + Math.floor(rnd() * 300),
      };
    if (k < 0.7)
      return { recordId: `${prefix}${i}`, msisdn, startedAt, kind: 'sms_out', otherParty: '+79035550000' };
    return {
      recordId: `${prefix}${i}`,
      msisdn,
      startedAt,
      kind: 'data',
      bytes: Math.floor(rnd() * 5_000_000),
    };
  });
}

async function writeCsv(name: string, rows: string[]): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, `${[HEADER, ...rows].join('\n')}\n`);
  return path;
}

describe('RATE-01 CSV import', () => {
  it('RATE-01 reports malformed rows with their line number and reason, rates the rest, and sums up', async () => {
    const db = database.db;
    const s = await buildRatedSubscriber(db, { balance: 100_00n, voiceLeft: 0n });
    const at = new Date(Date.now() - 3_600_000).toISOString();
    const path = await writeCsv('mixed.csv', [
      `csv-1,${s.msisdn},${at},voice_out,+79035550000,60,,`,
      `csv-2,${s.msisdn},2026-03-01 10:00:00,voice_out,,60,,`,
      `csv-3,+79990000000,${at},sms_out,,,,`,
      `csv-4,${s.msisdn},${at},voice_out,,abc,,`,
      `csv-5,${s.msisdn},${at}`,
      `csv-6,${s.msisdn},${at},fax,,,,`,
      `csv-1,${s.msisdn},${at},voice_out,+79035550000,60,,`,
      `csv-7,${s.msisdn},${at},sms_out,"+7903 ""555"" 00",,,`,
    ]);
    const summary = await importUsageFile(db, path);
    expect(summary).toMatchObject({ rows: 8, accepted: 2, duplicated: 1, rejected: 5 });
    expect(summary.errors.map((e) => `${e.line} ${e.reason.split(':')[0]}`)).toEqual([
      '3 bad_time',
      '5 bad_duration',
      '6 bad_columns',
      '4 unknown_number',
      '7 bad_kind',
    ]);
    // The call is charged (no minutes left); the SMS comes from the package.
    expect(await balanceOf(db, s.ledgerAccountId)).toBe(100_00n - 250n);
  });

  it('RATE-01 refuses a file without the required columns', async () => {
    const path = join(dir, 'no-header.csv');
    await writeFile(path, 'id,number\n1,+79160000000\n');
    const summary = await importUsageFile(database.db, path);
    expect(summary.accepted).toBe(0);
    expect(summary.errors[0]?.reason).toMatch(
      /^bad_header: missing column\(s\) record_id, msisdn, started_at, kind/,
    );
  });

  it('RATE-01 killing the importer mid-file and running it again gives the balances of an uninterrupted run', async () => {
    const db = database.db;
    const killed = await Promise.all([1, 2, 3, 4].map(() => buildRatedSubscriber(db, { balance: 5000_00n })));
    const twins = await Promise.all([1, 2, 3, 4].map(() => buildRatedSubscriber(db, { balance: 5000_00n })));
    const count = 20_000;
    const first = records(
      killed.map((s) => s.msisdn),
      count,
      7,
      'k-',
    );
    const twinOf = new Map(killed.map((s, i) => [s.msisdn, twins[i]?.msisdn ?? '']));
    const second = first.map((r) => ({
      ...r,
      recordId: `t${r.recordId}`,
      msisdn: twinOf.get(r.msisdn) ?? '',
    }));
    const killedFile = await writeCsv('killed.csv', first.map(toCsvRow));
    const twinFile = await writeCsv('twin.csv', second.map(toCsvRow));
    const env = { ...process.env, DATABASE_URL: database.url };

    // Run 1: SIGKILL as soon as the first batches are committed.
    const child = spawn(process.execPath, [CLI, 'usage', 'import', killedFile, '--batch', '250'], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<NodeJS.Signals | null>((resolve) =>
      child.once('exit', (_code, signal) => resolve(signal)),
    );
    let seen = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      seen += (chunk.toString().match(/accepted/g) ?? []).length;
      if (seen >= 3) child.kill('SIGKILL');
    });
    expect(await exited).toBe('SIGKILL');
    const partial = await db
      .selectFrom('usage_records')
      .select((eb) => eb.fn.countAll<bigint>().as('n'))
      .where(
        'line_id',
        'in',
        killed.map((s) => s.lineId),
      )
      .executeTakeFirstOrThrow();
    expect(Number(partial.n)).toBeGreaterThan(0);
    expect(Number(partial.n)).toBeLessThan(count);

    // Run 2 on the same file, and the twin file once, uninterrupted.
    const again = await importUsageFile(db, killedFile, { batchSize: 1000 });
    expect(again.duplicated).toBe(Number(partial.n));
    expect(again.accepted + again.duplicated).toBe(count);
    const twin = await importUsageFile(db, twinFile, { batchSize: 1000 });
    expect(twin.accepted).toBe(count);

    for (let i = 0; i < killed.length; i++) {
      const [a, b] = [killed[i], twins[i]];
      if (!a || !b) throw new Error('missing subscriber');
      expect(await balanceOf(db, a.ledgerAccountId)).toBe(await balanceOf(db, b.ledgerAccountId));
      const used = async (lineId: string) =>
        (
          await db
            .selectFrom('buckets')
            .select(['kind', 'used'])
            .where('line_id', '=', lineId)
            .orderBy('kind')
            .execute()
        ).map((r) => `${r.kind}:${r.used}`);
      expect(await used(a.lineId)).toEqual(await used(b.lineId));
    }
    expect(await balanceOf(db, killed[0]?.ledgerAccountId ?? '')).toBeLessThan(5000_00n);
    await expectTransfersMatchRecords(db);
    await expectLedgerVerifies(db);
  }, 120_000);
});
