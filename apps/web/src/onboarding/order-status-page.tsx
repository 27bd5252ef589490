import { type FormEvent, useState } from 'react';
import { lookupOrder, type OrderView } from '../api/onboarding-api';
import { price } from '../catalog/amounts';
import { formatDate, formatDateTime } from '../format/dates';
import { formatMsisdn } from '../format/phone';
import { useLang } from '../i18n/i18n-context';
import { FormProblem } from './form-problem';
import { JoinPage } from './join-page';
import { TextField } from './text-field';

/** /join/status (SVC-13, no login): an order's status and time line by its reference and phone. */
export default function OrderStatusPage() {
  const { t } = useLang();
  const s = t.onboarding.status;
  const [reference, setReference] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [order, setOrder] = useState<OrderView | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    setOrder(null);
    try {
      setOrder(await lookupOrder(reference.trim(), phone.trim()));
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <JoinPage title={s.title} intro={s.intro} testId="order-status-page">
      <form className="card join-form" onSubmit={submit} noValidate data-testid="status-form">
        <TextField
          id="status-reference"
          field="reference"
          label={s.reference}
          value={reference}
          onChange={setReference}
          error={error}
          autoComplete="off"
        />
        <TextField
          id="status-phone"
          field="phone"
          label={s.phone}
          value={phone}
          onChange={setPhone}
          error={error}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
        />
        <FormProblem error={error} />
        <button type="submit" className="button button-primary" disabled={busy} data-testid="status-submit">
          {busy ? s.searching : s.submit}
        </button>
      </form>
      {order && <OrderCard order={order} />}
    </JoinPage>
  );
}

function OrderCard({ order }: { order: OrderView }) {
  const { t, lang } = useLang();
  const o = t.onboarding;
  return (
    <section
      className="card"
      aria-labelledby="order-title"
      data-testid="order-view"
      data-status={order.status}
    >
      <h2 id="order-title">
        {o.status.kind[order.kind]} · {order.reference}
      </h2>
      <p className="status-pill" data-testid="order-status">
        {o.statuses[order.status] ?? order.status}
      </p>
      <dl className="order-facts">
        <dt>{o.status.number}</dt>
        <dd>{formatMsisdn(order.msisdn)}</dd>
        {order.desiredDate && (
          <>
            <dt>{o.status.date}</dt>
            <dd>{formatDate(t.locale, `${order.desiredDate}T12:00:00Z`)}</dd>
          </>
        )}
        {order.office && (
          <>
            <dt>{o.status.office}</dt>
            <dd>
              {order.office.address[lang]}. {order.office.hours[lang]}.
            </dd>
          </>
        )}
        {order.price > 0 && (
          <>
            <dt>{o.status.price}</dt>
            <dd>{price(t, order.price)}</dd>
          </>
        )}
      </dl>
      <h3>{o.status.timeline}</h3>
      <ol className="order-timeline" data-testid="order-timeline">
        {order.events.map((event) => (
          <li key={`${event.at}-${event.note}`} data-note={event.note}>
            <span className="hint">{formatDateTime(t.locale, event.at)}</span> —{' '}
            {o.statuses[event.status] ?? event.status}
            {event.note && `: ${o.notes[event.note] ?? event.note}`}
          </li>
        ))}
      </ol>
    </section>
  );
}
