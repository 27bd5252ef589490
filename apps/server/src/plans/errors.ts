import { type Shortfall, toSafeNumber } from '@kabinet/core';
import { AppError } from '../http/problem.ts';

/** Problems of tariff and option changes, with stable codes (docs/api/plans-and-services.md). */
export const changeProblems = {
  /** 402: balance + credit limit do not cover the fee; nothing changed. */
  insufficientFunds: (s: Shortfall) =>
    new AppError(402, 'insufficient_funds', 'Not enough money on the account for this fee; top up first.', {
      required: toSafeNumber(s.required),
      available: toSafeNumber(s.available),
    }),
  sameTariff: () => new AppError(409, 'same_tariff', 'The line is already on this tariff.'),
  noBillingPeriod: () =>
    new AppError(
      409,
      'no_billing_period',
      'The line has no next fee date, so there is no next period to wait for.',
    ),
};
