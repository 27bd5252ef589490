import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useT } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

type Section = Exclude<keyof Dictionary['nav'], 'label'>;

/** The sections in the order a subscriber needs them; on a phone the row scrolls sideways. */
const SECTIONS: Array<{ key: Section; to: string; testId: string }> = [
  { key: 'home', to: '/', testId: 'nav-home' },
  { key: 'payments', to: '/pay', testId: 'nav-payments' },
  { key: 'tariff', to: '/tariffs', testId: 'nav-tariffs' },
  { key: 'services', to: '/services', testId: 'nav-services' },
  { key: 'requests', to: '/requests', testId: 'nav-requests' },
  { key: 'history', to: '/history', testId: 'nav-history' },
  { key: 'roaming', to: '/roaming', testId: 'nav-roaming' },
  { key: 'bonuses', to: '/bonuses', testId: 'nav-bonuses' },
  { key: 'devices', to: '/device-settings', testId: 'nav-device-settings' },
  { key: 'journal', to: '/journal', testId: 'nav-journal' },
  { key: 'security', to: '/settings/security', testId: 'nav-security' },
];

/** The cabinet's sections, under the header for a logged-in user; the current one is marked for all. */
export function AppNav() {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // On a phone the row scrolls sideways: bring the current section into view, or "Заявки" sits half hidden.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pathname` is the trigger; the DOM is read inside.
  useEffect(() => {
    list.current?.querySelector('.is-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  const className = ({ isActive }: { isActive: boolean }) =>
    isActive ? 'app-nav-link is-active' : 'app-nav-link';
  return (
    <nav className="app-nav" aria-label={t.nav.label}>
      <ul className="app-nav-inner" ref={list}>
        {SECTIONS.map((section) => (
          <li key={section.key}>
            <NavLink
              to={section.to}
              end={section.to === '/'}
              className={className}
              data-testid={section.testId}
            >
              {t.nav[section.key]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
