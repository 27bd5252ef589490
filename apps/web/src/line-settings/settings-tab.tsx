import { useT } from '../i18n/i18n-context';
import { BansSection } from './bans-section';
import { BlacklistSection } from './blacklist-section';
import { ForwardingSection } from './forwarding-section';
import './line-settings.css';
import type { Worded } from '../catalog/worded';

/**
 * "Настройки связи" (its own chunk): service bans (SVC-04), call forwarding (SVC-06) and the blacklist
 * (SVC-07). Each section loads and fails on its own; a partial-access session sees the state, no controls.
 */
export default function SettingsTab({
  lineId,
  canChange,
  onDone,
}: {
  lineId: string;
  canChange: boolean;
  onDone: (message: Worded) => void;
}) {
  const t = useT();
  return (
    <div className="line-settings" data-testid="line-settings">
      <p className="muted">{t.lineSettings.intro}</p>
      <BansSection lineId={lineId} canChange={canChange} onDone={onDone} />
      <ForwardingSection lineId={lineId} canChange={canChange} onDone={onDone} />
      <BlacklistSection lineId={lineId} canChange={canChange} onDone={onDone} />
    </div>
  );
}
