import { useState } from 'react';
import { getPostpaidState, type Invoice, invoicePdfUrl, type PostpaidState } from '../api/statements-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import type { Worded } from '../catalog/worded';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import { formatDay, formatMonth } from './month-label';
import { TrustPayment } from './trust-payment';
import '../catalog/catalog.css';
import './statements.css';

/**
 * /pay/invoices (PAY-10): for a postpaid contract, the credit limit and how much of it is used, the trust
 * payment, and the monthly invoices with their PDFs; a prepaid line is told that invoices are for postpaid
 * contracts.
 */
export default function InvoicesPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <div className="page">
      <PaymentsTabs />
      <LinePage me={me} title={t.statements.invoices.title} testId="invoices-page">
        {(line, allowed) => <InvoicesView key={line.id} lineId={line.id} allowed={allowed} />}
      </LinePage>
    </div>
  );
}

function InvoicesView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const { t, lang } = useLang();
  const state = useLineData(lineId, 'invoices', getPostpaidState);
  useSessionGuard(state.state.status === 'error' ? state.state.error : null);
  const [done, setDone] = useState<Worded | null>(null);
  if (state.state.status === 'loading') return <LoadingState />;
  if (state.state.status === 'error') return <ErrorState error={state.state.error} onRetry={state.reload} />;
  const data = state.state.data;
  if (data.paymentType === 'prepaid')
    return (
      <section
        className="card statements-card"
        data-testid="invoices-prepaid"
        aria-labelledby="prepaid-title"
      >
        <h2 id="prepaid-title">{t.statements.invoices.prepaidTitle}</h2>
        <p>{t.statements.invoices.prepaid}</p>
      </section>
    );
  return (
    <div className="statements-view">
      <div className="form-error-region" aria-live="polite">
        {done && (
          <p className="success-note" data-testid="trust-done">
            {done(t, lang)}
          </p>
        )}
      </div>
      <CreditLimit data={data} />
      <TrustPayment
        lineId={lineId}
        state={data.trustPayment}
        canTake={allowed}
        onTaken={(message) => {
          setDone(() => message);
          state.reload();
        }}
      />
      <InvoiceList lineId={lineId} invoices={data.invoices} />
    </div>
  );
}

function CreditLimit({ data }: { data: PostpaidState }) {
  const { t } = useLang();
  const w = t.statements.invoices;
  const money = (k: number) => formatMoney(t.locale, k);
  return (
    <section className="card statements-card" aria-labelledby="limit-title" data-testid="credit-limit">
      <h2 id="limit-title">{w.limitTitle}</h2>
      <dl className="limit-figures">
        <div>
          <dt>{w.limit}</dt>
          <dd data-testid="limit-total">{money(data.creditLimit)}</dd>
        </div>
        <div>
          <dt>{w.used}</dt>
          <dd data-testid="limit-used">{money(data.used)}</dd>
        </div>
        <div>
          <dt>{w.available}</dt>
          <dd data-testid="limit-available">{money(data.available)}</dd>
        </div>
      </dl>
      <meter
        className="limit-meter"
        min={0}
        max={Math.max(1, data.creditLimit)}
        high={data.creditLimit * 0.8}
        optimum={0}
        value={Math.min(data.used, data.creditLimit)}
        aria-label={w.limitBar(money(data.used), money(data.creditLimit))}
        data-testid="limit-meter"
      >
        {w.limitBar(money(data.used), money(data.creditLimit))}
      </meter>
    </section>
  );
}

function InvoiceList({ lineId, invoices }: { lineId: string; invoices: Invoice[] }) {
  const { t, lang } = useLang();
  const w = t.statements.invoices;
  const money = (k: number) => formatMoney(t.locale, k);
  return (
    <section className="card statements-card" aria-labelledby="invoices-title">
      <h2 id="invoices-title">{w.listTitle}</h2>
      {invoices.length === 0 ? (
        <p className="state">{w.none}</p>
      ) : (
        <ul className="invoice-list" data-testid="invoice-list">
          {invoices.map((inv) => {
            const month = formatMonth(t.locale, inv.month);
            return (
              <li
                key={inv.id}
                className="invoice-row"
                data-testid="invoice-row"
                data-month={inv.month}
                data-status={inv.status}
              >
                <div className="invoice-head">
                  <h3>{w.invoiceFor(month)}</h3>
                  <span className="muted">{w.number(inv.number)}</span>
                  <span className={`status-chip invoice-${inv.status}`}>{w.statuses[inv.status]}</span>
                </div>
                <dl className="invoice-figures">
                  <div>
                    <dt>{w.opening}</dt>
                    <dd>{money(inv.openingBalance)}</dd>
                  </div>
                  <div>
                    <dt>{w.charges}</dt>
                    <dd>{money(inv.chargesTotal)}</dd>
                  </div>
                  <div>
                    <dt>{w.payments}</dt>
                    <dd>{money(inv.paymentsTotal)}</dd>
                  </div>
                  {inv.otherMovements !== 0 && (
                    <div>
                      <dt>{w.other}</dt>
                      <dd>{money(inv.otherMovements)}</dd>
                    </div>
                  )}
                  <div>
                    <dt>{w.closing}</dt>
                    <dd>{money(inv.closingBalance)}</dd>
                  </div>
                  <div className="invoice-due">
                    <dt>{w.amountDue}</dt>
                    <dd data-testid="invoice-due">{money(inv.amountDue)}</dd>
                  </div>
                </dl>
                <p className="invoice-actions">
                  {inv.amountDue > 0 && <span>{w.due(formatDay(t.locale, inv.dueDate))}</span>}
                  <a
                    className="button button-secondary"
                    href={invoicePdfUrl(lineId, inv.id, lang)}
                    download
                    aria-label={w.downloadLabel(month)}
                    data-testid="invoice-download"
                  >
                    {w.download}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
