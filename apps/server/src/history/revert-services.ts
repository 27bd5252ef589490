import { fundsShortfall, isEmptyPlan, toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { recordJournal } from '../journal/record.ts';
import { loadTariff } from '../plans/catalog-query.ts';
import { rejectPendingChanges } from '../plans/change-tariff.ts';
import { chargeFee } from '../plans/charge-fee.ts';
import { changeProblems } from '../plans/errors.ts';
import { balanceOf, type LockedLine, lockLine } from '../plans/line-lock.ts';
import { switchTariff } from '../plans/switch-tariff.ts';
import { recordRequest } from '../requests/record-request.ts';
import { attachOption } from '../services/attach-option.ts';
import { loadOption } from '../services/option-query.ts';
import { removeOption } from '../services/remove-option.ts';
import { historyProblems } from './errors.ts';
import { buildRevert, type RevertContext } from './revert-context.ts';

export interface RevertInput {
  lineId: string;
  loginId: string;
  ip: string | null;
  date: string;
  /** The plan's fingerprint as shown in the confirmation. */
  fingerprint: string;
  /** Unique per login and Idempotency-Key: every ledger key of the revert derives from it. */
  scope: string;
  now: Date;
  timeZone: string;
}

/**
 * SVC-10: brings the line back to how it was on `date`, all or nothing, under the line's lock: recomputes the
 * plan and refuses (409 `plan_changed`) if it is not the one confirmed, refuses (402) if balance + credit do not
 * cover every fee together, then disconnects options added since, moves the tariff back (transition fee; pending
 * tariff changes rejected) and reconnects options removed since (connection fees), each fee a ledger transfer
 * keyed by the scope. One done `service_revert` request; a journal entry per change and one for the revert.
 */
export async function revertServices(trx: Db, input: RevertInput) {
  let line = await lockLine(trx, input.lineId);
  const ctx = await buildRevert(trx, { ...input, lineKind: line.kind });
  if (ctx.fingerprint !== input.fingerprint) throw historyProblems.planChanged();
  if (isEmptyPlan(ctx.plan)) throw historyProblems.nothingToRevert();
  const shortfall = fundsShortfall({
    balance: line.balance,
    creditLimit: line.credit_limit,
    fee: ctx.plan.total,
  });
  if (shortfall) throw changeProblems.insufficientFunds(shortfall);
  const journal: Array<[string, Record<string, unknown>]> = [];
  for (const d of ctx.plan.disconnect) {
    await removeOption(trx, line.id, d.optionId, input.now);
    const content = ctx.contentIds.has(d.optionId);
    journal.push([content ? 'content.unsubscribed' : 'option.disconnected', optionDetails(ctx, d.optionId)]);
  }
  if (ctx.plan.tariff) {
    line = await moveTariff(trx, line, ctx, input, journal);
  }
  for (const c of ctx.plan.connect) {
    const option = await loadOption(trx, c.optionId);
    if (!option) continue;
    await attachOption(trx, {
      line,
      option,
      feeKey: `service_revert:${input.scope}:${option.id}`,
      now: input.now,
      timeZone: input.timeZone,
    });
    line = { ...line, balance: line.balance - option.connect_fee };
    journal.push([
      'option.connected',
      { ...optionDetails(ctx, c.optionId), connectFee: toSafeNumber(c.fee) },
    ]);
  }
  const requestId = await recordRequest(trx, {
    lineId: line.id,
    loginId: input.loginId,
    kind: 'service_revert',
    statuses: ['accepted', 'done'],
    title: {
      ru: `Возврат услуг к состоянию на ${input.date}`,
      en: `Services returned to ${input.date}`,
    },
    payload: summary(ctx),
    now: input.now,
    note: skippedNote(ctx),
  });
  for (const [action, details] of journal) await journalEntry(trx, input, action, { ...details, requestId });
  await journalEntry(trx, input, 'history.reverted', { ...summary(ctx), requestId });
  return { requestId, balance: await balanceOf(trx, line.ledger_account_id) };
}

async function moveTariff(
  trx: Db,
  line: LockedLine,
  ctx: RevertContext,
  input: RevertInput,
  journal: Array<[string, Record<string, unknown>]>,
): Promise<LockedLine> {
  const change = ctx.plan.tariff;
  const target = change ? await loadTariff(trx, change.toId) : undefined;
  if (!change || !target) return line;
  await chargeFee(trx, {
    line,
    fee: change.fee,
    kind: 'tariff_change',
    idempotencyKey: `service_revert:${input.scope}:tariff`,
    description: `Tariff returned ${line.tariff_code} → ${target.code}`,
    at: input.now,
  });
  const replaced = await rejectPendingChanges(
    trx,
    line.id,
    'Replaced by a return to an earlier date.',
    input.now,
  );
  // A configurable tariff (PLAN-05) comes back with its catalog amounts: the amounts once chosen were priced then.
  const dropped = await switchTariff(trx, {
    line,
    target,
    start: input.now,
    moveNextFee: true,
    timeZone: input.timeZone,
    choice: null,
  });
  journal.push([
    'tariff.changed',
    {
      fromTariff: line.tariff_code,
      toTariff: target.code,
      fee: toSafeNumber(change.fee),
      replaced,
      droppedOptions: dropped,
    },
  ]);
  // Re-read under the lock held: tariff, fee date and balance have all moved.
  return lockLine(trx, line.id);
}

function optionDetails(ctx: RevertContext, optionId: string) {
  return { option: ctx.names.get(optionId)?.code ?? optionId, optionId, via: 'service_revert' };
}

function summary(ctx: RevertContext) {
  const code = (id: string) => ctx.names.get(id)?.code ?? id;
  return {
    date: ctx.date,
    at: ctx.at.toISOString(),
    tariff: ctx.plan.tariff ? { from: code(ctx.plan.tariff.fromId), to: code(ctx.plan.tariff.toId) } : null,
    connected: ctx.plan.connect.map((c) => code(c.optionId)),
    disconnected: ctx.plan.disconnect.map((d) => code(d.optionId)),
    skipped: ctx.plan.skipped.map((s) => ({ item: code(s.id), reason: s.reason })),
    total: toSafeNumber(ctx.plan.total),
  };
}

function skippedNote(ctx: RevertContext): string {
  if (ctx.plan.skipped.length === 0) return '';
  const list = ctx.plan.skipped.map((s) => `${ctx.names.get(s.id)?.code ?? s.id} (${s.reason})`);
  return `Not brought back: ${list.join(', ')}.`;
}

async function journalEntry(trx: Db, input: RevertInput, action: string, details: Record<string, unknown>) {
  await recordJournal(trx, {
    actorKind: 'subscriber',
    actorId: input.loginId,
    loginId: input.loginId,
    channel: 'web',
    lineId: input.lineId,
    action,
    details,
    ip: input.ip,
  });
}
