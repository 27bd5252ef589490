import { checkCompatibility, toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import { loadTemplates } from '../plans/catalog-query.ts';
import { loadConnected, loadNames, loadOffered, type OptionRow } from './option-query.ts';
import { type OptionContext, presentConnected, presentOption, ruleOf } from './present-option.ts';

export interface OptionFilter {
  category?: OptionRow['category'];
  /** Searched in both names, case-insensitively. */
  q?: string;
}

function matches(o: OptionRow, f: OptionFilter): boolean {
  if (f.category && o.category !== f.category) return false;
  const q = f.q?.trim().toLocaleLowerCase('ru');
  if (!q) return true;
  return o.name_ru.toLocaleLowerCase('ru').includes(q) || o.name_en.toLocaleLowerCase('en').includes(q);
}

/** SVC-01: the line's connected options and the ones on offer, filtered, each with its compatibility. */
export async function optionsOfLine(db: Db, lineId: string, filter: OptionFilter) {
  const line = await db
    .selectFrom('lines')
    .innerJoin('tariffs', 'tariffs.id', 'lines.tariff_id')
    .select('tariffs.code')
    .where('lines.id', '=', lineId)
    .executeTakeFirst();
  if (!line) throw problems.notFound('line');
  const allConnected = (await loadConnected(db, lineId)).filter((o) => o.category !== 'content');
  const connectedIds = new Set(allConnected.map((o) => o.id));
  const connected = allConnected.filter((o) => matches(o, filter));
  const available = (await loadOffered(db)).filter((o) => !connectedIds.has(o.id) && matches(o, filter));
  const shown = [...connected, ...available];
  const tariffCodes = new Set<string>();
  const optionCodes = new Set<string>();
  for (const o of shown) {
    const inc = checkCompatibility(ruleOf(o), line.code, allConnected.map(ruleOf));
    if (inc?.code === 'requires_tariff') for (const c of inc.tariffs) tariffCodes.add(c);
    if (inc?.code === 'excludes_option') for (const c of inc.options) optionCodes.add(c);
  }
  const context: OptionContext = {
    tariffCode: line.code,
    connected: allConnected,
    templates: await loadTemplates(
      db,
      'option_id',
      shown.map((o) => o.id),
    ),
    names: await loadNames(db, [...tariffCodes], [...optionCodes]),
  };
  return {
    connected: connected.map((o) => presentConnected(o, context)),
    available: available.map((o) => presentOption(o, context)),
  };
}

/** SVC-03: the line's paid content subscriptions. */
export async function subscriptionsOfLine(db: Db, lineId: string) {
  const rows = (await loadConnected(db, lineId)).filter((o) => o.category === 'content');
  return {
    subscriptions: rows.map((o) => ({
      id: o.id,
      code: o.code,
      name: { ru: o.name_ru, en: o.name_en },
      shortNumber: o.short_number,
      fee: toSafeNumber(o.fee),
      feePeriod: o.fee_period,
      connectedAt: o.connected_at.toISOString(),
    })),
  };
}
