import type { MonthlySummary as Summary } from '../api/statements-api';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';
import { formatMonth } from './month-label';

const HEIGHT = 120;
const GROUP = 56;

/**
 * PAY-07 top-ups and spending by month: pairs of bars drawn in SVG for the eye (hidden from screen readers)
 * and the same numbers in a table, which is what assistive technology reads.
 */
export function MonthlySummary({ summary }: { summary: Summary }) {
  const { t } = useLang();
  const w = t.statements.history;
  const money = (k: number) => formatMoney(t.locale, k, { trimWhole: true });
  const max = Math.max(1, ...summary.months.flatMap((m) => [m.topUps, m.spending]));
  const width = summary.months.length * GROUP;
  return (
    <section className="card statements-card" aria-labelledby="summary-title" data-testid="monthly-summary">
      <h2 id="summary-title">{w.summaryTitle}</h2>
      <div className="chart-legend" aria-hidden="true">
        <span className="legend-item">
          <span className="legend-swatch is-in" /> {w.summaryIn}
        </span>
        <span className="legend-item">
          <span className="legend-swatch is-out" /> {w.summaryOut}
        </span>
      </div>
      <svg className="summary-chart" viewBox={`0 0 ${width} ${HEIGHT + 20}`} aria-hidden="true">
        {summary.months.map((m, i) => {
          const inH = (m.topUps / max) * HEIGHT;
          const outH = (m.spending / max) * HEIGHT;
          const x = i * GROUP + 8;
          return (
            <g key={m.month}>
              <rect className="summary-bar is-in" x={x} y={HEIGHT - inH} width="18" height={inH} rx="3" />
              <rect
                className="summary-bar is-out"
                x={x + 20}
                y={HEIGHT - outH}
                width="18"
                height={outH}
                rx="3"
              />
              <text x={x + 19} y={HEIGHT + 15} textAnchor="middle" className="chart-axis">
                {formatMonth(t.locale, m.month, 'short').replace(/\s?\d{4}.*$/, '')}
              </text>
            </g>
          );
        })}
      </svg>
      <table className="statements-table">
        <caption className="visually-hidden">{w.summaryChart}</caption>
        <thead>
          <tr>
            <th scope="col">{w.month}</th>
            <th scope="col">{w.summaryIn}</th>
            <th scope="col">{w.summaryOut}</th>
          </tr>
        </thead>
        <tbody>
          {summary.months.map((m) => (
            <tr key={m.month} data-testid="summary-month" data-month={m.month}>
              <th scope="row">{formatMonth(t.locale, m.month)}</th>
              <td data-testid="summary-in">{money(m.topUps)}</td>
              <td data-testid="summary-out">{money(m.spending)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
