/**
 * Words of the bonuses screens (issue 6, slice E), a top-level section of the dictionaries (`t.bonuses`):
 * Russian is the source, English is typed after it, so a key forgotten in one fails the type check.
 */
export const bonusesRu = {
  title: 'Бонусы',
};

export const bonusesEn: typeof bonusesRu = {
  title: 'Bonuses',
};
