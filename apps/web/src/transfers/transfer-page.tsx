import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { PaymentsTabs } from '../payments-nav/payments-tabs';

/** /pay/transfer. PLACEHOLDER of the issue 6 groundwork: slice VT builds the screen. */
export default function TransferPage(_props: { me: Me }) {
  const t = useT();
  return (
    <div className="page">
      <PaymentsTabs />
      <h1>{t.transfer.title}</h1>
    </div>
  );
}
