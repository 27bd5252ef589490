import type { Db } from '@kabinet/db';
/** The login and the lines it may act on: live grants only (not revoked, not expired). */
export declare function loadMe(
  db: Db,
  loginId: string,
  now: Date,
): Promise<{
  login: {
    id: string;
    displayName: string;
  };
  lines: {
    id: string;
    kind: import('@kabinet/db').LineKind;
    msisdn: string | null;
    contractNumber: string | null;
    status: import('@kabinet/db').LineStatus;
    role: import('@kabinet/db').GrantRole;
    access: import('@kabinet/db').AccessLevel;
  }[];
}>;
