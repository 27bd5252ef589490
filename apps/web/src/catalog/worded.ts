import type { Lang } from '../i18n/i18n-context';
import type { Dictionary } from '../i18n/ru';

/**
 * A message worded at render time, like errors: a success note already on screen follows a language switch
 * instead of staying in the language it was made in.
 */
export type Worded = (t: Dictionary, lang: Lang) => string;
