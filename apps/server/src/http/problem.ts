/**
 * One error module. Commands throw `AppError`s with stable machine codes; one handler turns them (and Fastify's
 * own validation errors) into RFC 9457 problem+json. Unknown errors are answered generically and logged.
 */
export interface FieldError {
  /** Path of the offending field, e.g. `phone` or `items.0.amount`. */
  field: string;
  /** Stable machine code, e.g. `invalid_phone`, `required`, `too_long`. */
  code: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly errors: FieldError[] = [],
  ) {
    super(message);
  }
}

export const problems = {
  validation: (errors: FieldError[]) =>
    new AppError(400, 'validation_failed', 'The request has invalid fields.', {}, errors),
  field: (field: string, code: string, message: string) => problems.validation([{ field, code, message }]),
  unauthenticated: () => new AppError(401, 'unauthenticated', 'Log in to continue.'),
  forbidden: (message = 'This action is not allowed at your access level.') =>
    new AppError(403, 'forbidden', message),
  /** ACCESS-09: a partial session (or grant) asked for something that needs full access. */
  fullAccessNeeded: () =>
    new AppError(
      403,
      'forbidden',
      'Full access is needed: log in with a code, password or passkey (automatic login gives partial access).',
    ),
  notFound: (what = 'resource') => new AppError(404, 'not_found', `No such ${what}.`),
  csrf: () =>
    new AppError(403, 'csrf_failed', 'Missing or invalid CSRF token; reload the page and try again.'),
  rateLimited: (retryAfterSeconds: number) =>
    new AppError(429, 'rate_limited', 'Too many requests; try again later.', { retryAfterSeconds }),
};

export const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  402: 'Payment Required',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}

export function toProblem(err: AppError): ProblemBody {
  return {
    type: `https://kabinet.dev/problems/${err.code.replaceAll('_', '-')}`,
    title: TITLES[err.status] ?? 'Error',
    status: err.status,
    detail: err.message,
    code: err.code,
    ...(err.errors.length > 0 ? { errors: err.errors } : {}),
    ...err.extra,
  };
}
