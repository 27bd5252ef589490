import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { PaymentsTabs } from '../payments-nav/payments-tabs';

/** /pay/invoices. PLACEHOLDER of the issue 6 groundwork: slice D builds the screen. */
export default function InvoicesPage(_props: { me: Me }) {
  const t = useT();
  return (
    <div className="page">
      <PaymentsTabs />
      <h1>{t.statements.title}</h1>
    </div>
  );
}
