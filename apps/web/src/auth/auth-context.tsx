import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { ApiError, getMe, logout as logoutRequest } from '../api/api-client';
import type { Me } from '../api/types';

export type AuthState =
  | { status: 'loading' }
  | { status: 'anonymous' }
  | { status: 'authenticated'; me: Me }
  /** /me failed for another reason than 401 (server down, 5xx): we do not know who this is. */
  | { status: 'error'; error: unknown };

interface AuthContextValue {
  state: AuthState;
  /** After a successful login: the verify call already returned the `Me`. */
  signedIn: (me: Me) => void;
  /** An API call answered 401: the session expired or was ended elsewhere. */
  sessionEnded: () => void;
  /** Ends the session on the server; rejects (and keeps the user logged in) if the server did not confirm. */
  logout: () => Promise<void>;
  /** Asks /me again, e.g. after a network error. */
  reload: () => void;
  /** Asks /me again in the background (the page stays), e.g. after a password was set. */
  refresh: () => Promise<void>;
}

const AuthContext = createContext<AuthContextValue | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<AuthState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to ask /me again.
  useEffect(() => {
    const controller = new AbortController();
    getMe(controller.signal).then(
      (me) => setState({ status: 'authenticated', me }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
        else setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [attempt]);

  const signedIn = useCallback((me: Me) => setState({ status: 'authenticated', me }), []);
  const sessionEnded = useCallback(() => setState({ status: 'anonymous' }), []);
  const reload = useCallback(() => {
    setState({ status: 'loading' });
    setAttempt((n) => n + 1);
  }, []);

  const refresh = useCallback(async () => {
    try {
      setState({ status: 'authenticated', me: await getMe() });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) setState({ status: 'anonymous' });
    }
  }, []);

  const logout = useCallback(async () => {
    try {
      await logoutRequest();
    } catch (error) {
      // 401: there was no session to end, which is what we wanted. Anything else: the session may live on,
      // so the user must not be told they are out (think "someone else's computer").
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
    setState({ status: 'anonymous' });
  }, []);

  const value = useMemo(
    () => ({ state, signedIn, sessionEnded, logout, reload, refresh }),
    [state, signedIn, sessionEnded, logout, reload, refresh],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthContextValue {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth() must be used inside <AuthProvider>');
  return value;
}
