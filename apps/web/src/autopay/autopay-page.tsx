import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { PaymentsTabs } from '../payments-nav/payments-tabs';

/** /pay/autopay. PLACEHOLDER of the issue 6 groundwork: slice B builds the screen. */
export default function AutopayPage(_props: { me: Me }) {
  const t = useT();
  return (
    <div className="page">
      <PaymentsTabs />
      <h1>{t.autopay.title}</h1>
    </div>
  );
}
