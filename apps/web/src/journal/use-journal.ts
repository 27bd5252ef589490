import { useCallback, useEffect, useMemo, useState } from 'react';
import { getJournal, type JournalEntry } from '../api/journal-api';
import { type JournalFilters, toQuery } from './journal-filters';

export type JournalState =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | {
      status: 'ready';
      entries: JournalEntry[];
      nextBefore: string | null;
      loadingMore: boolean;
      moreError: unknown;
    };

/** The journal of one line under `filters`, newest first, with keyset "show more". */
export function useJournal(lineId: string | undefined, filters: JournalFilters) {
  const [state, setState] = useState<JournalState>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const key = JSON.stringify({ ...filters, lineId, attempt });
  // Fixed per filter choice (and retry), so "show more" pages through the same period as the first page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` sums up the filters.
  const query = useMemo(() => toQuery(filters), [key]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` sums up line, filters and retries.
  useEffect(() => {
    if (!lineId) return;
    setState({ status: 'loading' });
    const controller = new AbortController();
    getJournal(lineId, query, controller.signal).then(
      (page) =>
        setState({
          status: 'ready',
          entries: page.entries,
          nextBefore: page.nextBefore,
          loadingMore: false,
          moreError: null,
        }),
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      },
    );
    return () => controller.abort();
  }, [key]);

  const loadMore = useCallback(async () => {
    if (!lineId || state.status !== 'ready' || !state.nextBefore || state.loadingMore) return;
    const before = state.nextBefore;
    setState({ ...state, loadingMore: true, moreError: null });
    try {
      const page = await getJournal(lineId, { ...query, before });
      setState((previous) =>
        previous.status === 'ready'
          ? {
              ...previous,
              entries: [...previous.entries, ...page.entries],
              nextBefore: page.nextBefore,
              loadingMore: false,
            }
          : previous,
      );
    } catch (error) {
      setState((previous) =>
        previous.status === 'ready' ? { ...previous, loadingMore: false, moreError: error } : previous,
      );
    }
  }, [lineId, state, query]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { state, loadMore, retry };
}
