import type { Db } from '@kabinet/db';
import { problems } from '../http/problem.ts';
import type { Actor } from '../services/option-journal.ts';
import { type ForwardingCondition, type ForwardingRuleView, loadRule } from './forwarding-query.ts';
import { phoneField } from './phone-field.ts';
import { recordSettingsChange } from './record-change.ts';
import { lockSettingsLine, type SettingsLine } from './settings-line.ts';

/** "No answer" forwarding waits this long when no delay was ever chosen, seconds. */
export const DEFAULT_NO_ANSWER_DELAY = 20;

export interface SetForwardingInput extends Actor {
  condition: ForwardingCondition;
  enabled: boolean;
  /** Any common phone format; required when enabling, the stored number kept when omitted. */
  target?: string;
  /** `no_answer` only (the schema admits 5–30, step 5). */
  delaySeconds?: number;
  now: Date;
}

const CONDITION_NAMES: Record<ForwardingCondition, { ru: string; en: string }> = {
  unconditional: { ru: 'всегда', en: 'always' },
  busy: { ru: 'если занято', en: 'when busy' },
  no_answer: { ru: 'если нет ответа', en: 'on no answer' },
  unreachable: { ru: 'если недоступен', en: 'when unreachable' },
};

/** The rule the input asks for, from the stored one: 400s for a bad number, a missing one or a misplaced delay. */
function nextRule(
  input: SetForwardingInput,
  stored: ForwardingRuleView,
  line: SettingsLine,
): ForwardingRuleView {
  if (input.delaySeconds !== undefined && input.condition !== 'no_answer') {
    throw problems.field('delaySeconds', 'invalid_value', 'delaySeconds is only for the no_answer condition');
  }
  const target = input.target !== undefined ? phoneField('target', input.target, line) : stored.target;
  if (input.enabled && target === null) {
    throw problems.field('target', 'required', 'target is required to enable forwarding');
  }
  const delaySeconds =
    input.condition === 'no_answer'
      ? (input.delaySeconds ?? stored.delaySeconds ?? DEFAULT_NO_ANSWER_DELAY)
      : null;
  return { condition: input.condition, enabled: input.enabled, target, delaySeconds };
}

const same = (a: ForwardingRuleView, b: ForwardingRuleView) =>
  a.enabled === b.enabled && a.target === b.target && a.delaySeconds === b.delaySeconds;

/**
 * SVC-06: sets one forwarding rule of the line, under the line's lock. The number may be typed in any format and
 * is stored as E.164; the line's own number is refused. A real change records a done `forwarding_change` request
 * and journals `forwarding.changed`; setting the rule it already is records nothing. Returns the rule.
 */
export async function setForwarding(trx: Db, input: SetForwardingInput): Promise<ForwardingRuleView> {
  const line = await lockSettingsLine(trx, input.lineId);
  const stored = await loadRule(trx, line.id, input.condition);
  const rule = nextRule(input, stored, line);
  if (same(rule, stored)) return stored;
  const values = {
    enabled: rule.enabled,
    target: rule.target,
    delay_seconds: rule.delaySeconds,
    updated_at: input.now,
  };
  await trx
    .insertInto('line_forwarding')
    .values({ line_id: line.id, condition: rule.condition, ...values })
    .onConflict((oc) => oc.columns(['line_id', 'condition']).doUpdateSet(values))
    .execute();
  const name = CONDITION_NAMES[rule.condition];
  await recordSettingsChange(
    trx,
    input,
    {
      kind: 'forwarding_change',
      title: rule.enabled
        ? { ru: `Переадресация ${name.ru} включена`, en: `Call forwarding ${name.en} on` }
        : { ru: `Переадресация ${name.ru} выключена`, en: `Call forwarding ${name.en} off` },
      action: 'forwarding.changed',
      details: { ...rule },
    },
    input.now,
  );
  return rule;
}
