import { type FormEvent, useState } from 'react';
import {
  getMonthlySummary,
  getPaymentHistory,
  type HistoryFilter,
  PAYMENT_SOURCES,
  type PaymentHistory,
  type PaymentSource,
} from '../api/statements-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { formatDateTime } from '../format/dates';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import { DateRangeInputs } from './date-range-inputs';
import { MonthlySummary } from './monthly-summary';
import { SourceIcon } from './source-icon';
import '../catalog/catalog.css';
import './statements.css';

/**
 * /pay/history (PAY-07): "Последние пополнения" of the line's account — date, source, amount and status, a
 * page at a time, filtered by days and source — and the monthly top-ups and spending. Reading only: partial
 * sessions see it all.
 */
export default function PaymentHistoryPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <div className="page">
      <PaymentsTabs />
      <LinePage
        me={me}
        title={t.statements.history.title}
        intro={t.statements.history.intro}
        testId="payment-history-page"
        readOnly
      >
        {(line) => <HistoryView key={line.id} lineId={line.id} />}
      </LinePage>
    </div>
  );
}

function HistoryView({ lineId }: { lineId: string }) {
  const [filter, setFilter] = useState<HistoryFilter>({ page: 1 });
  const summary = useLineData(lineId, 'summary', (id, signal) => getMonthlySummary(id, 6, signal));
  const history = useLineData(lineId, JSON.stringify(filter), (id, signal) =>
    getPaymentHistory(id, filter, signal),
  );
  useSessionGuard(history.state.status === 'error' ? history.state.error : null);
  return (
    <div className="statements-view">
      {summary.state.status === 'ready' && <MonthlySummary summary={summary.state.data} />}
      <HistoryFilterForm onApply={(f) => setFilter({ ...f, page: 1 })} />
      {history.state.status === 'loading' ? (
        <LoadingState />
      ) : history.state.status === 'error' ? (
        <ErrorState error={history.state.error} onRetry={history.reload} />
      ) : (
        <PaymentList data={history.state.data} onPage={(page) => setFilter({ ...filter, page })} />
      )}
    </div>
  );
}

function HistoryFilterForm({ onApply }: { onApply: (f: Omit<HistoryFilter, 'page'>) => void }) {
  const { t } = useLang();
  const w = t.statements.history;
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [source, setSource] = useState<PaymentSource | ''>('');
  function submit(event: FormEvent) {
    event.preventDefault();
    onApply({ from, to, source });
  }
  return (
    <form
      className="card statements-filter"
      onSubmit={submit}
      aria-label={w.filterTitle}
      data-testid="history-filter"
    >
      <DateRangeInputs from={from} to={to} onFrom={setFrom} onTo={setTo} labels={w} testIdPrefix="history" />
      <label>
        {w.source}
        <select
          value={source}
          onChange={(e) => setSource(e.target.value as PaymentSource | '')}
          data-testid="history-source"
        >
          <option value="">{w.anySource}</option>
          {PAYMENT_SOURCES.map((s) => (
            <option key={s} value={s}>
              {w.sources[s]}
            </option>
          ))}
        </select>
      </label>
      <div className="statements-filter-actions">
        <button type="submit" className="button" data-testid="history-apply">
          {w.apply}
        </button>
        <button
          type="button"
          className="button button-secondary"
          onClick={() => {
            setFrom('');
            setTo('');
            setSource('');
            onApply({});
          }}
        >
          {w.reset}
        </button>
      </div>
    </form>
  );
}

function PaymentList({ data, onPage }: { data: PaymentHistory; onPage: (page: number) => void }) {
  const { t } = useLang();
  const w = t.statements.history;
  if (data.payments.length === 0)
    return (
      <p className="card state" data-testid="history-empty">
        {w.empty}
      </p>
    );
  const first = (data.page - 1) * data.pageSize + 1;
  const last = first + data.payments.length - 1;
  return (
    <section className="card statements-card" aria-label={w.title}>
      <ul className="payment-list" data-testid="payment-list" data-total={data.total}>
        {data.payments.map((p) => (
          <li
            key={p.id}
            className="payment-row"
            data-testid="payment-row"
            data-source={p.source}
            data-status={p.status}
          >
            <SourceIcon source={p.source} />
            <span className="payment-what">
              <span className="payment-source">{w.sources[p.source]}</span>
              <time className="muted" dateTime={p.at}>
                {formatDateTime(t.locale, p.at)}
              </time>
            </span>
            <span className="payment-amount">{formatMoney(t.locale, p.amount)}</span>
            <span className={`status-chip status-${p.status}`}>{w.statuses[p.status]}</span>
          </li>
        ))}
      </ul>
      <nav className="pager" aria-label={w.shown(first, last, data.total)}>
        <span className="muted" data-testid="history-shown">
          {w.shown(first, last, data.total)}
        </span>
        <button
          type="button"
          className="button button-secondary"
          disabled={data.page <= 1}
          onClick={() => onPage(data.page - 1)}
        >
          {w.previous}
        </button>
        <button
          type="button"
          className="button button-secondary"
          disabled={last >= data.total}
          onClick={() => onPage(data.page + 1)}
          data-testid="history-next"
        >
          {w.next}
        </button>
      </nav>
    </section>
  );
}
