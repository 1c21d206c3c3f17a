package com.avara.core;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * One page of a list operation. {@link #autoPager()} walks every item of this page and
 * of every following page, fetching each next page (blocking) when the previous one is
 * used up; whether there is a next page is the core's rule, not this class's.
 *
 * @param <T> the item type
 */
public abstract class Page<T> {
    private final ApiCaller caller;
    private final String operation;
    private final Map<String, Object> params;
    private final Map<String, Object> wire;

    protected Page(ApiCaller caller, String operation, Map<String, Object> params, Map<String, Object> wire) {
        this.caller = caller;
        this.operation = operation;
        this.params = params;
        this.wire = wire;
    }

    /** The items of this page only. */
    public abstract List<T> items();

    /** Reads the next page's result; each generated page class builds itself. */
    protected abstract Page<T> next(ApiCaller caller, String operation, Map<String, Object> params,
            Map<String, Object> wire);

    protected final Map<String, Object> wire() {
        return wire;
    }

    public final boolean hasMore() {
        return Wire.bool(wire.get("hasMore"));
    }

    public final Optional<String> cursor() {
        return Optional.ofNullable((String) wire.get("cursor"));
    }

    /** Whether another page follows, by the core's rule. */
    public final boolean hasNextPage() {
        return caller.nextPageParams(params, wire).isPresent();
    }

    /** The next page, fetched now, or empty after the last page. */
    public final Optional<Page<T>> nextPage() {
        return caller.nextPageParams(params, wire)
                .map(following -> next(caller, operation, following, caller.call(operation, following)));
    }

    /** Every item of this and the following pages, fetched lazily. */
    public final Iterable<T> autoPager() {
        return () -> new Iterator<T>() {
            private Page<T> page = Page.this;
            private Iterator<T> items = page.items().iterator();

            @Override
            public boolean hasNext() {
                while (!items.hasNext()) {
                    Optional<Page<T>> following = page.nextPage();
                    if (following.isEmpty()) {
                        return false;
                    }
                    page = following.get();
                    items = page.items().iterator();
                }
                return true;
            }

            @Override
            public T next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return items.next();
            }
        };
    }

    /** {@link #autoPager()} as a sequential stream. */
    public final Stream<T> stream() {
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(autoPager().iterator(), Spliterator.ORDERED), false);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "{items=" + items().size() + ", hasMore=" + hasMore() + "}";
    }
}
