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
