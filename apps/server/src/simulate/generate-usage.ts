/**
 * `kabinet simulate`: realistic network usage for the demo and the benchmarks. Each line gets a profile (how much
 * it calls, texts and browses, whether it travels); each day follows a daily rhythm (quiet nights, peaks in the
 * morning and evening); roaming happens on trips now and then. Reproducible: a (seed, line, day) always yields the
 * same records, ids included, so re-running a simulation rates nothing twice.
 */
import { fromWallClock, toWallClock } from '@kabinet/core';
import type { UsageInput, UsageKind } from '../rating/ingest.ts';
import { exponential, logNormal, mixSeed, poisson, seeded } from './random.ts';

export interface SimulationOptions {
  msisdns: readonly string[];
  /** First simulated day: the calendar day (operator zone) containing this instant. */
  from: Date;
  days: number;
  seed: number;
  timeZone: string;
  /** Roaming zone codes of the catalog to travel to; none: everyone stays home. */
  zones?: readonly string[];
}

/** Relative activity by hour of day (0–23): night lull, morning and evening peaks. */
export const HOURLY_WEIGHTS = [
  0.3, 0.15, 0.1, 0.1, 0.1, 0.2, 0.6, 1.2, 2.0, 2.4, 2.4, 2.3, 2.4, 2.3, 2.2, 2.2, 2.3, 2.6, 3.0, 3.2, 3.0,
  2.4, 1.6, 0.8,
];
const HOUR_TOTAL = HOURLY_WEIGHTS.reduce((a, b) => a + b, 0);

/** How one line uses its phone, drawn once per line from the seed. */
export interface LineProfile {
  callsPerDay: number;
  smsPerDay: number;
  dataSessionsPerDay: number;
  /** Median megabytes of a data session. */
  dataMedianMb: number;
  /** A trip abroad: first and last day index, and the zone; null: stays home. */
  trip: { fromDay: number; toDay: number; zone: string } | null;
}

/** The profile of the line at `index` for a run. */
export function lineProfile(options: SimulationOptions, index: number): LineProfile {
  const rnd = seeded(mixSeed(options.seed, index, 0x5eed));
  const heavy = rnd() < 0.15;
  const zones = options.zones ?? [];
  const travels = zones.length > 0 && options.days > 0 && rnd() < 0.08;
  let trip: LineProfile['trip'] = null;
  if (travels) {
    const length = 3 + Math.floor(rnd() * 8);
    const fromDay = Math.floor(rnd() * options.days);
    trip = {
      fromDay,
      toDay: Math.min(options.days - 1, fromDay + length - 1),
      zone: zones[Math.floor(rnd() * zones.length)] ?? '',
    };
  }
  return {
    callsPerDay: (heavy ? 6 : 1) + rnd() * (heavy ? 10 : 4),
    smsPerDay: rnd() * (heavy ? 6 : 2),
    dataSessionsPerDay: 3 + rnd() * (heavy ? 30 : 12),
    dataMedianMb: 0.5 + rnd() * (heavy ? 12 : 4),
    trip,
  };
}

function hourOf(rnd: () => number): number {
  let x = rnd() * HOUR_TOTAL;
  for (let h = 0; h < 24; h += 1) {
    x -= HOURLY_WEIGHTS[h] ?? 0;
    if (x < 0) return h;
  }
  return 23;
}

function otherParty(rnd: () => number): string {
  return `+79${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
}

/** The records of one line on one day (index from the first day), in time order. */
export function lineDay(
  options: SimulationOptions,
  lineIndex: number,
  day: number,
  profile: LineProfile,
): UsageInput[] {
  const msisdn = options.msisdns[lineIndex] ?? '';
  const rnd = seeded(mixSeed(options.seed, lineIndex, day));
  const start = toWallClock(options.from, options.timeZone);
  const date = new Date(Date.UTC(start.year, start.month - 1, start.day + day));
  const zone =
    profile.trip && day >= profile.trip.fromDay && day <= profile.trip.toDay ? profile.trip.zone : undefined;
  const instant = () =>
    fromWallClock(
      {
        year: date.getUTCFullYear(),
        month: date.getUTCMonth() + 1,
        day: date.getUTCDate(),
        hour: hourOf(rnd),
        minute: Math.floor(rnd() * 60),
        second: Math.floor(rnd() * 60),
      },
      options.timeZone,
    );
  const out: UsageInput[] = [];
  const add = (kind: UsageKind, extra: Partial<UsageInput>) =>
    out.push({ recordId: '', msisdn, startedAt: instant(), kind, ...(zone ? { zone } : {}), ...extra });
  // Abroad, people call and browse less.
  const damp = zone ? 0.5 : 1;
  for (let i = poisson(rnd, profile.callsPerDay * damp); i > 0; i -= 1) {
    const duration = Math.max(1, Math.min(3600, Math.round(exponential(rnd, 150))));
    add(rnd() < 0.55 ? 'voice_out' : 'voice_in', { otherParty: otherParty(rnd), durationSec: duration });
  }
  for (let i = poisson(rnd, profile.smsPerDay); i > 0; i -= 1) {
    const r = rnd();
    add(r < 0.03 ? 'mms_out' : r < 0.5 ? 'sms_out' : 'sms_in', { otherParty: otherParty(rnd) });
  }
  for (let i = poisson(rnd, profile.dataSessionsPerDay * damp); i > 0; i -= 1) {
    const mb = Math.min(2048, logNormal(rnd, profile.dataMedianMb, 1.2));
    add('data', { bytes: Math.max(1, Math.round(mb * 1_048_576)) });
  }
  out.sort((a, b) => a.startedAt.getTime() - b.startedAt.getTime());
  return out.map((r, n) => ({ ...r, recordId: `sim-${options.seed}-${lineIndex}-${day}-${n}` }));
}

/** Every record of the run, day by day (all lines of a day, then the next day): streams, holds one day at a time. */
export function* simulateUsage(options: SimulationOptions): Generator<UsageInput[], void, void> {
  const profiles = options.msisdns.map((_, i) => lineProfile(options, i));
  for (let day = 0; day < options.days; day += 1) {
    const records: UsageInput[] = [];
    for (let i = 0; i < options.msisdns.length; i += 1) {
      const profile = profiles[i];
      if (profile) records.push(...lineDay(options, i, day, profile));
    }
    yield records;
  }
}

const csvField = (v: string | number | undefined) => (v === undefined ? '' : String(v));

/** CSV header of `--out`: the columns of docs/usage-format.md. */
export const CSV_HEADER = 'record_id,msisdn,started_at,kind,other_party,duration_sec,bytes,zone';

/** One CSV row of a record (no field needs quoting: ids, numbers, codes). */
export function csvRow(r: UsageInput): string {
  return [
    r.recordId,
    r.msisdn,
    r.startedAt.toISOString(),
    r.kind,
    csvField(r.otherParty),
    csvField(r.durationSec),
    csvField(r.bytes),
    csvField(r.zone),
  ].join(',');
}
