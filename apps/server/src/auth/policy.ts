/** The numbers of ACCESS-01 and ACCESS-04, in one place (configurable later through operator settings). */
export const CODE_POLICY = {
  digits: 6,
  ttlSeconds: 10 * 60,
  resendAfterSeconds: 60,
  /** Codes sent to one number per hour, and requested from one client address per hour. */
  perNumberPerHour: 5,
  perAddressPerHour: 30,
  /** Consecutive failures (codes or passwords) that lock login for the line, and for how long. */
  maxFailures: 10,
  lockSeconds: 60 * 60,
  smsSender: 'Kabinet',
} as const;

/**
 * A coarse per-process flood guard for the unauthenticated auth routes (@fastify/rate-limit config). The real
 * limits — per number, per address, the lockout — live in PostgreSQL and hold across processes.
 */
export const AUTH_FLOOD_GUARD = { rateLimit: { max: 60, timeWindow: '1 minute' } };
