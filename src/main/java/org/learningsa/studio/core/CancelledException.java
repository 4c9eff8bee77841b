package org.learningsa.studio.core;

/** Thrown by work that stopped because its {@link CancelToken} was cancelled; not an error. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
