interface DateRangeInputsProps {
  from: string;
  to: string;
  onFrom: (value: string) => void;
  onTo: (value: string) => void;
  /** The words of the screen using it. */
  labels: { from: string; to: string };
  /** `history` → `history-from`, `history-to`. */
  testIdPrefix: string;
}

/** "From" and "to" days of a period (PAY-07 filter, PAY-08 custom period); "to" cannot precede "from". */
export function DateRangeInputs({ from, to, onFrom, onTo, labels, testIdPrefix }: DateRangeInputsProps) {
  return (
    <>
      <label>
        {labels.from}
        <input
          type="date"
          value={from}
          onChange={(e) => onFrom(e.target.value)}
          data-testid={`${testIdPrefix}-from`}
        />
      </label>
      <label>
        {labels.to}
        <input
          type="date"
          value={to}
          min={from || undefined}
          onChange={(e) => onTo(e.target.value)}
          data-testid={`${testIdPrefix}-to`}
        />
      </label>
    </>
  );
}
