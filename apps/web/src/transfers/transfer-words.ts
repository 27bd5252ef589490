/**
 * Words of the mobile transfer screens (issue 6, slice VT), a top-level section of the dictionaries (`t.transfer`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const transferRu = {
  title: 'Мобильный перевод',
};

export const transferEn: typeof transferRu = {
  title: 'Mobile transfer',
};
