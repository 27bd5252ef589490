import { useState } from 'react';
import { ApiError } from '../api/api-client';
import { getHistory } from '../api/history-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { dayText } from './day-text';
import { HistoryList } from './history-list';
import { RevertSection } from './revert-section';
import '../catalog/catalog.css';
import '../line-settings/line-settings.css';
import './history.css';

/**
 * /history (SVC-10): the changes of tariff and options and "return to how it was on a day". History needs full
 * access (ACCESS-09): a partial session is told so instead of an error.
 */
export default function HistoryPage({ me }: { me: Me }) {
  const t = useT();
  return (
    <LinePage me={me} title={t.history.title} intro={t.history.intro} testId="history-page" readOnly>
      {(line, allowed) =>
        allowed ? (
          <HistoryView key={line.id} lineId={line.id} />
        ) : (
          <p className="notice" role="note" data-testid="history-partial">
            {t.history.partial}
          </p>
        )
      }
    </LinePage>
  );
}

function HistoryView({ lineId }: { lineId: string }) {
  const t = useT();
  const history = useLineData(lineId, 'history', getHistory);
  useSessionGuard(history.state.status === 'error' ? history.state.error : null);
  const [doneDate, setDoneDate] = useState<string | null>(null);
  const state = history.state;
  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error') {
    if (state.error instanceof ApiError && state.error.status === 403)
      return <p className="notice">{t.history.partial}</p>;
    return <ErrorState error={state.error} onRetry={history.reload} />;
  }
  const { changes, since, today } = state.data;
  return (
    <div className="history-view">
      <div className="form-error-region" aria-live="polite">
        {doneDate && (
          <p className="success-note" data-testid="change-done">
            {t.history.done(dayText(t.locale, doneDate))}
          </p>
        )}
      </div>
      <RevertSection
        lineId={lineId}
        since={since}
        today={today}
        onDone={(date) => {
          setDoneDate(date);
          history.reload();
        }}
      />
      <HistoryList changes={changes} />
    </div>
  );
}
