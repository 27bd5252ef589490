import type { PaymentSource } from '../api/statements-api';

/** Simple outline pictograms (24×24) of where a payment came from; decorative, the label says it in words. */
const PATHS: Record<PaymentSource, string> = {
  card: 'M3 6h18v12H3zM3 10h18M7 15h4',
  autopay: 'M4 12a8 8 0 0 1 14-5l2 2M20 12a8 8 0 0 1-14 5l-2-2M20 4v5h-5M4 20v-5h5',
  voucher: 'M3 7h18v4a2 2 0 0 0 0 4v4H3v-4a2 2 0 0 0 0-4zM14 7v12',
  bank: 'M3 10l9-6 9 6M5 10v8M10 10v8M14 10v8M19 10v8M3 20h18',
  cash: 'M2 7h20v10H2zM12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5M5 12h.01M19 12h.01',
  transfer: 'M7 3h10v18H7zM4 9h6M8 7l2 2-2 2M20 15h-6M16 13l-2 2 2 2',
  promised: 'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18M12 7v5l3 2',
};

export function SourceIcon({ source }: { source: PaymentSource }) {
  return (
    <svg
      className={`source-icon source-${source}`}
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
    >
      <path
        d={PATHS[source]}
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
