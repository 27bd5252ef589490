import { useLang } from '../i18n/i18n-context';
import { historyErrorMessage } from './history-errors';

/** The error of a plan or a revert, worded at render time; the live region is always there. */
export function HistoryError({ error }: { error: unknown }) {
  const { t, lang } = useLang();
  return (
    <div className="form-error-region" aria-live="assertive" aria-atomic="true">
      {error !== null && error !== undefined && (
        <p className="action-error" data-testid="action-error">
          {historyErrorMessage(t, lang, error)}
        </p>
      )}
    </div>
  );
}
