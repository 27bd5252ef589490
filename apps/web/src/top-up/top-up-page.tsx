import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { PaymentsTabs } from '../payments-nav/payments-tabs';

/** /pay. PLACEHOLDER of the issue 6 groundwork: slice A builds the screen. */
export default function TopUpPage(_props: { me: Me }) {
  const t = useT();
  return (
    <div className="page">
      <PaymentsTabs />
      <h1>{t.topUp.title}</h1>
    </div>
  );
}
