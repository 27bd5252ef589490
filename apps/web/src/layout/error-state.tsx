import { errorMessage } from '../i18n/error-message';
import { useT } from '../i18n/i18n-context';

/** A failed load: what went wrong, in words, and a way to try again. */
export function ErrorState({
  error,
  title,
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  const t = useT();
  return (
    <div className="card state" role="alert">
      {title && <p className="state-title">{title}</p>}
      <p>{errorMessage(t, error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t.common.retry}
        </button>
      )}
    </div>
  );
}
