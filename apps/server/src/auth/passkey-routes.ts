import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../http/context.ts';

/** ACCESS-06: passkeys (WebAuthn) registered in settings and used for quick login. (Being built: issue 3.) */
export async function passkeyRoutes(_root: FastifyInstance, _ctx: AppContext) {}
