import type { AccessLevel } from '@kabinet/db';
import type { SessionPrincipal } from '../auth/sessions.ts';
/**
 * The access a request has to a line is the weaker of its session's level and its grant's level. A line without
 * a live grant is answered 404, not 403: whether someone else's line exists is not ours to tell.
 */
export declare function effectiveAccess(
  principal: SessionPrincipal,
  grantAccess: AccessLevel | null,
): AccessLevel | null;
export declare function assertLineAccess(
  principal: SessionPrincipal,
  grantAccess: AccessLevel | null,
  needed: AccessLevel,
): AccessLevel;
