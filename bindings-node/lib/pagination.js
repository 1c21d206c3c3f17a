'use strict';

const { AvaraError } = require('./errors.js');

/**
 * One page of a list: its wire fields (`studies`, `cursor`, `hasMore`, ...) as own
 * properties, so it reads and serializes like the plain result, and the way to the
 * pages after it. Which page comes next, and when to stop, is the core's rule: the
 * native call hands over the next page's parameters with the page (`next`, `null` after
 * the last one).
 */
class Page {
  #fetchPage;
  #itemsKey;
  #nextParams;

  constructor(fetchPage, itemsKey, { page, next }) {
    Object.assign(this, JSON.parse(page));
    this.#fetchPage = fetchPage;
    this.#itemsKey = itemsKey;
    this.#nextParams = next ?? null;
  }

  hasNextPage() {
    return this.#nextParams !== null;
  }

  /** The next page; throws `AvaraError` after the last one (check `hasNextPage()`). */
  async getNextPage() {
    if (this.#nextParams === null) {
      throw new AvaraError('this is the last page; check hasNextPage() before asking for the next one');
    }
    return this.#fetchPage(this.#nextParams);
  }

  /** This page, then every following one. */
  async *iterPages() {
    let page = this;
    yield page;
    while (page.hasNextPage()) {
      page = await page.getNextPage();
      yield page;
    }
  }

  /** Every item of this page and of every following one. */
  async *[Symbol.asyncIterator]() {
    for await (const page of this.iterPages()) {
      yield* page[this.#itemsKey];
    }
  }
}

/**
 * What a list method returns: awaiting it gives the first page; `for await` over it
 * gives every item of every page. Nothing is sent until one of the two starts, so a
 * list that is never used cannot end in an unhandled rejection.
 */
class PagePromise {
  #load;
  #first;

  constructor(load) {
    this.#load = load;
  }

  #firstPage() {
    this.#first ??= this.#load();
    return this.#first;
  }

  then(onFulfilled, onRejected) {
    return this.#firstPage().then(onFulfilled, onRejected);
  }

  catch(onRejected) {
    return this.#firstPage().catch(onRejected);
  }

  finally(onFinally) {
    return this.#firstPage().finally(onFinally);
  }

  async *[Symbol.asyncIterator]() {
    yield* await this.#firstPage();
  }
}

Object.defineProperty(PagePromise.prototype, Symbol.toStringTag, { value: 'PagePromise' });

/**
 * A list call: `fetchText(paramsText)` resolves with `{ page, next }` (JSON texts),
 * starting with the parameters `firstParams()` gives; each page fetches the next one the
 * same way.
 */
function listPages(fetchText, itemsKey, firstParams) {
  const fetchPage = async (params) => new Page(fetchPage, itemsKey, await fetchText(params));
  return new PagePromise(async () => fetchPage(firstParams()));
}

module.exports = { listPages };
