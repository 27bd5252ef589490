import { type ReactNode, useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/api-client';
import { type CardPayment, getCardPayment } from '../api/top-up-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { formatMsisdn } from '../format/phone';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import '../catalog/catalog.css';
import './top-up.css';

/** How often and how long the page asks while the acquirer has not answered. */
const POLL_MS = 1_000;
const POLL_FOR_MS = 60_000;

type Loaded =
  | { status: 'loading' }
  | { status: 'error'; error: unknown }
  | { status: 'ready'; payment: CardPayment; gaveUp: boolean };

/**
 * /pay/result?payment=<id> (PAY-01/02): where the acquirer's page sends the browser back. Asks for the payment's
 * status until it is final (a minute at most; a bank that does not answer is reconciled later and notified),
 * then shows the receipt — or the reason of a decline and a way to try again with the same amount and number.
 */
export default function TopUpResultPage(_props: { me: Me }) {
  const { t } = useLang();
  const w = t.topUp;
  const [params] = useSearchParams();
  const paymentId = params.get('payment') ?? '';
  const [state, setState] = useState<Loaded>({ status: 'loading' });
  useSessionGuard(state.status === 'error' ? state.error : null);

  useEffect(() => {
    if (!paymentId) return;
    const controller = new AbortController();
    const started = Date.now();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const payment = await getCardPayment(paymentId, controller.signal);
        const gaveUp = Date.now() - started > POLL_FOR_MS;
        setState({ status: 'ready', payment, gaveUp });
        if (payment.status === 'pending' && !gaveUp) timer = setTimeout(poll, POLL_MS);
      } catch (error) {
        if (!controller.signal.aborted) setState({ status: 'error', error });
      }
    };
    void poll();
    return () => {
      controller.abort();
      if (timer) clearTimeout(timer);
    };
  }, [paymentId]);

  let body: ReactNode;
  if (!paymentId) body = <p className="card state">{w.result.noPayment}</p>;
  else if (state.status === 'loading') body = <Checking />;
  else if (state.status === 'error') {
    body =
      state.error instanceof ApiError && state.error.status === 404 ? (
        <p className="card state" data-testid="top-up-result-missing">
          {w.result.notFound}
        </p>
      ) : (
        <ErrorState error={state.error} />
      );
  } else body = <Outcome payment={state.payment} gaveUp={state.gaveUp} />;

  return (
    <div className="page top-up-page" data-testid="top-up-result-page">
      <PaymentsTabs />
      <h1>{w.result.title}</h1>
      <div aria-live="polite">{body}</div>
    </div>
  );
}

function Checking() {
  const { t } = useLang();
  return (
    <p className="card state" data-testid="top-up-checking">
      <span className="spinner" aria-hidden="true" /> {t.topUp.result.checking}
    </p>
  );
}

function Outcome({ payment, gaveUp }: { payment: CardPayment; gaveUp: boolean }) {
  const { t } = useLang();
  const w = t.topUp.result;
  const retry = new URLSearchParams({ amount: String(payment.amount) });
  if (payment.ownLine && payment.lineId) retry.set('line', payment.lineId);
  else if (payment.msisdn) retry.set('number', payment.msisdn);
  return (
    <div className="top-up-outcome" data-testid="top-up-outcome" data-status={payment.status}>
      {payment.status === 'pending' && !gaveUp && <Checking />}
      {payment.status === 'pending' && gaveUp && (
        <p className="card notice" data-testid="top-up-pending">
          {w.pendingLong}
        </p>
      )}
      {payment.status === 'succeeded' && (
        <p className="success-note top-up-success" data-testid="top-up-succeeded">
          {w.succeeded}
        </p>
      )}
      {payment.status === 'failed' && (
        <div className="form-error top-up-failed" role="alert" data-testid="top-up-failed">
          <p className="state-title">{w.failed}</p>
          <p data-testid="top-up-failure-reason">
            {w.reasons[payment.failureReason ?? 'other'] ?? w.reasons.other}
          </p>
          <p>{w.nothingCharged}</p>
        </div>
      )}
      <Receipt payment={payment} />
      <div className="top-up-actions">
        {payment.status === 'failed' && (
          <Link className="button button-primary" to={`/pay?${retry}`} data-testid="top-up-retry">
            {w.retry}
          </Link>
        )}
        {payment.status === 'pending' && payment.confirmationUrl && (
          <a className="button button-secondary" href={payment.confirmationUrl} data-testid="top-up-finish">
            {w.finishPaying}
          </a>
        )}
        {payment.status === 'succeeded' && (
          <Link className="button button-secondary" to="/pay" data-testid="top-up-again">
            {w.again}
          </Link>
        )}
        <Link className="button button-ghost" to="/" data-testid="top-up-home">
          {w.toDashboard}
        </Link>
      </div>
    </div>
  );
}

/** The receipt: what was paid, for which number, when, with which card; TEST when the acquirer is the sandbox. */
function Receipt({ payment }: { payment: CardPayment }) {
  const { t } = useLang();
  const r = t.topUp.receipt;
  const when = payment.completedAt ?? payment.createdAt;
  return (
    <section className="card top-up-receipt" aria-labelledby="receipt-title" data-testid="top-up-receipt">
      <h2 id="receipt-title">{r.title}</h2>
      {payment.acquirer.test && (
        <p className="top-up-test" data-testid="top-up-receipt-test">
          {r.test}
        </p>
      )}
      <dl>
        <dt>{r.payment}</dt>
        <dd data-testid="receipt-id">{payment.id}</dd>
        <dt>{r.number}</dt>
        <dd data-testid="receipt-number">{payment.msisdn ? formatMsisdn(payment.msisdn) : '—'}</dd>
        <dt>{r.amount}</dt>
        <dd data-testid="receipt-amount">{formatMoney(t.locale, payment.amount)}</dd>
        <dt>{r.commission}</dt>
        <dd>{formatMoney(t.locale, payment.commission)}</dd>
        <dt>{r.date}</dt>
        <dd>{formatDateTime(t.locale, when)}</dd>
        <dt>{r.card}</dt>
        <dd data-testid="receipt-card">
          {payment.card ? `${payment.card.brand.toUpperCase()} •••• ${payment.card.last4}` : '—'}
        </dd>
        <dt>{r.status}</dt>
        <dd data-testid="receipt-status">{r.statuses[payment.status]}</dd>
      </dl>
    </section>
  );
}
