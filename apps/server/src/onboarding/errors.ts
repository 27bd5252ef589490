import { AppError } from '../http/problem.ts';

/**
 * Problems of SVC-13 with stable codes (docs/api/line-extras.md). Field problems (400 `validation_failed`
 * naming `number`, `donor`, `fullName`, `contact`, `desiredDate`, `office`, `contactPhone`, `code`) are built
 * where the fields are checked, so every bad field is reported at once.
 */
export const onboardingProblems = {
  /** 409: the number is already ours. */
  alreadyOurs: () => new AppError(409, 'already_ours', 'This number is already served by us.'),
  /** 409: a confirmed port-in of this number is already under way. */
  portInPending: () =>
    new AppError(409, 'port_in_pending', 'A request to move this number is already under way.'),
  /** 409: the chosen number was taken meanwhile, or is not in the pool. */
  numberTaken: () => new AppError(409, 'number_taken', 'This number is no longer available; choose another.'),
  /** 400 `invalid_code` on `code`, with the attempts left. */
  invalidCode: (attemptsLeft: number) =>
    new AppError(400, 'validation_failed', 'The request has invalid fields.', { attemptsLeft }, [
      { field: 'code', code: 'invalid_code', message: 'The code is wrong' },
    ]),
  /** 409: the code expired or was entered wrong too many times: the order is void; apply again. */
  codeExpired: () =>
    new AppError(
      409,
      'code_expired',
      'The code has expired or was entered wrong too many times; apply again.',
    ),
};
