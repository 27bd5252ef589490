import type { ConnectedOption, LineOptions, OptionCategory, OptionOffer } from '../api/catalog-types';

export type CategoryFilter = OptionCategory | 'all';
export const CATEGORIES: CategoryFilter[] = ['all', 'internet', 'calls', 'roaming', 'messages', 'extra'];

/** An option as the screen lists it: the catalog entry and, when connected, its connection. */
export type ListedOption = OptionOffer &
  Partial<Pick<ConnectedOption, 'connectedAt' | 'nextFeeAt'>> & {
    isConnected: boolean;
  };

/** Connected first, then the rest of the catalog, each option once. */
export function listOptions(data: LineOptions, tab: 'connected' | 'all'): ListedOption[] {
  const connected = data.connected.map((option) => ({ ...option, isConnected: true }));
  if (tab === 'connected') return connected;
  const ids = new Set(connected.map((option) => option.id));
  const rest = data.available
    .filter((option) => !ids.has(option.id))
    .map((o) => ({ ...o, isConnected: false }));
  return [...connected, ...rest];
}

/**
 * Category and search, applied on the screen: the whole catalog is a few dozen options, so filtering as
 * one types needs no round trip. Search is case-insensitive over the names and descriptions in both languages.
 */
export function filterOptions(
  options: ListedOption[],
  category: CategoryFilter,
  query: string,
): ListedOption[] {
  const needle = query.trim().toLocaleLowerCase('ru');
  return options.filter((option) => {
    if (category !== 'all' && option.category !== category) return false;
    if (!needle) return true;
    const haystack = [option.name.ru, option.name.en, option.description.ru, option.description.en]
      .join(' ')
      .toLocaleLowerCase('ru');
    return haystack.includes(needle);
  });
}
