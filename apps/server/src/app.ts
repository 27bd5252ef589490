import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { sandboxAcquirerRoutes } from './acquirer/sandbox-routes.ts';
import { enrichmentRoutes } from './auth/enrichment-routes.ts';
import { passkeyRoutes } from './auth/passkey-routes.ts';
import { passwordRoutes } from './auth/password-routes.ts';
import { phoneConfirmRoutes } from './auth/phone-confirm-routes.ts';
import { installPrincipal } from './auth/principal.ts';
import { authRoutes } from './auth/routes.ts';
import { autopayRoutes } from './autopay/routes.ts';
import { bonusRoutes } from './bonuses/routes.ts';
import { devRoutes } from './dev/routes.ts';
import { deviceSettingsRoutes } from './device-settings/routes.ts';
import { historyRoutes } from './history/routes.ts';
import type { AppContext } from './http/context.ts';
import { csrfGuard } from './http/csrf.ts';
import { installErrorHandler, installNotFound } from './http/error-handler.ts';
import { FieldErrorSchema, ProblemSchema } from './http/schemas.ts';
import { journalRoutes } from './journal/routes.ts';
import { lineSettingsRoutes } from './line-settings/routes.ts';
import { lineRoutes } from './lines/routes.ts';
import { notificationCentreRoutes } from './notification-centre/routes.ts';
import { onboardingRoutes } from './onboarding/routes.ts';
import { paymentRoutes } from './payments/routes.ts';
import { planRoutes } from './plans/routes.ts';
import { promisedPaymentRoutes } from './promised/routes.ts';
import { ratingRoutes } from './rating/routes.ts';
import { requestRoutes } from './requests/routes.ts';
import { roamingRoutes } from './roaming/routes.ts';
import { securityRoutes } from './security/routes.ts';
import { serviceRoutes } from './services/routes.ts';
import { simRoutes } from './sim/routes.ts';
import { statementRoutes } from './statements/routes.ts';
import { systemRoutes } from './system/routes.ts';
import { transferRoutes } from './transfers/routes.ts';
import { ussdRoutes } from './ussd/routes.ts';
import { voucherRoutes } from './vouchers/routes.ts';

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
export async function buildApp(options: BuildAppOptions) {
  const { ctx } = options;
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy && options.trustProxy.length > 0 ? options.trustProxy : false,
    bodyLimit: 64 * 1024,
    ajv: {
      customOptions: { removeAdditional: false, coerceTypes: 'array', useDefaults: true, allErrors: true },
    },
    genReqId: () => crypto.randomUUID(),
  });
  installErrorHandler(app);
  app.addSchema(FieldErrorSchema);
  app.addSchema(ProblemSchema);

  // Security headers (CSP, HSTS, nosniff …) as helmet writes them, taken once (decisions/0030): none depends on
  // the request, so each response gets the same fourteen headers in one call instead of helmet's eleven steps.
  const securityHeaders = helmetHeaders({
    contentSecurityPolicy: {
      directives: { 'base-uri': ["'none'"], 'frame-ancestors': ["'none'"], 'script-src': ["'self'"] },
    },
  });
  app.addHook('onRequest', (_request, reply, done) => {
    reply.headers(securityHeaders);
    done();
  });
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    // Shared schemas appear in the document under their $id (Problem, Me …) rather than def-0, def-1.
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Kabinet API',
        version: '1',
        description:
          'Subscriber self-care API. Money is integer kopecks. Errors are RFC 9457 problem+json with a stable ' +
          '`code`. State-changing requests need the `x-csrf-token` header (see `GET /api/v1/auth/csrf`).',
      },
      tags: [
        { name: 'auth', description: 'Login and sessions' },
        { name: 'lines', description: 'Lines and their dashboard' },
        { name: 'security', description: 'Security settings, sessions, passkeys' },
        { name: 'journal', description: 'Operations journal' },
        { name: 'plans', description: 'Tariffs' },
        { name: 'services', description: 'Options and content subscriptions' },
        { name: 'requests', description: 'Requests and their time line' },
        { name: 'roaming', description: 'Roaming' },
        { name: 'devices', description: 'Device settings' },
        { name: 'onboarding', description: 'Number port-in and new SIM orders (no login)' },
        { name: 'history', description: 'History of changes and revert' },
        { name: 'notifications', description: 'Notification preferences and centre' },
        { name: 'payments', description: 'Card top-ups, acquirer webhooks, promised payment, autopay' },
        { name: 'vouchers', description: 'Voucher (scratch card) top-ups' },
        { name: 'transfers', description: 'Mobile transfers confirmed by SMS code' },
        { name: 'statements', description: 'Payment history, expenses, postpaid invoices, trust payment' },
        { name: 'bonuses', description: 'Bonus points and rewards' },
        { name: 'ussd', description: 'USSD gateway interface' },
        { name: 'integration', description: 'Operator integration API (API keys)' },
        { name: 'dev', description: 'Demo mode only' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  installPrincipal(app, ctx);
  app.addHook('onReady', () => ctx.sessions.start());
  app.addHook('onClose', () => ctx.sessions.stop());
  app.addHook('preHandler', csrfGuard(ctx.secret));

  await app.register(systemRoutes, ctx);
  await app.register(authRoutes, ctx);
  await app.register(lineRoutes, ctx);
  await app.register(passwordRoutes, ctx);
  await app.register(enrichmentRoutes, ctx);
  await app.register(passkeyRoutes, ctx);
  await app.register(phoneConfirmRoutes, ctx);
  await app.register(securityRoutes, ctx);
  await app.register(journalRoutes, ctx);
  await app.register(planRoutes, ctx);
  await app.register(serviceRoutes, ctx);
  await app.register(requestRoutes, ctx);
  await app.register(lineSettingsRoutes, ctx);
  await app.register(simRoutes, ctx);
  await app.register(roamingRoutes, ctx);
  await app.register(deviceSettingsRoutes, ctx);
  await app.register(onboardingRoutes, ctx);
  await app.register(historyRoutes, ctx);
  await app.register(notificationCentreRoutes, ctx);
  await app.register(ussdRoutes, ctx);
  await app.register(ratingRoutes, ctx);
  // Issue 6: money.
  await app.register(paymentRoutes, ctx);
  await app.register(sandboxAcquirerRoutes, ctx);
  await app.register(voucherRoutes, ctx);
  await app.register(transferRoutes, ctx);
  await app.register(promisedPaymentRoutes, ctx);
  await app.register(autopayRoutes, ctx);
  await app.register(statementRoutes, ctx);
  await app.register(bonusRoutes, ctx);
  if (ctx.demo) await app.register(devRoutes, { ...ctx, demoPhones: options.demoPhones ?? (async () => []) });

  const spaRoot =
    options.webDist && existsSync(join(options.webDist, 'index.html')) ? options.webDist : undefined;
  if (spaRoot)
    await app.register(fastifyStatic, {
      root: spaRoot,
      wildcard: false,
      index: false,
      prefix: '/',
      // Our own Cache-Control: Vite's assets carry a content hash in their names, so they are cached forever;
      // index.html (sent by the not-found handler) is never cached, so a deploy is picked up at once.
      cacheControl: false,
      setHeaders: (res, path) => {
        if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
      },
    });
  installNotFound(app, spaRoot);
  return app;
}

/** The headers helmet sets with these options, read once from a response it writes to. */
function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader(name: string, value: string | number | readonly string[]) {
      headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  let failed: unknown;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, (err?: unknown) => {
    failed = err;
  });
  if (failed) throw failed;
  return headers;
}
