import { useT } from '../i18n/i18n-context';

/** "Someone else's computer" (ACCESS-05): checked → the session ends with the browser. Every login method has it. */
export function PublicComputerField({
  id,
  checked,
  onChange,
}: {
  id: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  const t = useT();
  return (
    <div className="checkbox-field">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        onChange={(event) => onChange(event.target.checked)}
        aria-describedby={`${id}-hint`}
        data-testid="remember-checkbox"
      />
      <label htmlFor={id}>{t.login.publicComputer}</label>
      <p id={`${id}-hint`} className="hint">
        {t.login.publicComputerHint}
      </p>
    </div>
  );
}
