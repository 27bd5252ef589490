/**
 * Words of the ringback melody picker (SVC-08), a top-level section of the dictionaries (`t.ringback`): Russian
 * is the source, English is typed after it.
 */
export const ringbackRu = {
  title: 'Мелодия гудка',
  notConnected: (option: string) => `Подключите услугу «${option}», чтобы выбрать мелодию вместо гудков.`,
  current: 'Сейчас звонящие слышат',
  none: 'Мелодия ещё не выбрана.',
  choose: 'Выберите мелодию',
  preview: 'Звонящие услышат',
  duration: (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
  save: 'Поставить мелодию',
  saving: 'Сохраняем…',
  done: (name: string) => `Мелодия гудка: «${name}».`,
  free: 'Смена мелодии бесплатна.',
  errors: {
    notConnected: 'Сначала подключите услугу «Гудок».',
    alreadyChosen: 'Эта мелодия уже стоит.',
    notFound: 'Этой мелодии больше нет в каталоге.',
  },
};

export const ringbackEn: typeof ringbackRu = {
  title: 'Ringback melody',
  notConnected: (option: string) => `Connect “${option}” to choose a melody instead of the ringing tone.`,
  current: 'Callers hear now',
  none: 'No melody chosen yet.',
  choose: 'Choose a melody',
  preview: 'Callers will hear',
  duration: (seconds: number) => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`,
  save: 'Set the melody',
  saving: 'Saving…',
  done: (name: string) => `Ringback melody: “${name}”.`,
  free: 'Changing the melody is free.',
  errors: {
    notConnected: 'Connect the ringback tone first.',
    alreadyChosen: 'This melody is already set.',
    notFound: 'This melody is no longer in the catalog.',
  },
};
