import type { Change, SpendingCategory } from '../api/statements-api';
import { formatMoney } from '../format/money';
import { useLang } from '../i18n/i18n-context';

/**
 * Month-to-month comparison per category: two bars (before, now) on one scale, and the change in words, so
 * the bars are never the only carrier of the meaning (WCAG 1.4.1). Categories with nothing in both periods are
 * left out.
 */
export function ComparisonBars({
  rows,
  title,
}: {
  rows: Array<Change & { category: SpendingCategory }>;
  title: string;
}) {
  const { t } = useLang();
  const shown = rows.filter((r) => r.current > 0 || r.previous > 0);
  const max = Math.max(1, ...shown.map((r) => Math.max(r.current, r.previous)));
  const money = (k: number) => formatMoney(t.locale, k, { trimWhole: true });
  const w = t.statements.expenses;
  return (
    <ul className="comparison-bars" aria-label={title} data-testid="expenses-comparison">
      {shown.map((r) => {
        const change =
          r.delta === 0 ? w.same : r.delta > 0 ? w.more(money(r.delta)) : w.less(money(-r.delta));
        return (
          <li key={r.category} data-testid="comparison-row" data-category={r.category} data-delta={r.delta}>
            <span className="comparison-name">{w.categories[r.category]}</span>
            <span className="comparison-track" aria-hidden="true">
              <span
                className="comparison-bar is-previous"
                style={{ width: `${(r.previous / max) * 100}%` }}
              />
              <span
                className={`comparison-bar is-current cat-${r.category}`}
                style={{ width: `${(r.current / max) * 100}%` }}
              />
            </span>
            <span className="comparison-values">
              {w.previous}: {money(r.previous)} · {w.current}: {money(r.current)}
            </span>
            <span className={`comparison-delta ${r.delta > 0 ? 'is-up' : r.delta < 0 ? 'is-down' : ''}`}>
              {change}
              {r.deltaPercent !== null && r.delta !== 0
                ? ` (${r.deltaPercent > 0 ? '+' : ''}${r.deltaPercent.toLocaleString(t.locale)} %)`
                : ''}
              {r.previous === 0 && r.current > 0 ? ` · ${w.newSpending}` : ''}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
