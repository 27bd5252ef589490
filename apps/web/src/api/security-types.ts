import type { AccessLevel, LoginMethod } from './types';

export type AutoLoginAccess = 'full' | 'partial' | 'off';

/** GET /security (ACCESS-11). */
export interface SecuritySettings {
  hasPassword: boolean;
  passwordChangedAt: string | null;
  loginAlerts: boolean;
  autoLoginAccess: AutoLoginAccess;
  recoveryEmail: string | null;
  recoveryPhone: string | null;
}

export type SecurityPatch = Partial<
  Pick<SecuritySettings, 'loginAlerts' | 'autoLoginAccess' | 'recoveryEmail' | 'recoveryPhone'>
>;

/** One live session of this login. */
export interface SessionInfo {
  id: string;
  current: boolean;
  method: LoginMethod;
  access: AccessLevel;
  persistent: boolean;
  createdAt: string;
  lastSeenAt: string;
  ip: string | null;
  /** A short name parsed from the user agent, e.g. "Chrome, Linux". */
  device: string;
}

export interface Passkey {
  id: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
}
