/**
 * PAY-05 over USSD: `*106#` shows the offer (or why not, or the unpaid one), a number picks an amount, `1` takes
 * it — exactly once per USSD session, whatever the gateway repeats — and `*105#` item 4 shows the summary.
 */
import {
  decidePromised,
  type PromisedRules,
  type PromisedUssdView,
  promisedConfirmScreen,
  promisedPaymentScreen,
  promisedSummaryScreen,
  promisedTakenScreen,
  USSD_TEXTS,
  type UssdLang,
  type UssdReply,
  walkPromisedUssd,
} from '@kabinet/core';
import { applyBalanceRules } from '../charging/balance-rules.ts';
import { AppError } from '../http/problem.ts';
import { promisedDueText } from '../promised/due-text.ts';
import { loadPromisedLine, type PromisedLine } from '../promised/promised-line.ts';
import { loadPromisedRules } from '../promised/rules-store.ts';
import { takePromisedPayment } from '../promised/take-promised.ts';
import type { UssdContext } from './handle-ussd.ts';
import type { UssdSubscriber } from './subscriber-query.ts';

function viewOf(line: PromisedLine, rules: PromisedRules, ctx: UssdContext): PromisedUssdView {
  if (line.active) {
    return {
      kind: 'active',
      amount: line.active.amount,
      due: promisedDueText(line.active.dueAt, ctx.timeZone, true),
    };
  }
  const decision = decidePromised(line.facts, rules, ctx.now());
  if (!decision.eligible) {
    return { kind: 'refused', refusals: decision.refusals, minTenureDays: rules.minTenureDays };
  }
  return { kind: 'offers', termDays: rules.termDays, options: decision.options };
}

/** `*105#` item 4: the most on offer and the code, the unpaid one, or why not. */
export async function promisedSummary(ctx: UssdContext, subscriber: UssdSubscriber, lang: UssdLang) {
  const rules = await loadPromisedRules(ctx.db);
  const line = await loadPromisedLine(ctx.db, subscriber.lineId, rules, ctx.now());
  return promisedSummaryScreen(lang, viewOf(line, rules, ctx));
}

/** One step of the `*106#` dialogue. */
export async function promisedStep(
  ctx: UssdContext,
  subscriber: UssdSubscriber,
  choices: readonly string[],
  sessionId: string,
  lang: UssdLang,
  journal: (screen: string) => Promise<void>,
): Promise<UssdReply> {
  const requestKey = `ussd:${sessionId}`;
  const now = ctx.now();
  // A gateway repeating the last step of a session that took one gets the same answer; nothing moves again.
  if (choices.length >= 2) {
    const earlier = await ctx.db
      .selectFrom('promised_payments')
      .select(['amount', 'due_at'])
      .where('request_key', '=', requestKey)
      .where('line_id', '=', subscriber.lineId)
      .executeTakeFirst();
    if (earlier)
      return promisedTakenScreen(lang, earlier.amount, promisedDueText(earlier.due_at, ctx.timeZone, true));
  }
  const rules = await loadPromisedRules(ctx.db);
  const line = await loadPromisedLine(ctx.db, subscriber.lineId, rules, now);
  const view = viewOf(line, rules, ctx);
  if (view.kind !== 'offers') {
    await journal(`promised_payment_${view.kind}`);
    return promisedPaymentScreen(lang, view);
  }
  const step = walkPromisedUssd(choices, view.options.length);
  const dueShort = promisedDueText(decidePromised(line.facts, rules, now).dueAt, ctx.timeZone, true);
  switch (step.step) {
    case 'offers':
      await journal('promised_payment_offers');
      return promisedPaymentScreen(lang, view, step.invalid);
    case 'confirm': {
      await journal('promised_payment_confirm');
      const option = view.options[step.index];
      if (!option) return promisedPaymentScreen(lang, view, true);
      return promisedConfirmScreen(lang, option, dueShort, step.invalid);
    }
    case 'cancel':
      await journal('promised_payment_cancelled');
      return { end: true, text: USSD_TEXTS[lang].cancelled };
    case 'take': {
      const option = view.options[step.index];
      if (!option) return promisedPaymentScreen(lang, view, true);
      try {
        const taken = await ctx.db.transaction().execute((trx) =>
          takePromisedPayment(trx, {
            lineId: subscriber.lineId,
            loginId: subscriber.loginId,
            ip: null,
            channel: 'ussd',
            requestKey,
            amount: option.amount,
            rules,
            now,
            timeZone: ctx.timeZone,
          }),
        );
        if (taken.created) {
          await applyBalanceRules(ctx.db, [taken.accountId], now, { timeZone: ctx.timeZone });
          void ctx.outbox.kick();
        }
        return promisedTakenScreen(lang, taken.amount, promisedDueText(taken.dueAt, ctx.timeZone, true));
      } catch (err) {
        // Another channel took one between the screens: say why, as the first screen would now.
        if (!(err instanceof AppError) || err.code !== 'promised_not_eligible') throw err;
        const fresh = await loadPromisedLine(ctx.db, subscriber.lineId, rules, ctx.now());
        return promisedPaymentScreen(lang, viewOf(fresh, rules, ctx));
      }
    }
  }
}
