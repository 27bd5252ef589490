import { startOfNextDay } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { recordLineChange } from '../requests/record-line-change.ts';
import type { Actor } from '../services/option-journal.ts';
import { simProblems } from './errors.ts';
import { lockSimLine } from './sim-line.ts';
import { suspensionRule } from './suspension-rules.ts';

export interface SuspendInput extends Actor {
  days: number;
  now: Date;
  timeZone: string;
}

/** The end of a suspension of `days` days begun at `now`: the start of the day after the last one. */
export function suspensionEnd(now: Date, days: number, timeZone: string): Date {
  let until = now;
  for (let i = 0; i < days; i += 1) until = startOfNextDay(until, timeZone);
  return until;
}

/**
 * PLAN-06: suspends an active line for `days` days, under the line's lock: status `suspended`, reason
 * `voluntary`, resumed at the start of the day after the last one (operator time zone). Records a done
 * `suspension` request and journals `line.suspended`. 409 `not_available` / `line_not_active`; 400 on `days`.
 */
export async function suspendLine(trx: Db, input: SuspendInput) {
  const line = await lockSimLine(trx, input.lineId);
  const rule = suspensionRule(line.rates);
  if (!rule) throw simProblems.notAvailable();
  if (line.status !== 'active') throw simProblems.lineNotActive();
  if (input.days < 1) throw simProblems.daysTooSmall();
  if (input.days > rule.maxDays) throw simProblems.daysTooLarge(rule.maxDays);
  const until = suspensionEnd(input.now, input.days, input.timeZone);
  await trx
    .updateTable('lines')
    .set({ status: 'suspended', block_reason: 'voluntary', blocked_at: input.now, suspended_until: until })
    .where('id', '=', line.id)
    .execute();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'suspension',
      statuses: ['accepted', 'done'],
      title: { ru: `Добровольная блокировка на ${input.days} дн.`, en: `Suspended for ${input.days} days` },
      action: 'line.suspended',
      details: { days: input.days, until: until.toISOString() },
    },
    input.now,
  );
  return { request, current: { from: input.now.toISOString(), until: until.toISOString() } };
}

/**
 * PLAN-06: resumes a voluntarily suspended line at once, under the line's lock: back to `active`. Records a done
 * `resumption` request and journals `line.resumed`. 409 `not_suspended`.
 */
export async function resumeLine(trx: Db, input: Actor & { now: Date }) {
  const line = await lockSimLine(trx, input.lineId);
  if (line.status !== 'suspended' || line.block_reason !== 'voluntary') throw simProblems.notSuspended();
  await trx
    .updateTable('lines')
    .set({ status: 'active', block_reason: null, blocked_at: null, suspended_until: null })
    .where('id', '=', line.id)
    .execute();
  const request = await recordLineChange(
    trx,
    input,
    {
      kind: 'resumption',
      statuses: ['accepted', 'done'],
      title: { ru: 'Номер разблокирован', en: 'Line resumed' },
      action: 'line.resumed',
      details: { suspendedUntil: line.suspended_until?.toISOString() ?? null },
    },
    input.now,
  );
  return { request };
}
