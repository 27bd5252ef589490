import { AppError, problems } from '../http/problem.ts';

/** Problems of PAY-03 with stable codes (docs/vouchers-and-transfers.md). */
export const voucherProblems = {
  /** 400 on `code` before any lookup: empty, not 16 digits, or a mistyped digit (the check digit). */
  format: (problem: 'required' | 'invalid_format' | 'checksum') =>
    problems.field(
      'code',
      problem,
      problem === 'checksum'
        ? 'The code has a typo: check the digits on the card.'
        : 'Enter the 16 digits under the scratch layer.',
    ),
  /**
   * 400 `voucher_invalid` on `code`: no such code, already used, expired or cancelled — one answer for all, so
   * guessing learns nothing. `attemptsLeft` before the lock.
   */
  invalid: (attemptsLeft: number) =>
    new AppError(400, 'voucher_invalid', 'The code is wrong or has already been used.', { attemptsLeft }, [
      { field: 'code', code: 'voucher_invalid', message: 'The code is wrong or has already been used.' },
    ]),
  /** 429 `voucher_locked`: too many wrong codes from this login or address in the last hour. */
  locked: (retryAfterSeconds: number) =>
    new AppError(429, 'voucher_locked', 'Too many wrong voucher codes; try again later.', {
      retryAfterSeconds,
    }),
};
