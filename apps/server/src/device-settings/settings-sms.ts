/**
 * SVC-12: the texts of the settings SMS, by device and item. Pure, so the wording is tested without a database.
 *
 * Why plain text and not an OMA Client Provisioning push: a provisioning push is a binary WAP message that only
 * an SMS centre with the right bearer can send, and iPhones ignore it (they take settings from the carrier
 * bundle). A text with the parameters and where to put them works on every phone; a transport that can send
 * the binary form may turn `device.settings` messages into it later (decisions/0010).
 */

export const DEVICES = ['android', 'iphone', 'other'] as const;
export type Device = (typeof DEVICES)[number];

export const SETTING_ITEMS = ['internet', 'mms'] as const;
export type SettingItem = (typeof SETTING_ITEMS)[number];

/** The operator's access points. Fixed for the network, not per subscriber. */
export const ACCESS_POINTS = {
  internet: { apn: 'internet.kabinet' },
  mms: { apn: 'mms.kabinet', mmsc: 'http://mms.kabinet.ru', proxy: '10.10.10.10', port: 8080 },
} as const;

const WHERE: Record<Device, string> = {
  android: 'Настройки → Сеть и интернет → SIM-карта → Точки доступа (APN) → «+»',
  iphone: 'Настройки → Сотовая связь → Сотовая сеть передачи данных',
  other: 'настройки сотовой сети (точка доступа, APN)',
};

/** The SMS text with one item's settings for one kind of device. */
export function settingsSms(device: Device, item: SettingItem): string {
  const where = WHERE[device];
  if (item === 'internet') {
    return `Настройки интернета. ${where}: APN ${ACCESS_POINTS.internet.apn}, имя и пароль не нужны. После сохранения перезагрузите телефон.`;
  }
  const m = ACCESS_POINTS.mms;
  return `Настройки MMS. ${where}: APN ${m.apn}, MMSC ${m.mmsc}, прокси ${m.proxy}, порт ${m.port}. После сохранения перезагрузите телефон.`;
}

/** The SMS to send: one per item, in the order the items are listed, each item once. */
export function settingsMessages(
  device: Device,
  items: readonly SettingItem[],
): { item: SettingItem; body: string }[] {
  return SETTING_ITEMS.filter((item) => items.includes(item)).map((item) => ({
    item,
    body: settingsSms(device, item),
  }));
}

/** At most this many sends per line in any rolling hour: settings SMS are free, so they must not be a spammer's tool. */
export const SENDS_PER_HOUR = 3;
const HOUR_MS = 3_600_000;

/**
 * Whether another send is allowed, given the times of this line's sends (any order) and now: when refused, the
 * seconds until the oldest send in the window leaves it.
 */
export function sendAllowance(
  sentAt: readonly Date[],
  now: Date,
): { allowed: true } | { allowed: false; retryAfterSeconds: number } {
  const since = now.getTime() - HOUR_MS;
  const recent = sentAt
    .map((d) => d.getTime())
    .filter((t) => t > since)
    .sort((a, b) => a - b);
  if (recent.length < SENDS_PER_HOUR) return { allowed: true };
  const frees = (recent[recent.length - SENDS_PER_HOUR] ?? now.getTime()) + HOUR_MS;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((frees - now.getTime()) / 1000)) };
}
