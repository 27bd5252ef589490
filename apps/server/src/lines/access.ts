import type { AccessLevel } from '@kabinet/db';
import type { SessionPrincipal } from '../auth/sessions.ts';
import { problems } from '../http/problem.ts';

/**
 * The access a request has to a line is the weaker of its session's level and its grant's level. A line without
 * a live grant is answered 404, not 403: whether someone else's line exists is not ours to tell.
 */
export function effectiveAccess(
  principal: SessionPrincipal,
  grantAccess: AccessLevel | null,
): AccessLevel | null {
  if (grantAccess === null) return null;
  return principal.access === 'full' && grantAccess === 'full' ? 'full' : 'partial';
}

/**
 * The access a principal has to a line, if at least `needed`: 404 without a live grant, 403 when full access is
 * needed and the session or grant is partial (ACCESS-09). Line endpoints that partial sessions may use (the
 * dashboard, and later top-ups and the services list) pass `partial`; everything else passes `full`.
 */
export function assertLineAccess(
  principal: SessionPrincipal,
  grantAccess: AccessLevel | null,
  needed: AccessLevel,
): AccessLevel {
  const access = effectiveAccess(principal, grantAccess);
  if (access === null) throw problems.notFound('line');
  if (needed === 'full' && access !== 'full') throw problems.fullAccessNeeded();
  return access;
}
