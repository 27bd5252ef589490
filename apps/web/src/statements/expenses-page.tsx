import { type FormEvent, useState } from 'react';
import { type Expenses, getExpenses } from '../api/statements-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { PaymentsTabs } from '../payments-nav/payments-tabs';
import { ComparisonBars } from './comparison-bars';
import { DateRangeInputs } from './date-range-inputs';
import { DonutChart } from './donut-chart';
import { currentMonth, formatDay, formatMonth } from './month-label';
import '../catalog/catalog.css';
import './statements.css';

type Period = { month: string } | { from: string; to: string };

/**
 * /pay/expenses (PAY-08): the line's spending by category for a month or chosen days — a donut and the same
 * numbers in a table — and the change per category against the period before.
 */
export default function ExpensesPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <div className="page">
      <PaymentsTabs />
      <LinePage
        me={me}
        title={t.statements.expenses.title}
        intro={t.statements.expenses.intro}
        testId="expenses-page"
        readOnly
      >
        {(line) => <ExpensesView key={line.id} lineId={line.id} />}
      </LinePage>
    </div>
  );
}

function ExpensesView({ lineId }: { lineId: string }) {
  const [period, setPeriod] = useState<Period>({ month: currentMonth() });
  const expenses = useLineData(lineId, JSON.stringify(period), (id, signal) =>
    getExpenses(id, period, signal),
  );
  useSessionGuard(expenses.state.status === 'error' ? expenses.state.error : null);
  return (
    <div className="statements-view">
      <PeriodPicker value={period} onChange={setPeriod} />
      {expenses.state.status === 'loading' ? (
        <LoadingState />
      ) : expenses.state.status === 'error' ? (
        <ErrorState error={expenses.state.error} onRetry={expenses.reload} />
      ) : (
        <ExpensesReport data={expenses.state.data} />
      )}
    </div>
  );
}

function PeriodPicker({ value, onChange }: { value: Period; onChange: (p: Period) => void }) {
  const { t } = useLang();
  const w = t.statements.expenses;
  const [mode, setMode] = useState<'month' | 'days'>('month' in value ? 'month' : 'days');
  const [month, setMonth] = useState('month' in value ? value.month : currentMonth());
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const tooLong = mode === 'days' && from && to && Date.parse(to) - Date.parse(from) > 365 * 86_400_000;
  function submit(event: FormEvent) {
    event.preventDefault();
    if (mode === 'month' && month) onChange({ month });
    if (mode === 'days' && from && to && !tooLong) onChange({ from, to });
  }
  return (
    <form className="card statements-filter" onSubmit={submit} data-testid="expenses-period">
      <fieldset className="period-mode">
        <legend className="visually-hidden">{w.periodMonth}</legend>
        <label>
          <input type="radio" name="mode" checked={mode === 'month'} onChange={() => setMode('month')} />{' '}
          {w.periodMonth}
        </label>
        <label>
          <input
            type="radio"
            name="mode"
            checked={mode === 'days'}
            onChange={() => setMode('days')}
            data-testid="period-days"
          />{' '}
          {w.periodDays}
        </label>
      </fieldset>
      {mode === 'month' ? (
        <label>
          {w.month}
          <input
            type="month"
            value={month}
            max={currentMonth()}
            onChange={(e) => setMonth(e.target.value)}
            data-testid="period-month"
          />
        </label>
      ) : (
        <DateRangeInputs from={from} to={to} onFrom={setFrom} onTo={setTo} labels={w} testIdPrefix="period" />
      )}
      <button type="submit" className="button" data-testid="period-show">
        {w.show}
      </button>
      {tooLong && (
        <p className="field-error" role="alert">
          {w.tooLong}
        </p>
      )}
    </form>
  );
}

function ExpensesReport({ data }: { data: Expenses }) {
  const { t } = useLang();
  const w = t.statements.expenses;
  const money = (k: number) => formatMoney(t.locale, k, { trimWhole: true });
  const spent = data.categories.filter((c) => c.amount > 0);
  const previous = data.previousPeriod.month
    ? w.compareMonth(formatMonth(t.locale, data.previousPeriod.month))
    : w.compareDays(
        formatDay(t.locale, data.previousPeriod.from),
        formatDay(t.locale, data.previousPeriod.to),
      );
  const periodLabel = data.period.month
    ? formatMonth(t.locale, data.period.month)
    : `${formatDay(t.locale, data.period.from)} — ${formatDay(t.locale, data.period.to)}`;
  return (
    <>
      <section
        className="card statements-card"
        aria-labelledby="expenses-structure"
        data-testid="expenses-report"
        data-total={data.total}
      >
        <h2 id="expenses-structure">
          {periodLabel.charAt(0).toUpperCase() + periodLabel.slice(1)} —{' '}
          <span data-testid="expenses-total">{w.total(money(data.total))}</span>
        </h2>
        {spent.length === 0 ? (
          <p className="state" data-testid="expenses-empty">
            {w.empty}
          </p>
        ) : (
          <div className="expenses-structure">
            <DonutChart slices={spent} label={w.chartLabel(money(data.total))} centre={money(data.total)} />
            <table className="statements-table" data-testid="expenses-table">
              <caption className="visually-hidden">{w.tableCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{w.category}</th>
                  <th scope="col">{w.amount}</th>
                  <th scope="col">{w.share}</th>
                </tr>
              </thead>
              <tbody>
                {spent.map((c) => (
                  <tr key={c.category} data-testid="expenses-row" data-category={c.category}>
                    <th scope="row">
                      <span className={`legend-swatch cat-${c.category}`} aria-hidden="true" />{' '}
                      {w.categories[c.category]}
                    </th>
                    <td data-testid="expenses-amount">{money(c.amount)}</td>
                    <td>{(c.sharePermille / 10).toLocaleString(t.locale)} %</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <section className="card statements-card" aria-labelledby="expenses-compare">
        <h2 id="expenses-compare">{w.compareTitle}</h2>
        <p className="muted">{previous}</p>
        <ComparisonBars rows={data.comparison.categories} title={w.compareTitle} />
      </section>
    </>
  );
}
