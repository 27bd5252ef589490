import { useLang } from '../i18n/i18n-context';
import { simErrorMessage } from './sim-errors';

/** The error of a suspension or SIM change, worded at render time; the live region is always there. */
export function SimError({ error }: { error: unknown }) {
  const { t, lang } = useLang();
  return (
    <div className="form-error-region" aria-live="assertive" aria-atomic="true">
      {error !== null && error !== undefined && (
        <p className="action-error" data-testid="action-error">
          {simErrorMessage(t, lang, error)}
        </p>
      )}
    </div>
  );
}

/** Where a partial-access session would see controls: why there are none. */
export function SimReadOnly() {
  const { t } = useLang();
  return (
    <p className="hint read-only-note" data-testid="sim-read-only">
      {t.sim.partial}
    </p>
  );
}
