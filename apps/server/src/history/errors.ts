import { AppError, problems } from '../http/problem.ts';

/** Problems of the SVC-10 history and revert, with stable codes. */
export const historyProblems = {
  /** 400 `invalid_date` on `date`: no such day (30 February). */
  invalidDate: () => problems.field('date', 'invalid_date', 'date is not a real calendar day'),
  /** 400 `in_future` on `date`: the state of a day that has not come cannot be known. */
  inFuture: () => problems.field('date', 'in_future', 'date must be today or earlier'),
  /** 400 `before_history` on `date`: the line did not exist yet. */
  beforeHistory: () => problems.field('date', 'before_history', 'the line did not exist on this date'),
  /** 409: the line already has what it had then (or nothing of it can come back). */
  nothingToRevert: () =>
    new AppError(409, 'nothing_to_revert', 'The line already has the services it had on this date.'),
  /** 409: the line or the catalog changed since the plan was shown; nothing was done. */
  planChanged: () =>
    new AppError(409, 'plan_changed', 'The plan changed since it was shown; review it again.'),
};
