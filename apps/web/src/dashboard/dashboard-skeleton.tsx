import { useT } from '../i18n/i18n-context';

/** Grey shapes where the cards will be, so the page does not jump when the data arrives. */
export function DashboardSkeleton() {
  const t = useT();
  return (
    <div className="skeleton" aria-busy="true">
      <span className="visually-hidden" role="status">
        {t.common.loading}
      </span>
      <div className="skeleton-block skeleton-line" />
      <div className="dashboard-grid">
        <div className="card skeleton-block skeleton-card" />
        <div className="card skeleton-block skeleton-card" />
      </div>
      <div className="card skeleton-block skeleton-tall" />
    </div>
  );
}
