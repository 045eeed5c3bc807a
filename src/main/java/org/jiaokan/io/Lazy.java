package org.jiaokan.io;

import java.io.IOException;

/**
 * A value made on its first use, which may take reading files: made once and kept (null included); a making that
 * fails throws, and the next use tries again. Safe to share between threads.
 */
public final class Lazy<T> {
    /** What makes the value. */
    public interface Maker<T> {
        T make() throws IOException;
    }

    private final Maker<T> maker;
    private boolean made;
    private T value;

    private Lazy(Maker<T> maker) {
        this.maker = maker;
    }

    public static <T> Lazy<T> of(Maker<T> maker) {
        return new Lazy<>(maker);
    }

    public synchronized T get() throws IOException {
        if (!made) {
            value = maker.make();
            made = true;
        }
        return value;
    }
}
