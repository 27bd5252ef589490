import { checkCompatibility, type Incompatibility, type OptionRule, toSafeNumber } from '@kabinet/core';
import type { Db } from '@kabinet/db';
import type { TemplateRow } from '../plans/catalog-query.ts';
import { presentPackage } from '../plans/present-tariff.ts';
import { type ConnectedRow, loadNames, type OptionRow } from './option-query.ts';

type Names = Awaited<ReturnType<typeof loadNames>>;

/** An option's compatibility rules, for the core check. */
export function ruleOf(o: OptionRow): OptionRule {
  return { code: o.code, requiresTariffs: o.requires_tariffs, excludesOptions: o.excludes_options };
}

/** An incompatibility with the names of the tariffs and options it mentions. */
export function presentIncompatibility(inc: Incompatibility, names: Names) {
  const named = (codes: string[], index: Map<string, { ru: string; en: string }>) =>
    codes.map((code) => ({ code, name: index.get(code) ?? { ru: code, en: code } }));
  return inc.code === 'requires_tariff'
    ? { code: inc.code, tariffs: named(inc.tariffs, names.tariffs) }
    : { code: inc.code, options: named(inc.options, names.options) };
}

/** Loads the names an incompatibility mentions and presents it. */
export async function explainIncompatibility(db: Db, inc: Incompatibility) {
  const names = await loadNames(
    db,
    inc.code === 'requires_tariff' ? inc.tariffs : [],
    inc.code === 'excludes_option' ? inc.options : [],
  );
  return presentIncompatibility(inc, names);
}

export interface OptionContext {
  tariffCode: string;
  connected: OptionRow[];
  templates: TemplateRow[];
  names: Names;
}

/** SVC-01: an option on offer with its fees, packages and whether it can be connected. */
export function presentOption(o: OptionRow, c: OptionContext) {
  const inc = checkCompatibility(ruleOf(o), c.tariffCode, c.connected.map(ruleOf));
  return {
    id: o.id,
    code: o.code,
    category: o.category === 'content' ? ('extra' as const) : o.category,
    name: { ru: o.name_ru, en: o.name_en },
    description: { ru: o.description_ru, en: o.description_en },
    connectFee: toSafeNumber(o.connect_fee),
    fee: toSafeNumber(o.fee),
    feePeriod: o.fee_period,
    packages: c.templates.filter((t) => t.option_id === o.id).map(presentPackage),
    compatible: inc === null,
    incompatibility: inc ? presentIncompatibility(inc, c.names) : null,
  };
}

/** SVC-01: a connected option, with when it was connected and its next fee. */
export function presentConnected(o: ConnectedRow, c: OptionContext) {
  return {
    ...presentOption(o, c),
    connectedAt: o.connected_at.toISOString(),
    nextFeeAt: o.next_fee_at ? o.next_fee_at.toISOString() : null,
  };
}
