import type { Dashboard } from '../api/types';
import { formatDate } from '../format/dates';
import { formatMoney, formatMoneyParts } from '../format/money';
import { useT } from '../i18n/i18n-context';

/** The big balance, its credit limit and the next charge. */
export function BalanceCard({
  balance,
  nextCharge,
}: {
  balance: Dashboard['balance'];
  nextCharge: Dashboard['nextCharge'];
}) {
  const t = useT();
  const negative = balance.amount < 0;
  return (
    <section
      className={negative ? 'card balance-card is-negative' : 'card balance-card'}
      aria-labelledby="balance-title"
    >
      <h2 id="balance-title" className="card-label">
        {t.dashboard.balance}
      </h2>
      <p className="balance-amount" data-testid="balance-amount">
        {formatMoneyParts(t.locale, balance.amount).map((part, index) => (
          <span
            // Parts have no identity beyond their position, which never changes for one value.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above.
            key={index}
            className={part.type === 'fraction' || part.type === 'decimal' ? 'balance-minor' : undefined}
          >
            {part.value}
          </span>
        ))}
      </p>
      {balance.creditLimit > 0 && (
        <p className="muted">
          {t.dashboard.creditLimit(formatMoney(t.locale, balance.creditLimit, { trimWhole: true }))}
        </p>
      )}
      {nextCharge && (
        <p className="next-charge" data-testid="next-charge">
          <span className="muted">{t.dashboard.nextCharge}</span>{' '}
          <strong>
            {t.dashboard.nextChargeValue(
              formatDate(t.locale, nextCharge.at),
              formatMoney(t.locale, nextCharge.amount, { trimWhole: true }),
            )}
          </strong>
        </p>
      )}
    </section>
  );
}
