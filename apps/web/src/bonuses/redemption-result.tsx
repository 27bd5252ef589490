import { useState } from 'react';
import type { Redemption } from '../api/bonus-api';
import { amountText, price } from '../catalog/amounts';
import { formatDate } from '../format/dates';
import { formatMsisdn, unbreakable } from '../format/phone';
import { useLang } from '../i18n/i18n-context';

/** BONUS-02: what the exchange gave; a partner code is shown here once, with a copy button. */
export function RedemptionResult({ redemption, onClose }: { redemption: Redemption; onClose: () => void }) {
  const { t } = useLang();
  const b = t.bonuses;
  const [copied, setCopied] = useState(false);
  const number = unbreakable(formatMsisdn(redemption.targetNumber ?? ''));
  let text = '';
  if (redemption.package)
    text = b.donePackage(
      amountText(t, redemption.package.amount, redemption.package.unit),
      number,
      formatDate(t.locale, redemption.package.validUntil),
    );
  else if (redemption.credited !== null) text = b.doneCredit(price(t, redemption.credited), number);
  else if (redemption.coupon) text = b.doneCoupon(redemption.coupon.partner);

  async function copy(code: string) {
    try {
      await navigator.clipboard.writeText(code);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }

  return (
    <section className="card success-note redemption-result" role="status" data-testid="redemption-result">
      <h2>{b.doneTitle}</h2>
      <p>{text}</p>
      {redemption.coupon && (
        <p className="coupon">
          <code className="coupon-code" data-testid="coupon-code">
            {redemption.coupon.code}
          </code>
          <button
            type="button"
            className="button button-secondary"
            onClick={() => copy(redemption.coupon?.code ?? '')}
          >
            {copied ? b.copied : b.copy}
          </button>
        </p>
      )}
      <button type="button" className="button button-ghost" onClick={onClose} data-testid="redemption-close">
        {t.actionsCommon.close}
      </button>
    </section>
  );
}
