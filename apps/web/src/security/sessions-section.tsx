import { useCallback, useState } from 'react';
import { endOtherSessions, endSession, listSessions } from '../api/security-api';
import { formatDateTime } from '../format/dates';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { FormError } from '../login/form-error';
import { SettingsSection } from './settings-section';

/** ACCESS-11: live sessions of this login; end one, or all but this one. */
export function SessionsSection() {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => listSessions(signal), []);
  const { state, reload } = useResource(load);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [ended, setEnded] = useState(false);

  async function run(key: string, action: () => Promise<void>) {
    setBusy(key);
    setError(null);
    setEnded(false);
    try {
      await action();
      setEnded(true);
      reload();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(null);
    }
  }

  const sessions = state.status === 'ready' ? state.data : [];
  const others = sessions.filter((session) => !session.current);

  return (
    <SettingsSection id="sessions" title={t.security.sessions.title}>
      {state.status === 'loading' && <LoadingState />}
      {state.status === 'error' && <ErrorState error={state.error} onRetry={reload} />}
      {state.status === 'ready' && (
        <>
          <ul className="settings-list">
            {sessions.map((session) => (
              <li
                key={session.id}
                className="settings-row"
                data-testid="session-row"
                data-current={session.current ? 'true' : 'false'}
              >
                <div className="settings-row-main">
                  <p className="settings-row-title">
                    {session.device}
                    {session.current && (
                      <span className="chip chip-active" data-testid="this-device">
                        {t.security.sessions.thisDevice}
                      </span>
                    )}
                  </p>
                  <p className="hint">
                    {[
                      t.security.sessions.method[session.method] ?? session.method,
                      session.access === 'partial' ? t.security.sessions.partial : null,
                      session.persistent ? null : t.security.sessions.temporary,
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <p className="hint">
                    {t.security.sessions.lastSeen(formatDateTime(t.locale, session.lastSeenAt))}
                    {session.ip ? ` · ${t.security.sessions.ip(session.ip)}` : ''}
                  </p>
                </div>
                {!session.current && (
                  <button
                    type="button"
                    className="button button-ghost"
                    onClick={() => run(session.id, () => endSession(session.id))}
                    disabled={busy !== null}
                    aria-label={t.security.sessions.endLabel(session.device)}
                    data-testid="session-end"
                  >
                    {t.security.sessions.end}
                  </button>
                )}
              </li>
            ))}
          </ul>
          {others.length === 0 ? (
            <p className="muted">{t.security.sessions.noOthers}</p>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => run('others', endOtherSessions)}
              disabled={busy !== null}
              data-testid="end-other-sessions"
            >
              {t.security.sessions.endOthers}
            </button>
          )}
        </>
      )}
      <FormError error={error} />
      <p className="success-note" role="status">
        {ended ? t.security.sessions.ended : ''}
      </p>
    </SettingsSection>
  );
}
