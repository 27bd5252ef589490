/** SVC-13: the operators a number can move to us from (the donor), as the port-in form lists them. */
export const DONOR_OPERATORS = [
  { code: 'mts', name: { ru: 'МТС', en: 'MTS' } },
  { code: 'megafon', name: { ru: 'МегаФон', en: 'MegaFon' } },
  { code: 'beeline', name: { ru: 'Билайн', en: 'Beeline' } },
  { code: 't2', name: { ru: 'Т2', en: 'T2' } },
  { code: 'yota', name: { ru: 'Yota', en: 'Yota' } },
  { code: 'tinkoff', name: { ru: 'Т-Мобайл', en: 'T-Mobile (Russia)' } },
  { code: 'sber', name: { ru: 'СберМобайл', en: 'SberMobile' } },
  { code: 'other', name: { ru: 'Другой оператор', en: 'Another operator' } },
] as const;

export type DonorCode = (typeof DONOR_OPERATORS)[number]['code'];

/** Whether `code` names a donor of the list. */
export function isDonor(code: string): code is DonorCode {
  return DONOR_OPERATORS.some((d) => d.code === code);
}

/** Only Russian mobile numbers (+7 9xx) can be ported between mobile operators. */
export function isPortableNumber(msisdn: string): boolean {
  return /^\+79\d{9}$/.test(msisdn);
}
