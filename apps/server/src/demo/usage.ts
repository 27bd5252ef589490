/**
 * What a line does each day, before any money is involved: calls, SMS and data sessions drawn around the
 * size of its packages (a 500-minute plan talks more than a per-second one), more data at weekends, quiet
 * nights, and a thinner pattern while abroad. Rating decides later what is free, what is charged and what
 * an empty balance prevents.
 */
import type { UsageKind } from '@kabinet/db';
import { type Grid, periodIndex } from './calendar.ts';
import type { LinePlan, ProductSpan } from './plan.ts';
import type { ProductIndex, ProductInfo } from './products.ts';
import { renewal } from './products.ts';
import type { Rng } from './random.ts';

export interface UsageEvent {
  at: number;
  line: LinePlan;
  kind: UsageKind;
  otherParty: string | null;
  /** Seconds, messages or bytes. */
  volume: bigint;
  zone: string | null;
  /** Drawn in advance: below 0.15 the subscriber keeps using data after the package ran out (and pays). */
  persist: number;
  /** Seconds the event lasted (calls and sessions), for `rated_at`. */
  seconds: number;
}

export interface UsageWorld {
  now: Date;
  historyStart: Date;
  days: Grid;
  /** Weekday (0 = Sunday) of each day in `days`. */
  weekdays: number[];
  products: ProductIndex;
}

const MB = 1_048_576;
// Relative activity by hour of the day: quiet at night, a morning rise, busy afternoons and evenings.
const HOURS = [1, 0.5, 0.3, 0.2, 0.2, 0.4, 1.5, 4, 6, 7, 7, 7, 8, 8, 7, 7, 7, 8, 9, 10, 10, 9, 6, 3];
const HOUR_ENTRIES = HOURS.map((w, h) => [h, w] as const);

export function activeAt(spans: ProductSpan[], t: number): ProductSpan[] {
  return spans.filter((s) => s.from.getTime() <= t && (s.to === null || t < s.to.getTime()));
}

interface DailyCapacity {
  minutes: number;
  messages: number;
  megabytes: number;
}

/** The packages the line has on a given day, spread per day (a monthly 30 GB is 1 GB a day). */
function capacity(world: UsageWorld, line: LinePlan, t: number): DailyCapacity {
  const cap = { minutes: 0, messages: 0, megabytes: 0 };
  const products: ProductInfo[] = [];
  for (const span of activeAt(line.tariffs, t)) {
    const p = world.products.tariffs.get(span.code);
    if (p) products.push(p);
  }
  for (const span of activeAt(line.options, t)) {
    const p = world.products.options.get(span.code);
    if (p) products.push(p);
  }
  for (const product of products) {
    for (const template of product.templates) {
      const perDay = renewal(template, product) === 'day' ? 1 : 1 / 30;
      const amount = Number(template.amount) * perDay;
      if (template.kind === 'voice') cap.minutes += amount / 60;
      else if (template.kind === 'sms') cap.messages += amount;
      else cap.megabytes += amount / MB;
    }
  }
  return cap;
}

function contact(rng: Rng, line: LinePlan): string | null {
  if (line.contacts.length === 0) return null;
  // Squaring the draw favours the front of the address book: family and close friends.
  const u = rng.next();
  return line.contacts[Math.floor(u * u * line.contacts.length)] ?? null;
}

function callSeconds(rng: Rng): number {
  return Math.round(Math.min(3600, Math.max(4, rng.logNormal(95, 0.85))));
}

/** All usage of one line over the history, in no particular order. */
export function generateUsage(world: UsageWorld, line: LinePlan, rng: Rng): UsageEvent[] {
  const out: UsageEvent[] = [];
  const lower = Math.max(world.historyStart.getTime(), line.activatedAt.getTime());
  const upper = Math.min(world.now.getTime(), line.blockedAt?.getTime() ?? Number.POSITIVE_INFINITY);
  const first = Math.max(0, periodIndex(world.days, lower));
  for (let d = first; d < world.days.length - 1; d++) {
    const dayStart = world.days[d] ?? 0;
    const dayEnd = world.days[d + 1] ?? 0;
    if (dayStart >= upper) break;
    const inDay = (): number => {
      const hour = rng.weighted(HOUR_ENTRIES);
      return dayStart + (hour * 3600 + rng.int(0, 3599)) * 1000;
    };
    const emit = (e: Omit<UsageEvent, 'line' | 'persist'>) => {
      if (e.at >= lower && e.at < upper && e.at < dayEnd) out.push({ ...e, line, persist: rng.next() });
    };
    if (line.kind === 'home_internet') {
      const gb = Math.min(40, Math.max(0.5, rng.logNormal(6, 0.5)));
      const at = dayStart + rng.int(18 * 3600, 23 * 3600) * 1000;
      emit({
        at,
        kind: 'data',
        otherParty: null,
        volume: BigInt(Math.round(gb * 1024 * MB)),
        zone: null,
        seconds: 14_400,
      });
      continue;
    }
    const mid = dayStart + 43_200_000;
    const trip = line.trips.find((t) => t.from.getTime() <= mid && mid < t.to.getTime());
    const zone = trip?.zone ?? null;
    const weekend = world.weekdays[d] === 0 || world.weekdays[d] === 6;
    const cap = capacity(world, line, mid);
    const u = line.usage;
    const minutes = (cap.minutes > 0 ? cap.minutes * u.voiceFit : 1.5 + 4 * u.voiceFit) * (weekend ? 0.8 : 1);
    const away = zone ? 0.4 : 1;
    const outCalls = rng.poisson((minutes / 2.3) * away);
    for (let i = 0; i < outCalls; i++) {
      const foreign = line.foreignContacts.length > 0 && rng.chance(u.intlShare);
      const party = foreign ? rng.pick(line.foreignContacts) : contact(rng, line);
      const seconds = callSeconds(rng);
      emit({ at: inDay(), kind: 'voice_out', otherParty: party, volume: BigInt(seconds), zone, seconds });
    }
    const inCalls = rng.poisson((minutes / 2.3) * 0.85 * away + 0.3);
    for (let i = 0; i < inCalls; i++) {
      const seconds = callSeconds(rng);
      emit({
        at: inDay(),
        kind: 'voice_in',
        otherParty: contact(rng, line),
        volume: BigInt(seconds),
        zone,
        seconds,
      });
    }
    const smsOut = rng.poisson(cap.messages > 0 ? cap.messages * u.smsFit : 0.15);
    for (let i = 0; i < smsOut; i++) {
      const party = contact(rng, line);
      emit({ at: inDay(), kind: 'sms_out', otherParty: party, volume: 1n, zone, seconds: 0 });
    }
    const smsIn = rng.poisson(1 + smsOut * 0.5);
    for (let i = 0; i < smsIn; i++) {
      emit({ at: inDay(), kind: 'sms_in', otherParty: contact(rng, line), volume: 1n, zone, seconds: 0 });
    }
    const dataPerDay = cap.megabytes * u.dataFit * (weekend ? 1.2 : 1);
    let sessions: number;
    let median: number;
    if (zone) {
      sessions = rng.poisson(cap.megabytes > 0 ? 2 : 0.3);
      median = 6;
    } else if (dataPerDay > 0) {
      median = Math.min(180, Math.max(8, dataPerDay / 5));
      sessions = rng.poisson(dataPerDay / (median * 1.38));
    } else {
      // No data package: now and then the phone goes online anyway (and the bill shows it).
      sessions = rng.chance(0.01) ? 1 : 0;
      median = 5;
    }
    for (let i = 0; i < sessions; i++) {
      const mb = Math.min(500, Math.max(5, rng.logNormal(median, 0.8)));
      const bytes = BigInt(Math.round(mb * MB));
      emit({ at: inDay(), kind: 'data', otherParty: null, volume: bytes, zone, seconds: rng.int(60, 5400) });
    }
  }
  return out;
}
