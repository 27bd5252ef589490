import { useState } from 'react';
import type { LineRequest } from '../api/catalog-types';
import { getRequests } from '../api/requests-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { FormError } from '../login/form-error';
import { isForbidden, PartialAccessNotice } from '../security/partial-access-notice';
import { RequestRow } from './request-row';
import '../catalog/catalog.css';

/** /requests (SVC-11): every order on the line with its status and time line, newest first. */
export default function RequestsPage({ me }: { me: Me }) {
  const t = useT();
  return (
    <LinePage me={me} title={t.requests.title} intro={t.requests.intro} testId="requests-page" readOnly>
      {(line) => <RequestsView key={line.id} lineId={line.id} />}
    </LinePage>
  );
}

function RequestsView({ lineId }: { lineId: string }) {
  const t = useT();
  const r = t.requests;
  const { state, reload } = useLineData(lineId, '', (id, signal) => getRequests(id, {}, signal));
  const [older, setOlder] = useState<{ requests: LineRequest[]; nextBefore: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<unknown>(null);
  useSessionGuard(state.status === 'error' ? state.error : null);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return isForbidden(state.error) ? (
      <PartialAccessNotice />
    ) : (
      <ErrorState error={state.error} onRetry={reload} />
    );

  const requests = [...state.data.requests, ...(older?.requests ?? [])];
  const nextBefore = older ? older.nextBefore : state.data.nextBefore;

  async function loadMore() {
    if (!nextBefore) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await getRequests(lineId, { before: nextBefore });
      setOlder((previous) => ({
        requests: [...(previous?.requests ?? []), ...page.requests],
        nextBefore: page.nextBefore,
      }));
    } catch (error) {
      setMoreError(error);
    } finally {
      setLoadingMore(false);
    }
  }

  if (requests.length === 0)
    return (
      <p className="card state" data-testid="requests-empty">
        {r.empty}
      </p>
    );

  return (
    <section className="card requests-card" aria-label={r.title}>
      <ol className="request-list">
        {requests.map((request) => (
          <RequestRow key={request.id} request={request} />
        ))}
      </ol>
      <FormError error={moreError} />
      {nextBefore && (
        <button
          type="button"
          className="button button-secondary"
          onClick={loadMore}
          disabled={loadingMore}
          data-testid="requests-more"
        >
          {loadingMore ? r.loadingMore : r.more}
        </button>
      )}
    </section>
  );
}
