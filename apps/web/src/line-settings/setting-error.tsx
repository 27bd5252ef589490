import { useLang } from '../i18n/i18n-context';
import { settingErrorMessage } from './setting-errors';

/** The error of a settings change, worded at render time; the live region is always there to announce it. */
export function SettingError({ error, id }: { error: unknown; id?: string }) {
  const { t, lang } = useLang();
  return (
    <div className="form-error-region" aria-live="assertive" aria-atomic="true">
      {error !== null && error !== undefined && (
        <p id={id} className="action-error" data-testid="action-error">
          {settingErrorMessage(t, lang, error)}
        </p>
      )}
    </div>
  );
}
