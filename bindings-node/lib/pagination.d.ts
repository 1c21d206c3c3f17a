// Types of lib/pagination.js: the pages of list calls.

/**
 * One page of a list, with its wire fields (`studies`, `cursor`, `hasMore`) as
 * properties; `for await` over it gives every item of this page and the following ones.
 */
export type Page<Wire, Item> = Wire & PageNavigation<Wire, Item>;

export interface PageNavigation<Wire, Item> extends AsyncIterable<Item> {
  /** Whether the core's paging rule says another page follows. */
  hasNextPage(): boolean;
  /** The next page; rejects with `AvaraError` after the last one. */
  getNextPage(): Promise<Page<Wire, Item>>;
  /** This page, then every following one. */
  iterPages(): AsyncGenerator<Page<Wire, Item>, void, undefined>;
}

/**
 * What a list method returns: `await` gives the first page, `for await` every item of
 * every page. Nothing is sent until one of the two starts.
 */
export interface PagePromise<Wire, Item> extends PromiseLike<Page<Wire, Item>>, AsyncIterable<Item> {
  then<TResult1 = Page<Wire, Item>, TResult2 = never>(
    onfulfilled?: ((value: Page<Wire, Item>) => TResult1 | PromiseLike<TResult1>) | null,
    onrejected?: ((reason: unknown) => TResult2 | PromiseLike<TResult2>) | null,
  ): Promise<TResult1 | TResult2>;
  catch<TResult = never>(
    onrejected?: ((reason: unknown) => TResult | PromiseLike<TResult>) | null,
  ): Promise<Page<Wire, Item> | TResult>;
  finally(onfinally?: (() => void) | null): Promise<Page<Wire, Item>>;
  [Symbol.asyncIterator](): AsyncGenerator<Item, void, undefined>;
}
