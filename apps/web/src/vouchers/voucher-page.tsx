import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';
import { PaymentsTabs } from '../payments-nav/payments-tabs';

/** /pay/voucher. PLACEHOLDER of the issue 6 groundwork: slice VT builds the screen. */
export default function VoucherPage(_props: { me: Me }) {
  const t = useT();
  return (
    <div className="page">
      <PaymentsTabs />
      <h1>{t.voucher.title}</h1>
    </div>
  );
}
