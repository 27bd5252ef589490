/**
 * Words of the payments and spending screens (issue 6, slice D), a top-level section of the dictionaries (`t.statements`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const statementsRu = {
  title: 'Платежи и расходы',
};

export const statementsEn: typeof statementsRu = {
  title: 'Payments and spending',
};
