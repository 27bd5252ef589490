import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { useLang } from '../i18n/i18n-context';
import { useLoginFlow } from '../login/login-flow';
import { NotificationBell } from '../notifications/notification-bell';
import { AppNav } from './app-nav';
import { LogoMark } from './logo-mark';

/** Logo, language switch and, for a logged-in user, logout: on every page (ACCESS-05). */
export function AppHeader() {
  const { t, lang, setLang } = useLang();
  const { state, logout } = useAuth();
  const loginFlow = useLoginFlow();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const [logoutFailed, setLogoutFailed] = useState(false);

  async function onLogout() {
    setBusy(true);
    setLogoutFailed(false);
    try {
      await logout();
      // Leave nothing of this person behind on a shared computer.
      loginFlow.setPhone('');
      loginFlow.setSent(null);
      navigate('/login', { replace: true });
    } catch {
      setLogoutFailed(true);
    } finally {
      setBusy(false);
    }
  }

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="logo" aria-label={t.header.home}>
          <LogoMark />
          <span>{t.common.appName}</span>
        </Link>
        <div className="header-actions">
          <button
            type="button"
            className="button button-ghost lang-switch"
            onClick={() => setLang(lang === 'ru' ? 'en' : 'ru')}
            lang={t.header.switchLangCode}
            aria-label={`${t.header.switchLangShort} — ${t.header.switchLang}`}
            title={t.header.switchLang}
            data-testid="lang-switch"
          >
            {t.header.switchLangShort}
          </button>
          {state.status === 'authenticated' && <NotificationBell />}
          {state.status === 'authenticated' && (
            <button
              type="button"
              className="button button-ghost"
              onClick={onLogout}
              disabled={busy}
              data-testid="logout"
            >
              {t.header.logout}
            </button>
          )}
        </div>
      </div>
      {state.status === 'authenticated' && <AppNav />}
      {logoutFailed && (
        <p className="header-alert" role="alert">
          {t.header.logoutFailed}
        </p>
      )}
    </header>
  );
}
