import { ApiError } from '../api/api-client';
import { useLang } from '../i18n/i18n-context';
import { changeErrorMessage } from './change-error';

/**
 * The error of a change, worded at render time (switching language re-words it). Not enough money comes
 * with the way out — topping up — shown disabled until payments arrive (issue 5).
 */
export function ActionError({ error }: { error: unknown }) {
  const { t, lang } = useLang();
  const short = error instanceof ApiError && error.code === 'insufficient_funds';
  return (
    <div className="form-error-region" aria-live="assertive" aria-atomic="true">
      {error !== null && error !== undefined && (
        <div className="action-error" data-testid="action-error">
          <p>{changeErrorMessage(t, lang, error)}</p>
          {short && (
            <button type="button" className="button button-secondary" disabled data-testid="top-up-soon">
              {t.actionsCommon.topUpSoon}
            </button>
          )}
        </div>
      )}
    </div>
  );
}
