import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { App } from './app';
import { AuthProvider } from './auth/auth-context';
import { LangProvider } from './i18n/i18n-context';
import { LoginFlowProvider } from './login/login-flow';
import './styles/base.css';
import './styles/layout.css';
import './styles/login.css';
import './styles/dashboard.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <LangProvider>
      <AuthProvider>
        <LoginFlowProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </LoginFlowProvider>
      </AuthProvider>
    </LangProvider>
  </StrictMode>,
);
