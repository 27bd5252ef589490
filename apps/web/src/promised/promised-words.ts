/**
 * Words of the promised payment screens (issue 6, slice P), a top-level section of the dictionaries (`t.promised`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const promisedRu = {
  title: 'Обещанный платёж',
};

export const promisedEn: typeof promisedRu = {
  title: 'Promised payment',
};
