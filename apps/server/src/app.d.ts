import Fastify, { type FastifyServerOptions } from 'fastify';
import type { AppContext } from './http/context.ts';
export interface BuildAppOptions {
  ctx: AppContext;
  logger?: FastifyServerOptions['logger'];
  trustProxy?: string[] | false;
  /** Folder of the built web app to serve (with SPA fallback); absent: API only. */
  webDist?: string | undefined;
  /** Demo phones for the virtual phone panel. */
  demoPhones?: () => Promise<string[]>;
}
/** Builds the HTTP app: security headers, cookies, CSRF, sessions, routes, OpenAPI, metrics, the web app. */
export declare function buildApp(
  options: BuildAppOptions,
): Promise<
  Fastify.FastifyInstance<
    Fastify.RawServerDefault,
    import('http').IncomingMessage,
    import('http').ServerResponse<import('http').IncomingMessage>,
    Fastify.FastifyBaseLogger,
    Fastify.FastifyTypeProviderDefault
  >
>;
