/**
 * SVC-13: the offices where a new SIM is picked up. A short fixed list for now; an operator with many shops would
 * load them like the catalog (noted in docs/api/line-extras.md).
 */
export const PICKUP_OFFICES = [
  {
    code: 'msk-tverskaya',
    name: { ru: 'Москва, Тверская', en: 'Moscow, Tverskaya' },
    address: { ru: 'Москва, ул. Тверская, 7', en: '7 Tverskaya St, Moscow' },
    hours: { ru: 'Ежедневно 9:00–21:00', en: 'Daily 9 am – 9 pm' },
  },
  {
    code: 'msk-arbat',
    name: { ru: 'Москва, Арбат', en: 'Moscow, Arbat' },
    address: { ru: 'Москва, ул. Арбат, 24', en: '24 Arbat St, Moscow' },
    hours: { ru: 'Пн–Сб 10:00–20:00', en: 'Mon–Sat 10 am – 8 pm' },
  },
  {
    code: 'spb-nevsky',
    name: { ru: 'Санкт-Петербург, Невский', en: 'St Petersburg, Nevsky' },
    address: { ru: 'Санкт-Петербург, Невский пр., 28', en: '28 Nevsky Ave, St Petersburg' },
    hours: { ru: 'Ежедневно 10:00–22:00', en: 'Daily 10 am – 10 pm' },
  },
  {
    code: 'kzn-baumana',
    name: { ru: 'Казань, Баумана', en: 'Kazan, Baumana' },
    address: { ru: 'Казань, ул. Баумана, 51', en: '51 Baumana St, Kazan' },
    hours: { ru: 'Пн–Пт 9:00–19:00', en: 'Mon–Fri 9 am – 7 pm' },
  },
] as const;

export type OfficeCode = (typeof PICKUP_OFFICES)[number]['code'];

/** The office with this code, if any. */
export function findOffice(code: string) {
  return PICKUP_OFFICES.find((o) => o.code === code);
}
