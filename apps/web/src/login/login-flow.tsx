import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { CodeSent } from '../api/types';

/** A code that was sent, with the wall-clock deadlines the countdowns run to. */
export interface SentCode extends CodeSent {
  /** `Date.now()` after which "send again" is allowed. */
  resendAt: number;
}

interface LoginFlowValue {
  /** What is in the phone field, as typed. */
  phone: string;
  setPhone: (phone: string) => void;
  /** The code in flight (step 2), or null on step 1. */
  sent: SentCode | null;
  setSent: (sent: SentCode | null) => void;
  /** E.164 of the number a confirmation prompt just went to (ACCESS-07), for the virtual phone to follow. */
  prompted: string | null;
  setPrompted: (msisdn: string | null) => void;
}

const LoginFlowContext = createContext<LoginFlowValue | null>(null);

/**
 * The login form's state lives above the router rather than inside the page, because the virtual phone
 * (demo mode) reads the typed number and the number a code went to, and can fill the field in.
 */
export function LoginFlowProvider({ children }: { children: ReactNode }) {
  const [phone, setPhone] = useState('');
  const [sent, setSent] = useState<SentCode | null>(null);
  const [prompted, setPrompted] = useState<string | null>(null);
  const value = useMemo(
    () => ({ phone, setPhone, sent, setSent, prompted, setPrompted }),
    [phone, sent, prompted],
  );
  return <LoginFlowContext.Provider value={value}>{children}</LoginFlowContext.Provider>;
}

export function useLoginFlow(): LoginFlowValue {
  const value = useContext(LoginFlowContext);
  if (!value) throw new Error('useLoginFlow() must be used inside <LoginFlowProvider>');
  return value;
}

export function toSentCode(result: CodeSent, now: number = Date.now()): SentCode {
  return { ...result, resendAt: now + result.resendAfterSeconds * 1000 };
}
