import { useEffect } from 'react';
import { ApiError } from '../api/api-client';
import { useAuth } from './auth-context';

/**
 * A page's load answered 401: the session ended meanwhile (idle timeout, signed out from another device).
 * Treat it as logged out, so the route guard sends the visitor to the login page instead of showing an error.
 */
export function useSessionGuard(error: unknown): void {
  const { sessionEnded } = useAuth();
  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) sessionEnded();
  }, [error, sessionEnded]);
}
