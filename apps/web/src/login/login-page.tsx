import { useState } from 'react';
import { Navigate } from 'react-router';
import { useAuth } from '../auth/auth-context';
import { CodeStep } from './code-step';
import { useLoginFlow } from './login-flow';
import { PhoneStep } from './phone-step';

/** /login: number → SMS code → the cabinet. Someone already logged in goes straight to the overview. */
export function LoginPage() {
  const { state } = useAuth();
  const { sent } = useLoginFlow();
  const [publicComputer, setPublicComputer] = useState(false);

  if (state.status === 'authenticated') return <Navigate to="/" replace />;

  return (
    <div className="login-page">
      <section className="card login-card">
        {sent ? (
          // Keyed by number, so a code for another number starts a fresh step.
          <CodeStep key={sent.phone} sent={sent} rememberDevice={!publicComputer} />
        ) : (
          <PhoneStep publicComputer={publicComputer} onPublicComputerChange={setPublicComputer} />
        )}
      </section>
    </div>
  );
}
