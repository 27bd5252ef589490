import { Link } from 'react-router';
import type { Dashboard } from '../api/types';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { useT } from '../i18n/i18n-context';

/** PAY-05 on the dashboard: the unpaid promised payment and when it is debited, linking to its screen. */
export function PromisedNote({ promised }: { promised: Dashboard['promisedPayment'] }) {
  const t = useT();
  if (!promised) return null;
  return (
    <p className="notice promised-note" data-testid="dashboard-promised" data-due-at={promised.dueAt}>
      <Link to="/pay/promised">{t.promised.onDashboard}</Link>:{' '}
      {t.promised.onDashboardValue(
        formatMoney(t.locale, promised.amount, { trimWhole: true }),
        formatDateTime(t.locale, promised.dueAt),
      )}
    </p>
  );
}
