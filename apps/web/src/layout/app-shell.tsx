import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { DemoSlot } from '../demo/demo-slot';
import { useT } from '../i18n/i18n-context';
import { AppHeader } from './app-header';
import { LoadingState } from './loading-state';

/** Every page: header on top, the page, and in demo mode the virtual phone beside it. */
export function AppShell() {
  const t = useT();
  return (
    <div className="app">
      <a href="#main" className="skip-link">
        {t.common.skipToContent}
      </a>
      <AppHeader />
      <div className="app-body">
        <main id="main" className="app-main" tabIndex={-1}>
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </main>
        <DemoSlot />
      </div>
    </div>
  );
}
