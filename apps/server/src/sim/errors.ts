import { AppError, problems } from '../http/problem.ts';

/** Problems of suspension and SIM changes, with stable codes (docs/api/plans-and-services.md, PLAN-06, SVC-09). */
export const simProblems = {
  /** 409: the tariff has no suspension rule. */
  notAvailable: () => new AppError(409, 'not_available', 'The tariff of this line cannot be suspended.'),
  /** 409: the line is already suspended or blocked. */
  lineNotActive: () =>
    new AppError(409, 'line_not_active', 'The line is not active: it is suspended or blocked.'),
  /** 409: resuming a line that is not voluntarily suspended. */
  notSuspended: () => new AppError(409, 'not_suspended', 'The line is not suspended.'),
  /** 400 `too_small` on `days`. */
  daysTooSmall: () => problems.field('days', 'too_small', 'days must be at least 1'),
  /** 400 `too_large` on `days`, naming the limit. */
  daysTooLarge: (maxDays: number) => problems.field('days', 'too_large', `days must be at most ${maxDays}`),
  /** 409: the SIM is already blocked. */
  alreadyBlocked: () => new AppError(409, 'already_blocked', 'The SIM of this line is already blocked.'),
  /** 400 `too_short` on `pickupOffice`: fewer than 3 characters once trimmed. */
  officeTooShort: () =>
    problems.field('pickupOffice', 'too_short', 'pickupOffice must have at least 3 characters'),
  /** 409: a replacement SIM is already waiting to be picked up. */
  replacementPending: () =>
    new AppError(409, 'replacement_pending', 'A replacement SIM is already ordered for this line.'),
  /** 409: no eSIM is issued online while the line is blocked. */
  lineBlocked: () =>
    new AppError(409, 'line_blocked', 'The line is blocked; a lost SIM is re-issued in an office.'),
};
