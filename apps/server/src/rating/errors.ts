/** Problems of the rating capability's API, with stable codes (see http/problem.ts). */
import { AppError } from '../http/problem.ts';

export const ratingProblems = {
  apiKeyMissing: () =>
    new AppError(401, 'api_key_required', 'Send an integration API key as `Authorization: Bearer <key>`.'),
  apiKeyInvalid: () => new AppError(401, 'api_key_invalid', 'The API key is unknown or revoked.'),
  apiKeyScope: (scope: string) =>
    new AppError(403, 'api_key_scope', `The API key does not have the scope ${scope}.`, { scope }),
};
