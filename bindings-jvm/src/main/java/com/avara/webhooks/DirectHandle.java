package com.avara.webhooks;

import java.lang.ref.Cleaner;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A native verifier lent to {@link DirectCalls}: given back once its owner is closed and
 * no call is in flight, or once the owner is unreachable.
 */
final class DirectHandle {
    private static final Cleaner CLEANER = Cleaner.create();

    private final long handle;
    private final Cleaner.Cleanable release;
    /** The owner's own use plus the calls in flight; 0 once given back. */
    private final AtomicLong users = new AtomicLong(1);
    private final AtomicBoolean closed = new AtomicBoolean();

    DirectHandle(Object owner, long handle) {
        this.handle = handle;
        this.release = CLEANER.register(owner, () -> DirectCalls.avara_jvm_direct_release(handle));
    }

    /** The handle for one call; pair with {@link #done()}. */
    long acquire() {
        long count;
        do {
            count = users.get();
            if (count == 0) {
                throw new IllegalStateException("this Webhook has been closed");
            }
        } while (!users.compareAndSet(count, count + 1));
        return handle;
    }

    void done() {
        if (users.decrementAndGet() == 0) {
            release.clean();
        }
    }

    void close() {
        if (closed.compareAndSet(false, true)) {
            done();
        }
    }
}
