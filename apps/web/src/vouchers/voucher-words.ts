/**
 * Words of the voucher screens (issue 6, slice VT), a top-level section of the dictionaries (`t.voucher`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const voucherRu = {
  title: 'Карта оплаты',
};

export const voucherEn: typeof voucherRu = {
  title: 'Voucher',
};
