import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toWallClock } from '@kabinet/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importUsageFile } from '../rating/import-file.ts';
import { buildRatedSubscriber, expectLedgerVerifies } from '../rating/test-helpers.ts';
import { createTestApp, type TestApp } from '../test/harness.ts';
import { CSV_HEADER, HOURLY_WEIGHTS, simulateUsage } from './generate-usage.ts';
import { runSimulation } from './run-simulation.ts';

const TZ = 'Europe/Moscow';
const FROM = new Date('2026-02-01T09:00:00.000Z');
const msisdns = Array.from({ length: 40 }, (_, i) => `+7916${String(1_000_000 + i).padStart(7, '0')}`);
const all = (seed: number, days = 7) =>
  [...simulateUsage({ msisdns, from: FROM, days, seed, timeZone: TZ, zones: ['europe', 'asia'] })].flat();

describe('simulate: generated usage', () => {
  it('RATE-01 simulation is reproducible with the seed and differs with another seed', () => {
    const a = all(42);
    const b = all(42);
    expect(b).toEqual(a);
    expect(all(43).map((r) => r.recordId)).not.toEqual(a.map((r) => r.recordId));
    expect(new Set(a.map((r) => r.recordId)).size).toBe(a.length);
  });

  it('RATE-01 simulation has a daily rhythm, a mix of kinds and roaming now and then', () => {
    const records = all(7, 30);
    const byHour = new Array<number>(24).fill(0);
    for (const r of records) {
      const h = toWallClock(r.startedAt, TZ).hour;
      byHour[h] = (byHour[h] ?? 0) + 1;
    }
    const night = (byHour[2] ?? 0) + (byHour[3] ?? 0) + (byHour[4] ?? 0);
    const evening = (byHour[18] ?? 0) + (byHour[19] ?? 0) + (byHour[20] ?? 0);
    expect(evening).toBeGreaterThan(night * 10);
    expect(HOURLY_WEIGHTS).toHaveLength(24);
    const kinds = new Set(records.map((r) => r.kind));
    for (const k of ['voice_out', 'voice_in', 'sms_out', 'sms_in', 'data']) expect(kinds).toContain(k);
    const roaming = records.filter((r) => r.zone);
    expect(roaming.length).toBeGreaterThan(0);
    expect(roaming.length).toBeLessThan(records.length * 0.2);
    // Every record is well formed: voice has a duration, data bytes, all within the simulated days.
    for (const r of records) {
      if (r.kind.startsWith('voice')) expect(r.durationSec).toBeGreaterThan(0);
      if (r.kind === 'data') expect(r.bytes).toBeGreaterThan(0);
      expect(r.startedAt.getTime()).toBeGreaterThanOrEqual(new Date('2026-01-31T21:00:00.000Z').getTime());
      expect(r.startedAt.getTime()).toBeLessThan(new Date('2026-03-02T21:00:00.000Z').getTime());
    }
  });
});

describe('simulate: through the rating path', () => {
  let t: TestApp;
  const NOW = new Date('2026-03-10T09:00:00.000Z');
  beforeAll(async () => {
    t = await createTestApp({ now: NOW });
  });
  afterAll(async () => {
    await t.close();
  });

  it('RATE-01 kabinet simulate rates its usage once: a rerun with the same seed is all duplicates', async () => {
    for (let i = 0; i < 3; i += 1) await buildRatedSubscriber(t.db, { balance: 5000_00n, now: NOW });
    const run = { lines: 3, days: 2, seed: 5, timeZone: TZ, now: NOW };
    const first = await runSimulation(t.db, run);
    expect(first.lines).toBe(3);
    expect(first.records).toBeGreaterThan(10);
    expect(first.accepted + first.rejected).toBe(first.records);
    expect(first.accepted).toBeGreaterThan(0);
    const again = await runSimulation(t.db, run);
    expect(again).toMatchObject({ records: first.records, accepted: 0 });
    expect(again.duplicated).toBe(first.accepted);
    await expectLedgerVerifies(t.db);

    const out = join(tmpdir(), `kabinet-sim-${process.pid}.csv`);
    const written = await runSimulation(t.db, { ...run, out });
    const lines = (await readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe(CSV_HEADER);
    expect(lines).toHaveLength(written.records + 1);
    // The file is what `kabinet usage import` reads: the same records, already rated, come back as duplicates.
    const imported = await importUsageFile(t.db, out, { now: () => NOW });
    expect(imported).toMatchObject({ rows: written.records, accepted: 0, duplicated: first.accepted });
  });
});
