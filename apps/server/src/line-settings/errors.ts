import { AppError, problems } from '../http/problem.ts';

/** Problems of line settings changes, with stable codes (docs/api/plans-and-services.md, SVC-04/06/07). */
export const settingsProblems = {
  /** 400 `invalid_phone` on `field`: not a number in any format we read. */
  invalidPhone: (field: string) => problems.field(field, 'invalid_phone', `${field} is not a phone number`),
  /** 400 `own_number` on `field`: the line's own number. */
  ownNumber: (field: string) => problems.field(field, 'own_number', `${field} is the line's own number`),
  alreadyBlacklisted: () =>
    new AppError(409, 'already_blacklisted', 'This number is already in the blacklist.'),
  /** 409 at the limit of the blacklist. */
  blacklistFull: (limit: number) =>
    new AppError(409, 'blacklist_full', `The blacklist holds at most ${limit} numbers; remove one first.`, {
      limit,
    }),
};
