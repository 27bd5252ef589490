import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

type ActionKey = keyof Dictionary['dashboard']['actions'];

/** Stroke paths of 24×24 icons, drawn in the current text colour. */
const ICONS: Record<ActionKey, string> = {
  topUp: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 8v8M8 12h8',
  promisedPayment: 'M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18M12 7v5l3 2',
  changeTariff: 'M4 8h14l-3-3M20 16H6l3 3',
  services: 'M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 16.5h7M16.5 13v7',
  details: 'M6 3h9l4 4v14H6zM9 12h7M9 16h7',
  chat: 'M4 5h16v11H10l-6 4z',
};

/** The actions that lead somewhere already; the others are honest "soon" placeholders, not dead links. */
const LINKS: Partial<Record<ActionKey, string>> = {
  topUp: '/pay',
  promisedPayment: '/pay/promised',
  changeTariff: '/tariffs',
  services: '/services',
};

const ACTIONS: ActionKey[] = ['topUp', 'promisedPayment', 'changeTariff', 'services', 'details', 'chat'];

/** HOME-02 quick actions. */
export function QuickActions() {
  const t = useT();
  return (
    <section className="quick-actions" aria-labelledby="quick-actions-title">
      <h2 id="quick-actions-title" className="visually-hidden">
        {t.dashboard.quickActions}
      </h2>
      <ul>
        {ACTIONS.map((key) => {
          const icon = (
            <svg viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
              <path d={ICONS[key]} />
            </svg>
          );
          const to = LINKS[key];
          return (
            <li key={key}>
              {to ? (
                <Link to={to} className="quick-action" data-testid={`quick-${key}`}>
                  {icon}
                  <span>{t.dashboard.actions[key]}</span>
                </Link>
              ) : (
                <button type="button" className="quick-action" disabled title={t.common.soon}>
                  {icon}
                  <span>{t.dashboard.actions[key]}</span>
                  <span className="soon">{t.common.soon}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
