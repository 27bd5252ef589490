import { useNavigate } from 'react-router';
import { ApiError } from '../api/api-client';
import { useAuth } from '../auth/auth-context';
import { useT } from '../i18n/i18n-context';

/**
 * ACCESS-09: an automatic (partial) login may not see the journal or security settings. Instead of an error,
 * say so and offer a full login.
 */
export function PartialAccessNotice() {
  const t = useT();
  const { logout } = useAuth();
  const navigate = useNavigate();

  async function relogin() {
    try {
      await logout();
    } finally {
      navigate('/login', { replace: true });
    }
  }

  return (
    <section className="card state partial-notice" role="alert" data-testid="partial-access-notice">
      <h1 className="state-title">{t.security.partialTitle}</h1>
      <p className="muted">{t.security.partialText}</p>
      <button type="button" className="button button-primary" onClick={relogin}>
        {t.security.relogin}
      </button>
    </section>
  );
}

/** Whether a failed load is the server's "full access needed" refusal. */
export function isForbidden(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'forbidden';
}
