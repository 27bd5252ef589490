import { useT } from '../i18n/i18n-context';
import { formErrorWords } from './onboarding-errors';

/** The failure of a join form that is not about one field; the live region is always there. */
export function FormProblem({ error }: { error: unknown }) {
  const t = useT();
  const words = formErrorWords(t, error);
  return (
    <div className="form-error-region" aria-live="assertive" aria-atomic="true">
      {words && (
        <p className="action-error" role="alert" data-testid="form-problem">
          {words}
        </p>
      )}
    </div>
  );
}
