import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context';
import './onboarding.css';

/** The frame of the public join pages: title, intro, the page, and the way back to the login. */
export function JoinPage({
  title,
  intro,
  testId,
  children,
}: {
  title: string;
  intro: string;
  testId: string;
  children: ReactNode;
}) {
  const t = useT();
  return (
    <div className="join-page" data-testid={testId}>
      <h1>{title}</h1>
      <p className="muted">{intro}</p>
      {children}
      <p className="join-back">
        <Link to="/login">{t.onboarding.backToLogin}</Link>
      </p>
    </div>
  );
}
