/**
 * PLAN-07 inactivity rules as pure decisions. Four clocks, four steps: no paid activity → block; no top-up →
 * daily fee; zero or negative balance → close; closed too long → the number is released for recycling. Every
 * step is announced first: a step whose warning was never sent (the job was down through the whole warning
 * window) is warned now and taken on a later run, never silently.
 */
import { startOfNextDay } from '../dates.ts';
import { addDays } from './calendar.ts';
import type { InactivityRules } from './rules.ts';

export type InactivityStep = 'block' | 'fee' | 'close' | 'release';

export interface InactivityFacts {
  now: Date;
  status: 'active' | 'blocked' | 'suspended' | 'closed';
  /** Start of the paid-activity clock: last paid usage or fee, activation, or the last inactivity unblock. */
  activitySince: Date;
  /** Start of the top-up clock: the last top-up, or the activation. */
  topUpSince: Date;
  /** Since when the balance is zero or negative; null while positive. */
  nonPositiveSince: Date | null;
  /** When the line was closed for inactivity; null if it is not. */
  closedAt: Date | null;
  /** The number was released already. */
  released: boolean;
  /** Steps whose warning for the current clock was sent already. */
  warned: ReadonlySet<InactivityStep>;
}

export interface InactivityWarning {
  step: InactivityStep;
  /** The instant the step's clock started: with the step, it names the notice (sent once). */
  since: Date;
  /** When the step happens. */
  at: Date;
}

export interface InactivityPlan {
  warnings: InactivityWarning[];
  block: boolean;
  /** The start of the first day the inactivity fee is due (charged per day from then on); null: not due. */
  feeFrom: Date | null;
  close: boolean;
  release: boolean;
}

interface Clock {
  step: InactivityStep;
  since: Date;
  at: Date;
  applies: boolean;
}

/** The steps due for a line at `facts.now` and the warnings to send now. */
export function decideInactivity(
  facts: InactivityFacts,
  rules: InactivityRules,
  timeZone: string,
): InactivityPlan {
  const { now } = facts;
  const clocks: Clock[] = [
    {
      step: 'block',
      since: facts.activitySince,
      at: addDays(facts.activitySince, rules.blockAfterDays, timeZone),
      applies: facts.status === 'active',
    },
    {
      step: 'fee',
      since: facts.topUpSince,
      // "From day 121": the day after the 120th day since the top-up.
      at: startOfNextDay(addDays(facts.topUpSince, rules.feeAfterDays, timeZone), timeZone),
      applies: facts.status !== 'closed' && rules.feePerDay > 0n,
    },
  ];
  if (facts.nonPositiveSince) {
    clocks.push({
      step: 'close',
      since: facts.nonPositiveSince,
      at: addDays(facts.nonPositiveSince, rules.closeAfterDays, timeZone),
      applies: facts.status !== 'closed',
    });
  }
  if (facts.closedAt) {
    clocks.push({
      step: 'release',
      since: facts.closedAt,
      at: addDays(facts.closedAt, rules.restoreDays, timeZone),
      applies: facts.status === 'closed' && !facts.released,
    });
  }
  const plan: InactivityPlan = { warnings: [], block: false, feeFrom: null, close: false, release: false };
  for (const c of clocks) {
    if (!c.applies) continue;
    const warnFrom = addDays(c.at, -rules.warnDaysBefore, timeZone);
    if (now.getTime() < warnFrom.getTime()) continue;
    if (!facts.warned.has(c.step)) {
      plan.warnings.push({ step: c.step, since: c.since, at: c.at });
      continue;
    }
    if (now.getTime() < c.at.getTime()) continue;
    if (c.step === 'block') plan.block = true;
    if (c.step === 'fee') plan.feeFrom = c.at;
    if (c.step === 'close') plan.close = true;
    if (c.step === 'release') plan.release = true;
  }
  return plan;
}
