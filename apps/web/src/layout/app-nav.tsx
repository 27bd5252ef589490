import { NavLink } from 'react-router';
import { useT } from '../i18n/i18n-context';

/** The cabinet's sections, under the header for a logged-in user; the current one is marked for all. */
export function AppNav() {
  const t = useT();
  const className = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'app-nav-link is-active' : 'app-nav-link';
  return (
    <nav className="app-nav" aria-label={t.nav.label}>
      <ul className="app-nav-inner">
        <li>
          <NavLink to="/" end className={className} data-testid="nav-home">
            {t.nav.home}
          </NavLink>
        </li>
        <li>
          <NavLink to="/journal" className={className} data-testid="nav-journal">
            {t.nav.journal}
          </NavLink>
        </li>
        <li>
          <NavLink to="/settings/security" className={className} data-testid="nav-security">
            {t.nav.security}
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
