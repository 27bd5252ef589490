import type { SpendingCategory } from '../api/statements-api';

export interface DonutSlice {
  category: SpendingCategory;
  amount: number;
}

const R = 60;
const STROKE = 26;
const CIRCUMFERENCE = 2 * Math.PI * R;

/**
 * A donut of spending by category, drawn by hand in SVG (no chart library): each slice is a stroked circle with
 * a dash as long as its share. Screen readers get one label with the total; the table next to it carries the
 * numbers (the chart repeats them for the eye).
 */
export function DonutChart({
  slices,
  label,
  centre,
}: {
  slices: DonutSlice[];
  label: string;
  centre: string;
}) {
  const total = slices.reduce((s, x) => s + x.amount, 0);
  let offset = 0;
  return (
    <svg
      className="donut-chart"
      viewBox="0 0 160 160"
      role="img"
      aria-label={label}
      data-testid="expenses-donut"
    >
      <circle cx="80" cy="80" r={R} fill="none" stroke="var(--border)" strokeWidth={STROKE} />
      {total > 0 &&
        slices
          .filter((s) => s.amount > 0)
          .map((s) => {
            const length = (s.amount / total) * CIRCUMFERENCE;
            const slice = (
              <circle
                key={s.category}
                className={`donut-slice cat-${s.category}`}
                data-category={s.category}
                cx="80"
                cy="80"
                r={R}
                fill="none"
                strokeWidth={STROKE}
                strokeDasharray={`${length} ${CIRCUMFERENCE - length}`}
                strokeDashoffset={-offset}
                transform="rotate(-90 80 80)"
              />
            );
            offset += length;
            return slice;
          })}
      <text x="80" y="86" textAnchor="middle" className="donut-centre">
        {centre}
      </text>
    </svg>
  );
}
