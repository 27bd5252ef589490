import { useEffect, useRef } from 'react';
import { NavLink, useLocation } from 'react-router';
import { useT } from '../i18n/i18n-context';
import './payments-tabs.css';

type Tab = Exclude<keyof ReturnType<typeof useT>['paymentsNav'], 'label'>;

/** The screens of the payments section (issue 6), in the order a subscriber needs them. */
const TABS: Array<{ key: Tab; to: string }> = [
  { key: 'topUp', to: '/pay' },
  { key: 'voucher', to: '/pay/voucher' },
  { key: 'transfer', to: '/pay/transfer' },
  { key: 'promised', to: '/pay/promised' },
  { key: 'autopay', to: '/pay/autopay' },
  { key: 'history', to: '/pay/history' },
  { key: 'expenses', to: '/pay/expenses' },
  { key: 'invoices', to: '/pay/invoices' },
];

/** Tabs above every payments screen; on a phone the row scrolls sideways. */
export function PaymentsTabs() {
  const t = useT();
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  // On a narrow screen the row scrolls sideways: bring the current tab into view, as the main navigation does.
  // biome-ignore lint/correctness/useExhaustiveDependencies: `pathname` is the trigger; the DOM is read inside.
  useEffect(() => {
    list.current?.querySelector('.is-active')?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [pathname]);
  return (
    <nav className="payments-tabs" aria-label={t.paymentsNav.label}>
      <ul ref={list}>
        {TABS.map((tab) => (
          <li key={tab.key}>
            <NavLink
              to={tab.to}
              end
              className={({ isActive }) => (isActive ? 'payments-tab is-active' : 'payments-tab')}
              data-testid={`pay-tab-${tab.key}`}
            >
              {t.paymentsNav[tab.key]}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
