/** Which facts a filter state shows on the facts pages. Pure, so it is tested without a browser. */
export function visible(item: { deckSafe: boolean; origin: string }, filter: { deckSafeOnly: boolean; origin: string }): boolean {
  return (!filter.deckSafeOnly || item.deckSafe) && (filter.origin === '' || item.origin === filter.origin);
}
