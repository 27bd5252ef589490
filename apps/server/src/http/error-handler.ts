import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, type FieldError, problems, toProblem } from './problem.ts';

interface AjvIssue {
  instancePath?: string;
  keyword: string;
  params?: Record<string, unknown>;
  message?: string;
}

const KEYWORD_CODES: Record<string, string> = {
  required: 'required',
  maxLength: 'too_long',
  minLength: 'too_short',
  pattern: 'invalid_format',
  format: 'invalid_format',
  type: 'invalid_type',
  enum: 'invalid_value',
  minimum: 'too_small',
  maximum: 'too_large',
  additionalProperties: 'unknown_field',
};

/** Ajv's issue → a field error that names the field the way the client sent it (`items.0.amount`). */
export function toFieldError(issue: AjvIssue): FieldError {
  const path = (issue.instancePath ?? '').split('/').filter(Boolean);
  const params = issue.params ?? {};
  if (issue.keyword === 'required' && typeof params.missingProperty === 'string')
    path.push(params.missingProperty);
  if (issue.keyword === 'additionalProperties' && typeof params.additionalProperty === 'string') {
    path.push(params.additionalProperty);
  }
  const field = path.join('.') || '(body)';
  const code = KEYWORD_CODES[issue.keyword] ?? 'invalid';
  const message =
    issue.keyword === 'required' ? `${field} is required` : `${field} ${issue.message ?? 'is invalid'}`;
  return { field, code, message };
}

/** Installs the one place where errors become problem+json responses. */
export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let appError: AppError;
    if (error instanceof AppError) appError = error;
    else if (error.validation) appError = problems.validation(error.validation.map((v) => toFieldError(v)));
    else if (error.statusCode === 429) {
      appError = problems.rateLimited(Number(reply.getHeader('retry-after') ?? 60));
    } else if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      const code = (error.code ?? 'bad_request').replace(/^FST_ERR_/, '').toLowerCase();
      appError = new AppError(error.statusCode, code, error.message);
    } else {
      request.log.error({ err: error }, 'unhandled error');
      appError = new AppError(500, 'internal', 'Something went wrong on our side; it has been logged.');
    }
    if (appError.status === 403 || appError.status === 401) {
      request.log.info({ code: appError.code, url: request.url }, 'request refused');
    }
    const body = toProblem(appError);
    if (appError.status === 429 && typeof body.retryAfterSeconds === 'number') {
      reply.header('retry-after', String(body.retryAfterSeconds));
    }
    return reply.status(appError.status).type('application/problem+json').send(body);
  });
}

/**
 * Unknown routes: API paths get a problem+json 404; when the web app is served (`spaRoot`), any other GET of a
 * path that is not a file (no extension: `/login`, `/lines/x`) gets the SPA's index.html, whose router owns it.
 * A missing file (`/assets/old.js`) stays a 404, so a stale bundle fails loudly instead of parsing HTML as JS.
 */
export function installNotFound(app: FastifyInstance, spaRoot?: string): void {
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    const isPage = request.method === 'GET' && !path.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(path);
    if (spaRoot && isPage) {
      return reply.type('text/html').header('cache-control', 'no-cache').sendFile('index.html', spaRoot);
    }
    return reply
      .status(404)
      .type('application/problem+json')
      .send(toProblem(problems.notFound('route')));
  });
}
