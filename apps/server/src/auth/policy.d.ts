/** The numbers of ACCESS-01 and ACCESS-04, in one place (configurable later through operator settings). */
export declare const CODE_POLICY: {
  readonly digits: 6;
  readonly ttlSeconds: number;
  readonly resendAfterSeconds: 60;
  /** Codes sent to one number per hour, and requested from one client address per hour. */
  readonly perNumberPerHour: 5;
  readonly perAddressPerHour: 30;
  /** Consecutive failures (codes or passwords) that lock login for the line, and for how long. */
  readonly maxFailures: 10;
  readonly lockSeconds: number;
  readonly smsSender: 'Kabinet';
};
