/** One page, and whether a page may follow it. */
export interface Page<T> {
  readonly items: readonly T[];
  readonly more: boolean;
}

/**
 * Pages from `read`, each given the last item of the page before (none
 * for the first): a page is read while the caller works on the previous
 * one, never further ahead.
 */
export async function* readAhead<T>(
  read: (after: T | undefined) => Promise<Page<T>>,
): AsyncGenerator<readonly T[]> {
  let pending: Promise<Page<T>> | null = read(undefined);

  try {
    while (pending) {
      const page: Page<T> = await pending;
      const last = page.items[page.items.length - 1];
      pending = page.more && last !== undefined ? read(last) : null;
      if (page.items.length > 0) yield page.items;
    }
  } finally {
    // A caller that stopped early no longer wants the page read ahead.
    pending?.catch(() => undefined);
  }
}
