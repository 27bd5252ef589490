import type { Db } from '@kabinet/db';
import { FORWARDING_CONDITIONS } from './schemas.ts';

/** A forwarding condition (SVC-06). */
export type ForwardingCondition = (typeof FORWARDING_CONDITIONS)[number];

/** A forwarding rule as the API shows it. */
export interface ForwardingRuleView {
  condition: ForwardingCondition;
  enabled: boolean;
  target: string | null;
  delaySeconds: number | null;
}

/** The rule of a condition that was never set: off, no number. */
export function unsetRule(condition: ForwardingCondition): ForwardingRuleView {
  return { condition, enabled: false, target: null, delaySeconds: null };
}

/** The stored forwarding rules of a line, by condition (conditions never set are absent). */
async function storedRules(db: Db, lineId: string, condition?: ForwardingCondition) {
  let query = db
    .selectFrom('line_forwarding')
    .select(['condition', 'enabled', 'target', 'delay_seconds'])
    .where('line_id', '=', lineId);
  if (condition) query = query.where('condition', '=', condition);
  const rows = await query.execute();
  return new Map(
    rows.map((r) => [
      r.condition,
      { condition: r.condition, enabled: r.enabled, target: r.target, delaySeconds: r.delay_seconds },
    ]),
  );
}

/** SVC-06: all four forwarding rules of a line, in the fixed order of `FORWARDING_CONDITIONS`. */
export async function loadForwarding(db: Db, lineId: string): Promise<ForwardingRuleView[]> {
  const stored = await storedRules(db, lineId);
  return FORWARDING_CONDITIONS.map((c) => stored.get(c) ?? unsetRule(c));
}

/** One forwarding rule of a line (off and empty if never set). */
export async function loadRule(db: Db, lineId: string, condition: ForwardingCondition) {
  return (await storedRules(db, lineId, condition)).get(condition) ?? unsetRule(condition);
}
