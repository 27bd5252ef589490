import { lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireAuth } from './auth/require-auth';
import { DashboardPage } from './dashboard/dashboard-page';
import { AppShell } from './layout/app-shell';
import { LoginPage } from './login/login-page';

// Login and the overview are the first screens anyone sees and ship in the main chunk; every other page
// is loaded on demand, so the first load stays small as the cabinet grows.
const NotFoundPage = lazy(() => import('./pages/not-found-page'));
const SecurityPage = lazy(() => import('./security/security-page'));
const JournalPage = lazy(() => import('./journal/journal-page'));
const TariffsPage = lazy(() => import('./tariffs/tariffs-page'));
const ServicesPage = lazy(() => import('./services/services-page'));
const RequestsPage = lazy(() => import('./requests/requests-page'));
const SimPage = lazy(() => import('./sim/sim-page'));

export function App() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<RequireAuth>{(me) => <DashboardPage me={me} />}</RequireAuth>} />
        <Route path="login" element={<LoginPage />} />
        <Route
          path="settings/security"
          element={<RequireAuth>{(me) => <SecurityPage me={me} />}</RequireAuth>}
        />
        <Route path="journal" element={<RequireAuth>{(me) => <JournalPage me={me} />}</RequireAuth>} />
        <Route path="tariffs" element={<RequireAuth>{(me) => <TariffsPage me={me} />}</RequireAuth>} />
        <Route path="services" element={<RequireAuth>{(me) => <ServicesPage me={me} />}</RequireAuth>} />
        <Route path="requests" element={<RequireAuth>{(me) => <RequestsPage me={me} />}</RequireAuth>} />
        <Route path="sim" element={<RequireAuth>{(me) => <SimPage me={me} />}</RequireAuth>} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
