import { call } from './api-client';

export type Device = 'android' | 'iphone' | 'other';
export type SettingItem = 'internet' | 'mms';

/** GET /lines/{id}/device-settings (SVC-12). */
export interface DeviceSettingsInfo {
  devices: Device[];
  items: SettingItem[];
  limitPerHour: number;
  sentInLastHour: number;
  /** When the next send is possible; null when now. */
  nextAllowedAt: string | null;
  /** The line's own number: where the SMS go. */
  msisdn: string;
}

export interface SendSettingsAnswer {
  request: { id: string; kind: string; status: string };
  messages: Array<{ item: SettingItem }>;
  sentInLastHour: number;
}

const line = (lineId: string) => `/lines/${encodeURIComponent(lineId)}`;

/** GET /lines/{id}/device-settings: the choices, the hourly limit and how much of it is used. */
export function getDeviceSettings(lineId: string, signal?: AbortSignal): Promise<DeviceSettingsInfo> {
  return call('GET', `${line(lineId)}/device-settings`, { signal });
}

/**
 * POST /lines/{id}/device-settings: one SMS per item to the line's number. Free, so no idempotency key; the
 * hourly limit (429 `rate_limited`) is what stops a double click from texting the phone twice over.
 */
export function sendDeviceSettings(
  lineId: string,
  device: Device,
  items: SettingItem[],
): Promise<SendSettingsAnswer> {
  return call('POST', `${line(lineId)}/device-settings`, { body: { device, items } });
}
