import { useState } from 'react';
import { Navigate } from 'react-router';
import type { IdentifierKind } from '../api/access-types';
import { useAuth } from '../auth/auth-context';
import { useT } from '../i18n/i18n-context';
import { JoinLinks } from '../onboarding/join-links';
import { CodeStep } from './code-step';
import { EnrichmentOffer } from './enrichment-offer';
import { useLoginFlow } from './login-flow';
import { type LoginMethodTab, MethodTabs, methodPanelId, methodTabId } from './method-tabs';
import { PasskeyLogin } from './passkey-login';
import { PasswordLogin } from './password-login';
import { PasswordReset } from './password-reset';
import { PhoneConfirmLogin } from './phone-confirm-login';
import { PhoneStep } from './phone-step';

/**
 * /login: SMS code (number → code), password (number or contract), passkey, or confirmation from the phone;
 * and, on the operator's network, one-tap automatic login. Someone already logged in goes to the overview.
 */
export function LoginPage() {
  const t = useT();
  const { state } = useAuth();
  const { sent } = useLoginFlow();
  const [publicComputer, setPublicComputer] = useState(false);
  const [method, setMethod] = useState<LoginMethodTab>('sms');
  const [kind, setKind] = useState<IdentifierKind>('phone');
  const [contract, setContract] = useState('');
  const [resetting, setResetting] = useState(false);

  if (state.status === 'authenticated') return <Navigate to="/" replace />;

  const shared = { publicComputer, onPublicComputerChange: setPublicComputer };
  const codeStep = method === 'sms' && sent;

  return (
    <div className="login-page">
      <section className="card login-card">
        {codeStep ? (
          // Keyed by number, so a code for another number starts a fresh step.
          <CodeStep key={sent.phone} sent={sent} rememberDevice={!publicComputer} />
        ) : resetting ? (
          <PasswordReset
            kind={kind}
            contract={contract}
            onContractChange={setContract}
            rememberDevice={!publicComputer}
            onBack={() => setResetting(false)}
          />
        ) : (
          <div className="login-form">
            <h1 id="login-title">{t.login.title}</h1>
            <EnrichmentOffer rememberDevice={!publicComputer} />
            <MethodTabs value={method} onChange={setMethod} />
            <div id={methodPanelId} role="tabpanel" aria-labelledby={methodTabId(method)}>
              {method === 'sms' && <PhoneStep {...shared} />}
              {method === 'password' && (
                <PasswordLogin
                  {...shared}
                  kind={kind}
                  onKindChange={setKind}
                  contract={contract}
                  onContractChange={setContract}
                  onForgot={() => setResetting(true)}
                />
              )}
              {method === 'passkey' && <PasskeyLogin {...shared} />}
              {method === 'phone-confirm' && <PhoneConfirmLogin {...shared} />}
            </div>
          </div>
        )}
      </section>
      <JoinLinks />
    </div>
  );
}
