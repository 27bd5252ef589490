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
const TariffPickerPage = lazy(() => import('./tariffs/picker-page'));
const TariffBuilderPage = lazy(() => import('./tariffs/builder-page'));
const ServicesPage = lazy(() => import('./services/services-page'));
const RequestsPage = lazy(() => import('./requests/requests-page'));
const SimPage = lazy(() => import('./sim/sim-page'));
const HistoryPage = lazy(() => import('./history/history-page'));
const RoamingPage = lazy(() => import('./roaming/roaming-page'));
const DeviceSettingsPage = lazy(() => import('./device-settings/device-settings-page'));
const PortInPage = lazy(() => import('./onboarding/port-in-page'));
const NewSimPage = lazy(() => import('./onboarding/new-sim-page'));
const OrderStatusPage = lazy(() => import('./onboarding/order-status-page'));
const NotificationsPage = lazy(() => import('./notifications/notifications-page'));
const NotificationSettingsPage = lazy(() => import('./notifications/notification-settings-page'));
const TopUpPage = lazy(() => import('./top-up/top-up-page'));
const TopUpResultPage = lazy(() => import('./top-up/top-up-result-page'));
const VoucherPage = lazy(() => import('./vouchers/voucher-page'));
const TransferPage = lazy(() => import('./transfers/transfer-page'));
const PromisedPaymentPage = lazy(() => import('./promised/promised-page'));
const AutopayPage = lazy(() => import('./autopay/autopay-page'));
const PaymentHistoryPage = lazy(() => import('./statements/payment-history-page'));
const ExpensesPage = lazy(() => import('./statements/expenses-page'));
const InvoicesPage = lazy(() => import('./statements/invoices-page'));
const BonusesPage = lazy(() => import('./bonuses/bonuses-page'));

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
        <Route
          path="tariffs/picker"
          element={<RequireAuth>{(me) => <TariffPickerPage me={me} />}</RequireAuth>}
        />
        <Route
          path="tariffs/builder/:tariffId"
          element={<RequireAuth>{(me) => <TariffBuilderPage me={me} />}</RequireAuth>}
        />
        <Route path="services" element={<RequireAuth>{(me) => <ServicesPage me={me} />}</RequireAuth>} />
        <Route path="requests" element={<RequireAuth>{(me) => <RequestsPage me={me} />}</RequireAuth>} />
        <Route path="sim" element={<RequireAuth>{(me) => <SimPage me={me} />}</RequireAuth>} />
        <Route path="history" element={<RequireAuth>{(me) => <HistoryPage me={me} />}</RequireAuth>} />
        <Route path="roaming" element={<RequireAuth>{(me) => <RoamingPage me={me} />}</RequireAuth>} />
        <Route
          path="device-settings"
          element={<RequireAuth>{(me) => <DeviceSettingsPage me={me} />}</RequireAuth>}
        />
        <Route path="notifications" element={<RequireAuth>{() => <NotificationsPage />}</RequireAuth>} />
        <Route
          path="settings/notifications"
          element={<RequireAuth>{(me) => <NotificationSettingsPage me={me} />}</RequireAuth>}
        />
        <Route path="pay" element={<RequireAuth>{(me) => <TopUpPage me={me} />}</RequireAuth>} />
        <Route path="pay/result" element={<RequireAuth>{(me) => <TopUpResultPage me={me} />}</RequireAuth>} />
        <Route path="pay/voucher" element={<RequireAuth>{(me) => <VoucherPage me={me} />}</RequireAuth>} />
        <Route path="pay/transfer" element={<RequireAuth>{(me) => <TransferPage me={me} />}</RequireAuth>} />
        <Route
          path="pay/promised"
          element={<RequireAuth>{(me) => <PromisedPaymentPage me={me} />}</RequireAuth>}
        />
        <Route path="pay/autopay" element={<RequireAuth>{(me) => <AutopayPage me={me} />}</RequireAuth>} />
        <Route
          path="pay/history"
          element={<RequireAuth>{(me) => <PaymentHistoryPage me={me} />}</RequireAuth>}
        />
        <Route path="pay/expenses" element={<RequireAuth>{(me) => <ExpensesPage me={me} />}</RequireAuth>} />
        <Route path="pay/invoices" element={<RequireAuth>{(me) => <InvoicesPage me={me} />}</RequireAuth>} />
        <Route path="bonuses" element={<RequireAuth>{(me) => <BonusesPage me={me} />}</RequireAuth>} />
        <Route path="join/port-in" element={<PortInPage />} />
        <Route path="join/new-sim" element={<NewSimPage />} />
        <Route path="join/status" element={<OrderStatusPage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
