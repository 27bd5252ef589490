import type { Me } from '../api/types';
import { useT } from '../i18n/i18n-context';

/** /bonuses. PLACEHOLDER of the issue 6 groundwork: slice E builds the screen. */
export default function BonusesPage(_props: { me: Me }) {
  const t = useT();
  return (
    <div className="page">
      <h1>{t.bonuses.title}</h1>
    </div>
  );
}
