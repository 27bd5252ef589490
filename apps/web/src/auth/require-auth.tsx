import type { ReactNode } from 'react';
import { Navigate } from 'react-router';
import type { Me } from '../api/types';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useAuth } from './auth-context';

/** Renders its children with the logged-in `Me`, or sends an anonymous visitor to /login. */
export function RequireAuth({ children }: { children: (me: Me) => ReactNode }) {
  const { state, reload } = useAuth();
  switch (state.status) {
    case 'loading':
      return <LoadingState />;
    case 'anonymous':
      return <Navigate to="/login" replace />;
    case 'error':
      return <ErrorState error={state.error} onRetry={reload} />;
    case 'authenticated':
      return children(state.me);
  }
}
