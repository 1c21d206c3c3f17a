package com.avara.core;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A native object lent to direct-mapped calls (a webhook verifier, an API client): given
 * back once its owner is closed and no call is in flight, or once the owner is
 * unreachable. Internal to the SDK.
 */
public final class DirectHandle {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long handle;
    private final String closedMessage;
    private final Cleaner.Cleanable release;
    /** The owner's own use plus the calls in flight; 0 once given back. */
    private final AtomicLong users = new AtomicLong(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    /** {@code release} gives the handle back; it must not hold on to {@code owner}. */
    public DirectHandle(Object owner, long handle, LongConsumer release, String closedMessage) {
        this.handle = handle;
        this.closedMessage = closedMessage;
        this.release = CLEANER.register(owner, () -> release.accept(handle));
    }

    /** The handle for one call; pair with {@link #done()}. */
    public long acquire() {
        long count;
        do {
            count = users.get();
            if (count == 0) {
                throw new IllegalStateException(closedMessage);
            }
        } while (!users.compareAndSet(count, count + 1));
        return handle;
    }

    public void done() {
        if (users.decrementAndGet() == 0) {
            release.clean();
        }
    }

    public void close() {
        if (closed.compareAndSet(false, true)) {
            done();
        }
    }
}
