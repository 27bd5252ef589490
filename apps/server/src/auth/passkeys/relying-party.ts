import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../http/context.ts';

/** The WebAuthn relying party a request speaks to. */
export interface RelyingParty {
  /** Domain the passkeys are scoped to (never an IP address: browsers refuse those). */
  rpId: string;
  rpName: string;
  /** Origins whose `clientDataJSON.origin` is accepted. */
  origins: string[];
}

/**
 * `KABINET_RP_ID` / `KABINET_ORIGINS` when configured; otherwise the request's own host name and origin, which is
 * right for development (`http://localhost:5173`) and for a single-host deployment. `request.hostname` has no
 * port, as an RP ID must not; the origin keeps it, as browsers write it.
 */
export function relyingParty(ctx: Pick<AppContext, 'webauthn'>, request: FastifyRequest): RelyingParty {
  return {
    rpId: ctx.webauthn.rpId ?? request.hostname,
    rpName: ctx.webauthn.rpName,
    origins:
      ctx.webauthn.origins.length > 0 ? ctx.webauthn.origins : [`${request.protocol}://${request.host}`],
  };
}
