import type { Db } from '@kabinet/db';
export interface VerifyCodeInput {
  phone: string;
  code: string;
  rememberDevice: boolean;
  ip: string;
  userAgent: string | null;
  now: Date;
}
/**
 * ACCESS-01: checks a login code and opens a session. The newest live code only; single use; ten consecutive
 * failures lock the number for an hour. A first login of a subscriber's number creates its login (registration).
 */
export declare function verifyLoginCode(
  db: Db,
  secret: string,
  input: VerifyCodeInput,
): Promise<{
  loginId: string;
  session: {
    id: string;
    token: string;
    expiresAt: Date;
  };
}>;
