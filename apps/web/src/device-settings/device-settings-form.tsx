import { type FormEvent, useState } from 'react';
import { ApiError } from '../api/api-client';
import {
  type Device,
  type DeviceSettingsInfo,
  type SettingItem,
  sendDeviceSettings,
} from '../api/device-settings-api';
import { formatDateTime } from '../format/dates';
import { formatWait } from '../format/duration';
import { formatMsisdn } from '../format/phone';
import { errorMessage } from '../i18n/error-message';
import { useLang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

/** This screen's refusals in the user's language; the rest (the hourly limit among them) as the app words them. */
function sendErrorMessage(t: Dictionary, error: unknown, limit: number): string {
  if (error instanceof ApiError) {
    const wait = error.numberField('retryAfterSeconds');
    if (error.code === 'rate_limited' && wait !== undefined)
      return t.deviceSettings.tooOften(limit, formatWait(t.time, wait));
    if (error.code === 'line_not_active') return t.deviceSettings.notActive;
    if (error.code === 'not_mobile') return t.deviceSettings.notMobile;
  }
  return errorMessage(t, error);
}

/** SVC-12: the phone, what to send, and the send button with the hourly limit stated up front. */
export function DeviceSettingsForm({
  lineId,
  info,
  canChange,
  onSent,
}: {
  lineId: string;
  info: DeviceSettingsInfo;
  canChange: boolean;
  onSent: () => void;
}) {
  const { t } = useLang();
  const d = t.deviceSettings;
  const [device, setDevice] = useState<Device>('android');
  const [items, setItems] = useState<SettingItem[]>(['internet', 'mms']);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [missingItems, setMissingItems] = useState(false);
  const phone = formatMsisdn(info.msisdn);

  function toggleItem(item: SettingItem, on: boolean) {
    setItems((current) => (on ? [...current, item] : current.filter((i) => i !== item)));
    setMissingItems(false);
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSent(false);
    setError(null);
    if (items.length === 0) {
      setMissingItems(true);
      return;
    }
    setBusy(true);
    try {
      await sendDeviceSettings(lineId, device, items);
      setSent(true);
      onSent();
    } catch (failure) {
      setError(failure);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="card settings-block device-settings"
      onSubmit={submit}
      noValidate
      data-testid="device-settings-form"
    >
      <fieldset className="choice-row">
        <legend className="field-legend">{d.device}</legend>
        {info.devices.map((value) => (
          <label key={value} className="radio-chip">
            <input
              type="radio"
              name="device"
              value={value}
              checked={device === value}
              onChange={() => setDevice(value)}
              data-testid={`device-${value}`}
            />
            {d.devices[value]}
          </label>
        ))}
      </fieldset>
      <p className="hint" data-testid="device-hint">
        {d.deviceHints[device]}
      </p>
      <fieldset className="choice-row" aria-describedby={missingItems ? 'items-error' : undefined}>
        <legend className="field-legend">{d.items}</legend>
        {info.items.map((item) => (
          <label key={item} className="radio-chip">
            <input
              type="checkbox"
              name="items"
              value={item}
              checked={items.includes(item)}
              onChange={(event) => toggleItem(item, event.target.checked)}
              data-testid={`item-${item}`}
            />
            {d.itemNames[item]}
          </label>
        ))}
      </fieldset>
      {missingItems && (
        <p id="items-error" className="field-error" role="alert" data-testid="items-error">
          {d.itemsRequired}
        </p>
      )}
      <p className="muted" data-testid="device-recipient">
        {d.recipient(phone)}
      </p>
      <p className="hint" data-testid="device-limit">
        {d.limit(info.limitPerHour, info.sentInLastHour)}
        {info.nextAllowedAt && ` ${d.nextAt(formatDateTime(t.locale, info.nextAllowedAt))}`}
      </p>
      {canChange ? (
        <button
          type="submit"
          className="button button-primary"
          disabled={busy}
          aria-busy={busy}
          data-testid="device-send"
        >
          {busy ? d.sending : d.send}
        </button>
      ) : (
        <p className="hint read-only-note" data-testid="device-read-only">
          {d.partial}
        </p>
      )}
      <div className="form-error-region" aria-live="polite" aria-atomic="true">
        {sent && (
          <p className="success-note" data-testid="device-sent">
            {d.sent(phone)}
          </p>
        )}
        {error !== null && (
          <p className="action-error" data-testid="action-error">
            {sendErrorMessage(t, error, info.limitPerHour)}
          </p>
        )}
      </div>
    </form>
  );
}
