import { useEffect, useState } from 'react';
import { ApiError, getDashboard } from '../api/api-client';
import type { Dashboard } from '../api/types';
import { useAuth } from '../auth/auth-context';

export type DashboardState =
  | { status: 'loading' }
  | { status: 'ready'; data: Dashboard }
  | { status: 'error'; error: unknown };

/** Loads the overview of one line; a 401 means the session is over, and sends the user to log in. */
export function useDashboard(lineId: string | undefined): { state: DashboardState; reload: () => void } {
  const { sessionEnded } = useAuth();
  const [state, setState] = useState<DashboardState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` is the trigger to load again.
  useEffect(() => {
    if (!lineId) return;
    const controller = new AbortController();
    setState({ status: 'loading' });
    getDashboard(lineId, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) sessionEnded();
        else setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [lineId, attempt, sessionEnded]);

  return { state, reload: () => setAttempt((n) => n + 1) };
}
