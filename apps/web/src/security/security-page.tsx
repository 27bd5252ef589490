import { useCallback, useEffect } from 'react';
import { useLocation } from 'react-router';
import { getSecurity } from '../api/security-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { useT } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { useResource } from '../lib/use-resource';
import { isForbidden, PartialAccessNotice } from './partial-access-notice';
import { PasskeysSection } from './passkeys-section';
import { PasswordSection } from './password-section';
import { AutoLoginSection, LoginAlertsSection } from './preferences-sections';
import { RecoverySection } from './recovery-section';
import { SessionsSection } from './sessions-section';
import './security.css';

/** /settings/security (ACCESS-11): password, alerts, automatic login, recovery, sessions, passkeys. */
export default function SecurityPage({ me }: { me: Me }) {
  if (me.session.access === 'partial') return <PartialAccessNotice />;
  return <SecuritySettingsView />;
}

function SecuritySettingsView() {
  const t = useT();
  const load = useCallback((signal: AbortSignal) => getSecurity(signal), []);
  const { state, reload, set } = useResource(load);
  const { hash } = useLocation();
  const ready = state.status === 'ready';
  useSessionGuard(state.status === 'error' ? state.error : null);

  // Came from "set a password" on the overview: scroll to that section once it exists.
  useEffect(() => {
    if (ready && hash) document.getElementById(hash.slice(1))?.scrollIntoView({ block: 'start' });
  }, [ready, hash]);

  if (state.status === 'loading') return <LoadingState />;
  if (state.status === 'error')
    return isForbidden(state.error) ? (
      <PartialAccessNotice />
    ) : (
      <ErrorState error={state.error} onRetry={reload} />
    );

  const settings = state.data;
  return (
    <div className="settings-page" data-testid="security-page">
      <h1>{t.security.title}</h1>
      <PasswordSection settings={settings} onSaved={reload} />
      {/* Keyed by the password change: a new password ends the other sessions, so the list is read again. */}
      <SessionsSection key={settings.passwordChangedAt ?? 'none'} />
      <PasskeysSection />
      <LoginAlertsSection settings={settings} onSaved={set} />
      <AutoLoginSection settings={settings} onSaved={set} />
      <RecoverySection settings={settings} onSaved={set} />
    </div>
  );
}
