import type { BonusState } from '../api/bonus-api';
import { price } from '../catalog/amounts';
import { formatDate } from '../format/dates';
import { useT } from '../i18n/i18n-context';

/** BONUS-01: the points balance, what expires soon, and the rules in force. */
export function BonusSummary({ state }: { state: BonusState }) {
  const t = useT();
  const b = t.bonuses;
  const { expiringSoon, rules } = state;
  return (
    <section className="card bonus-summary" aria-labelledby="bonus-balance-title">
      <h2 id="bonus-balance-title" className="bonus-label">
        {b.balanceLabel}
      </h2>
      <p className="bonus-balance" data-testid="bonus-balance" data-points={state.balance}>
        {b.points(state.balance)}
      </p>
      <p className="muted">{b.balanceNote}</p>
      <p className="bonus-expiring" data-testid="bonus-expiring" data-points={expiringSoon.points}>
        {expiringSoon.points > 0 && expiringSoon.by
          ? b.expiringSoon(b.points(expiringSoon.points), formatDate(t.locale, expiringSoon.by))
          : b.nothingExpiring}
      </p>
      <details className="bonus-rules">
        <summary>{b.rulesTitle}</summary>
        <ul>
          <li>{b.ruleTopUp(price(t, rules.topUpKopecksPerPoint))}</li>
          <li>{b.ruleSpending(price(t, rules.spendingKopecksPerPoint))}</li>
          <li>{b.ruleExpiry(rules.expiryMonths)}</li>
          <li>{b.ruleNoTransfers}</li>
        </ul>
      </details>
    </section>
  );
}
