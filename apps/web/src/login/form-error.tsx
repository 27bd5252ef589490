import { errorMessage } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';

export const LOGIN_ERROR_ID = 'login-error';

/**
 * The login form's error, under the field it concerns. The live region is always in the DOM so screen
 * readers announce a message when it appears; the message element exists only while there is an error.
 * The error is kept as the raw ApiError, so switching language re-words it.
 */
export function FormError({ error }: { error: unknown }) {
  const t = useT();
  return (
    <div className="form-error-region" aria-live="assertive" aria-atomic="true">
      {error !== null && (
        <p id={LOGIN_ERROR_ID} className="form-error" data-testid="login-error">
          {errorMessage(t, error)}
        </p>
      )}
    </div>
  );
}
