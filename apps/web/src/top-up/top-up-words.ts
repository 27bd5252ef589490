/**
 * Words of the top up screens (issue 6, slice A), a top-level section of the dictionaries (`t.topUp`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const topUpRu = {
  title: 'Пополнение счёта',
};

export const topUpEn: typeof topUpRu = {
  title: 'Top up',
};
