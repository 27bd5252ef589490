import { getDeviceSettings } from '../api/device-settings-api';
import type { Me } from '../api/types';
import { useSessionGuard } from '../auth/use-session-guard';
import { LinePage } from '../catalog/line-page';
import { useLineData } from '../catalog/use-line-data';
import { useLang } from '../i18n/i18n-context';
import { ErrorState } from '../layout/error-state';
import { LoadingState } from '../layout/loading-state';
import { DeviceSettingsForm } from './device-settings-form';
import '../catalog/catalog.css';
import '../line-settings/line-settings.css';
import './device-settings.css';

/**
 * /device-settings (SVC-12): pick the phone and what to set up; the settings come by SMS to the line's own number
 * (in the demo, to the virtual phone beside the cabinet). A partial-access session sees the form, cannot send.
 */
export default function DeviceSettingsPage({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <LinePage
      me={me}
      title={t.deviceSettings.title}
      intro={t.deviceSettings.intro}
      testId="device-settings-page"
    >
      {(line, allowed) => <DeviceSettingsView key={line.id} lineId={line.id} allowed={allowed} />}
    </LinePage>
  );
}

function DeviceSettingsView({ lineId, allowed }: { lineId: string; allowed: boolean }) {
  const info = useLineData(lineId, 'device-settings', getDeviceSettings);
  useSessionGuard(info.state.status === 'error' ? info.state.error : null);
  if (info.state.status === 'loading') return <LoadingState />;
  if (info.state.status === 'error') return <ErrorState error={info.state.error} onRetry={info.reload} />;
  return (
    <DeviceSettingsForm lineId={lineId} info={info.state.data} canChange={allowed} onSent={info.reload} />
  );
}
