import { type ChoiceIssue, type Shortfall, toSafeNumber } from '@kabinet/core';
import { AppError, problems } from '../http/problem.ts';

/** Problems of tariff and option changes, with stable codes (docs/api/plans-and-services.md). */
export const changeProblems = {
  /** 402: balance + credit limit do not cover the fee; nothing changed. */
  insufficientFunds: (s: Shortfall) =>
    new AppError(402, 'insufficient_funds', 'Not enough money on the account for this fee; top up first.', {
      required: toSafeNumber(s.required),
      available: toSafeNumber(s.available),
    }),
  sameTariff: () => new AppError(409, 'same_tariff', 'The line is already on this tariff.'),
  /** PLAN-05: re-configuring to the amounts the line already has. */
  sameChoice: () =>
    new AppError(
      409,
      'same_choice',
      'The line already has these amounts on this tariff; move a slider first.',
    ),
  /** The tariff is archived, not public, for another kind of line, or unknown: nothing to move onto. */
  notAvailable: () =>
    new AppError(
      409,
      'tariff_not_available',
      'This tariff is not available to this line: it is no longer sold, not public, or for another kind of line.',
    ),
  noBillingPeriod: () =>
    new AppError(
      409,
      'no_billing_period',
      'The line has no next fee date, so there is no next period to wait for.',
    ),
  /** PLAN-05: amounts sent for a tariff without sliders. */
  notConfigurable: () =>
    problems.field('choice', 'not_configurable', 'choice: this tariff is not configurable; leave choice out'),
  /** PLAN-05: each amount outside its range or between steps, as a field error naming `choice.<field>`. */
  badChoice: (issues: ChoiceIssue[]) =>
    problems.validation(
      issues.map((i) => ({ field: `choice.${i.field}`, code: i.code, message: `${i.field} ${i.message}` })),
    ),
};
