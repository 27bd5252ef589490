import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context';
import './join-links.css';

/** SVC-13: the way in for people who are not subscribers yet, under the login form. */
export function JoinLinks() {
  const t = useT();
  const o = t.onboarding;
  return (
    <nav className="card join-links" aria-labelledby="join-title" data-testid="join-links">
      <h2 id="join-title">{o.joinTitle}</h2>
      <ul>
        <li>
          <Link to="/join/port-in" data-testid="join-port-in">
            {o.joinPortIn}
          </Link>
        </li>
        <li>
          <Link to="/join/new-sim" data-testid="join-new-sim">
            {o.joinNewSim}
          </Link>
        </li>
        <li>
          <Link to="/join/status" data-testid="join-status">
            {o.joinStatus}
          </Link>
        </li>
      </ul>
    </nav>
  );
}
