/**
 * Plans an account's top-ups from what it is going to spend (the simulation's first run), the way people
 * actually pay: round sums every week or month, enough for the next stretch plus a little, at most 2 000 ₽
 * a payment (a bigger need becomes two or three payments in a row). The last top-up before the end (or
 * before the person stopped paying) is sized so the account ends the history near its target balance —
 * which is how the demo numbers land on "~475 ₽" or "−180 ₽" on purpose rather than by luck.
 *
 * Postpaid accounts pay an invoice instead: early each month, the previous calendar month's charges, exactly.
 */
import { startOfDay } from '@kabinet/core';
import { monthGrid } from './calendar.ts';
import type { AccountPlan, PaymentSource } from './plan.ts';
import type { Rng } from './random.ts';
import type { Charge, PlannedPayment, SimWorld } from './simulation.ts';

const DAY = 86_400_000;
const MIN_TOPUP = 100_00n;
const MAX_TOPUP = 2000_00n;

function roundUp(amount: bigint, step: bigint): bigint {
  return ((amount + step - 1n) / step) * step;
}

function daytimeOf(world: SimWorld, rng: Rng, at: number): number {
  const midnight = startOfDay(new Date(at), world.timeZone).getTime();
  return midnight + rng.int(8 * 3600, 22 * 3600) * 1000;
}

function spentBetween(charges: Charge[], from: number, to: number): bigint {
  let sum = 0n;
  for (const c of charges) if (c.at >= from && c.at < to) sum += c.amount;
  return sum;
}

export function planPayments(
  world: SimWorld,
  account: AccountPlan,
  charges: Charge[],
  rng: Rng,
): PlannedPayment[] {
  return account.habit.kind === 'invoice'
    ? planInvoices(world, account, charges, rng)
    : planTopups(world, account, charges, rng);
}

function planInvoices(world: SimWorld, account: AccountPlan, charges: Charge[], rng: Rng): PlannedPayment[] {
  const now = world.now.getTime();
  const monthStarts = monthGrid(world.historyStart, world.now, 1, world.timeZone).filter(
    (t) => t > world.historyStart.getTime() && t <= now,
  );
  const out: PlannedPayment[] = [];
  let covered = Number.NEGATIVE_INFINITY;
  for (const start of monthStarts) {
    const [lo, hi] = account.habit.intervalDays;
    const at = daytimeOf(world, rng, start + (rng.int(lo, hi) - 1) * DAY);
    if (at >= now) break;
    const amount = spentBetween(charges, covered, start);
    covered = start;
    if (amount > 0n) out.push({ at, amount, source: 'bank' });
  }
  return out;
}

function planTopups(world: SimWorld, account: AccountPlan, charges: Charge[], rng: Rng): PlannedPayment[] {
  const { habit } = account;
  const now = world.now.getTime();
  const activation = Math.min(...account.lines.map((l) => l.activatedAt.getTime()));
  const newLine = activation >= world.historyStart.getTime();
  // A new line is paid for at the shop a couple of minutes before it is switched on; an old one carries a
  // balance into the history, represented by a top-up a few days before it begins.
  const opening = newLine
    ? activation - 120_000
    : daytimeOf(world, rng, world.historyStart.getTime() - rng.int(1, 4) * DAY);
  const last = Math.min(now - 3_600_000, habit.stopAt?.getTime() ?? Number.POSITIVE_INFINITY);
  const times = [opening];
  for (;;) {
    const previous = times.at(-1) ?? opening;
    const next = daytimeOf(
      world,
      rng,
      previous + rng.int(habit.intervalDays[0], habit.intervalDays[1]) * DAY,
    );
    if (next >= last) break;
    times.push(next);
  }
  const out: PlannedPayment[] = [];
  let balance = 0n;
  for (const [i, at] of times.entries()) {
    const until = times[i + 1] ?? Number.POSITIVE_INFINITY;
    const spend = spentBetween(charges, at, until);
    const [lo, hi] = habit.buffer;
    const buffer = lo + BigInt(Math.floor(rng.next() * Number(hi - lo + 1n)));
    const isLast = i === times.length - 1;
    const need = spend - balance + (isLast ? habit.targetBalance : buffer);
    let pay = need > 0n ? roundUp(need, habit.roundTo) : 0n;
    if (pay > 0n && pay < MIN_TOPUP) pay = isLast && habit.targetBalance < 0n ? 0n : MIN_TOPUP;
    const parts = (pay + MAX_TOPUP - 1n) / MAX_TOPUP;
    for (let k = 0n; k < parts; k++) {
      const share =
        k < parts - 1n ? roundUp(pay / parts, habit.roundTo) : pay - roundUp(pay / parts, habit.roundTo) * k;
      if (share <= 0n) continue;
      const source: PaymentSource = i === 0 && newLine ? 'cash' : rng.weighted(habit.sources);
      out.push({ at: at + Number(k) * 95_000, amount: share, source });
    }
    balance += pay - spend;
  }
  return out;
}
