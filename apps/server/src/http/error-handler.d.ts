import type { FastifyInstance } from 'fastify';
import { type FieldError } from './problem.ts';

interface AjvIssue {
  instancePath?: string;
  keyword: string;
  params?: Record<string, unknown>;
  message?: string;
}
/** Ajv's issue → a field error that names the field the way the client sent it (`items.0.amount`). */
export declare function toFieldError(issue: AjvIssue): FieldError;
/** Installs the one place where errors become problem+json responses. */
export declare function installErrorHandler(app: FastifyInstance): void;
/**
 * Unknown routes: API paths get a problem+json 404; when the web app is served (`spaRoot`), any other GET of a
 * path that is not a file (no extension: `/login`, `/lines/x`) gets the SPA's index.html, whose router owns it.
 * A missing file (`/assets/old.js`) stays a 404, so a stale bundle fails loudly instead of parsing HTML as JS.
 */
export declare function installNotFound(app: FastifyInstance, spaRoot?: string): void;
