import { AppError, problems } from '../http/problem.ts';

/** Problems of PAY-06 with stable codes (docs/vouchers-and-transfers.md); field errors name the field. */
export const transferProblems = {
  /** 400 on `amount`: `required`, `not_a_number`, `fractional_kopecks`, `negative`, `too_small`, `too_large`. */
  amount: (problem: string, min: bigint, max: bigint) =>
    new AppError(
      400,
      'validation_failed',
      'The request has invalid fields.',
      { min: Number(min), max: Number(max) },
      [{ field: 'amount', code: problem, message: `A transfer is ${min}–${max} kopecks in whole kopecks.` }],
    ),
  /** 400 on `phone`: the sender's own number (or another line of the same account: the same balance). */
  sameNumber: () =>
    problems.field('phone', 'same_number', 'Money cannot be transferred to the balance it comes from.'),
  /** 409 on `amount`: the daily or monthly limit; `left` kopecks could still be sent in that period. */
  limit: (problem: 'daily_limit' | 'monthly_limit', left: bigint) =>
    new AppError(
      409,
      problem,
      problem === 'daily_limit'
        ? 'The daily transfer limit is reached.'
        : 'The monthly transfer limit is reached.',
      { left: Number(left) },
      [{ field: 'amount', code: problem, message: `At most ${left} kopecks more in this period.` }],
    ),
  /** 402: amount + fee would leave less than the minimum balance; `available` kopecks may be spent. */
  insufficientFunds: (available: bigint, minBalanceLeft: bigint) =>
    new AppError(
      402,
      'insufficient_funds',
      'Not enough money: the amount and fee must leave the minimum balance on the line.',
      { available: Number(available), minBalanceLeft: Number(minBalanceLeft) },
      [
        {
          field: 'amount',
          code: 'insufficient_funds',
          message: `At most ${available} kopecks with the fee.`,
        },
      ],
    ),
  /** 409: transfers leave prepaid lines only (a postpaid line has no money of its own to give). */
  notPrepaid: () => new AppError(409, 'not_prepaid', 'Only a prepaid line can send money.'),
  /** 409: a blocked or suspended line cannot send. */
  lineNotActive: () => new AppError(409, 'line_not_active', 'The line is blocked; it cannot send money.'),
  /** 401 on `code`: wrong, with the attempts left (0: the transfer failed, start again). */
  invalidCode: (attemptsLeft: number) =>
    new AppError(401, 'invalid_code', 'Wrong code.', { attemptsLeft }, [
      { field: 'code', code: 'invalid_code', message: 'Wrong code.' },
    ]),
  /** 401 on `code`: the code's 5 minutes passed; start a new transfer. */
  expiredCode: () =>
    new AppError(
      401,
      'code_expired',
      'The code has expired; start the transfer again.',
      { attemptsLeft: 0 },
      [{ field: 'code', code: 'code_expired', message: 'The code has expired.' }],
    ),
  /** 409: too many wrong codes ended this transfer. */
  failed: () =>
    new AppError(
      409,
      'transfer_failed',
      'Too many wrong codes: this transfer is cancelled; start a new one.',
    ),
};
