/** One invalid field of a request, as listed in a problem's `errors`. */
export interface FieldProblem {
  field: string;
  code: string;
  message: string;
}

/**
 * An RFC 9457 problem document. `title` and `detail` are English and meant for logs; the UI maps `code`
 * (and `errors[].code`) to text in the user's language and falls back to `detail`. Extra members such as
 * `attemptsLeft`, `lockedUntil` or `retryAfterSeconds` ride along.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  code: string;
  errors?: FieldProblem[];
  [extra: string]: unknown;
}

/** Codes the client makes up itself when there is no problem document to read. */
export const NETWORK_ERROR = 'network_error';
export const BAD_RESPONSE = 'bad_response';

/** A failed API call: an HTTP error with its problem document, or a network failure (status 0). */
export class ApiError extends Error {
  readonly problem: Problem;

  constructor(problem: Problem) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
    this.problem = problem;
  }

  get status(): number {
    return this.problem.status;
  }

  get code(): string {
    return this.problem.code;
  }

  /** A numeric extra member of the problem, if present (`attemptsLeft`, `retryAfterSeconds`). */
  numberField(name: string): number | undefined {
    const value = this.problem[name];
    return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
  }

  /** A string extra member of the problem, if present (`lockedUntil`). */
  stringField(name: string): string | undefined {
    const value = this.problem[name];
    return typeof value === 'string' ? value : undefined;
  }
}

export function isProblem(value: unknown): value is Problem {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return typeof record.code === 'string' && typeof record.status === 'number';
}

export function syntheticProblem(status: number, code: string, detail: string): Problem {
  return { type: 'about:blank', title: detail, status, detail, code };
}
