import { AppError } from '../http/problem.ts';

/** Problems of SVC-09 unblocking, with stable codes. */
export const unblockProblems = {
  /** 409: only a SIM blocked as lost or stolen is unblocked here. */
  notLostBlocked: () =>
    new AppError(409, 'not_blocked', 'The SIM of this line is not blocked as lost or stolen.'),
  /** 409: the operator unblocks lost SIMs in an office only. */
  officeOnly: () =>
    new AppError(409, 'office_only', 'A lost SIM is unblocked in an office with an ID document.'),
  /** 409: no other verified contact to send the code to. */
  noContact: () =>
    new AppError(
      409,
      'no_contact',
      'No other contact to send the code to: add a recovery phone in security settings, or visit an office.',
    ),
  /** 429: the daily number of codes is used up. */
  tooManyCodes: () =>
    new AppError(429, 'too_many_codes', 'Too many codes today; try tomorrow or visit an office.'),
  /** 409: no live code: ask for one. */
  noCode: () => new AppError(409, 'no_code', 'Ask for a code first.'),
  /** 400 on `code`: expired; ask for a new one. */
  expired: () =>
    new AppError(400, 'code_expired', 'The code has expired; ask for a new one.', { attemptsLeft: 0 }, [
      { field: 'code', code: 'code_expired', message: 'the code has expired' },
    ]),
  /** 400 on `code`: wrong, with the attempts left before the code is burnt. */
  invalid: (attemptsLeft: number) =>
    new AppError(400, 'invalid_code', 'Wrong code.', { attemptsLeft }, [
      { field: 'code', code: 'invalid_code', message: 'wrong code' },
    ]),
  /** 400 on `code`: too many wrong codes; this one is burnt. */
  burnt: () =>
    new AppError(400, 'too_many_attempts', 'Too many wrong codes; ask for a new one.', { attemptsLeft: 0 }, [
      { field: 'code', code: 'too_many_attempts', message: 'too many wrong codes' },
    ]),
};
