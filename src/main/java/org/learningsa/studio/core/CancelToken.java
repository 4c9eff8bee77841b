package org.learningsa.studio.core;

/**
 * Cooperative cancellation: long work calls {@link #throwIfCancelled()} between stages, the UI's
 * Cancel button (or Ctrl-C in the CLI) calls {@link #cancel()}. Native calls cannot be interrupted,
 * so a stage that is running finishes before the work stops.
 */
public final class CancelToken {

    /** A token that is never cancelled. */
    public static final CancelToken NEVER = new CancelToken();

    private volatile boolean cancelled;

    public void cancel() {
        if (this != NEVER) {
            cancelled = true;
        }
    }

    public boolean isCancelled() {
        return cancelled;
    }

    public void throwIfCancelled() {
        if (cancelled) {
            throw new CancelledException();
        }
    }
}
