import { useCallback, useEffect, useRef, useState } from 'react';
import type { Resource } from '../lib/use-resource';

/**
 * Loads `load(lineId, signal)` whenever the line or `key` (e.g. a sort order) changes, and on `reload()`.
 * The previous answer stays on screen while the next one loads, so a reload after an action does not flash.
 */
export function useLineData<T>(
  lineId: string | undefined,
  key: string,
  load: (lineId: string, signal: AbortSignal) => Promise<T>,
): { state: Resource<T>; reload: () => void } {
  const [state, setState] = useState<Resource<T>>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` and `key` are the triggers to load again.
  useEffect(() => {
    if (!lineId) return;
    const controller = new AbortController();
    loadRef.current(lineId, controller.signal).then(
      (data) => setState({ status: 'ready', data }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [lineId, key, attempt]);

  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, reload };
}
