import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { loadOptionsById, loadPeriods, loadTariffsById } from './history-query.ts';
import { presentHistory, presentPlan } from './present-history.ts';
import { buildRevert, type NameIndex } from './revert-context.ts';

/** SVC-10: the history list of a line, with the names of every tariff and option it mentions. */
export async function historyOfLine(db: Db, lineId: string, now: Date, timeZone: string) {
  const periods = await loadPeriods(db, lineId);
  const ids = (kind: 'tariff' | 'option') => [
    ...new Set(periods.filter((p) => p.kind === kind).map((p) => p.itemId)),
  ];
  const rows = [...(await loadTariffsById(db, ids('tariff'))), ...(await loadOptionsById(db, ids('option')))];
  const names: NameIndex = new Map(
    rows.map((r) => [r.id, { code: r.code, name: { ru: r.name_ru, en: r.name_en } }]),
  );
  return presentHistory(periods, names, now, timeZone);
}

/** SVC-10: the revert plan for a date, with the balance it will be paid from. */
export async function revertPlanOfLine(
  db: Db,
  input: { lineId: string; date: string; now: Date; timeZone: string },
) {
  const line = await db
    .selectFrom('lines')
    .innerJoin('billing_accounts', 'billing_accounts.id', 'lines.account_id')
    .innerJoin('ledger_accounts', 'ledger_accounts.id', 'billing_accounts.ledger_account_id')
    .select(['lines.kind', 'ledger_accounts.balance'])
    .where('lines.id', '=', input.lineId)
    .executeTakeFirst();
  if (!line) throw problems.notFound('line');
  const ctx = await buildRevert(db, { ...input, lineKind: line.kind });
  return presentPlan(ctx, line.balance);
}
