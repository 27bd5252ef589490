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
export declare class AppError extends Error {
  readonly status: number;
  readonly code: string;
  readonly extra: Record<string, unknown>;
  readonly errors: FieldError[];
  constructor(
    status: number,
    code: string,
    message: string,
    extra?: Record<string, unknown>,
    errors?: FieldError[],
  );
}
export declare const problems: {
  validation: (errors: FieldError[]) => AppError;
  field: (field: string, code: string, message: string) => AppError;
  unauthenticated: () => AppError;
  forbidden: (message?: string) => AppError;
  notFound: (what?: string) => AppError;
  csrf: () => AppError;
  rateLimited: (retryAfterSeconds: number) => AppError;
};
export declare const TITLES: Record<number, string>;
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  errors?: FieldError[];
  [extra: string]: unknown;
}
export declare function toProblem(err: AppError): ProblemBody;
