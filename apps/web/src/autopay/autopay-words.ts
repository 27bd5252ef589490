/**
 * Words of the autopay screens (issue 6, slice B), a top-level section of the dictionaries (`t.autopay`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const autopayRu = {
  title: 'Автоплатёж',
};

export const autopayEn: typeof autopayRu = {
  title: 'Autopay',
};
