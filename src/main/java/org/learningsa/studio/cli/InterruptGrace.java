package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.learningsa.studio.core.CancelToken;

/**
 * Ctrl-C (or a plain kill) during long work: a shutdown hook cancels the work's {@link CancelToken} and holds
 * the JVM's shutdown until the work has wrapped up (e.g. written a partial report) and {@link #close() closed}
 * this, at most {@link #GRACE_SECONDS}. A second Ctrl-C does not shorten the wait; a kill -9 does.
 */
final class InterruptGrace implements AutoCloseable {

    /** Long enough for a network stage in flight to end on a CPU (a native call cannot be interrupted). */
    static final long GRACE_SECONDS = 120;

    private final CancelToken cancel = new CancelToken();
    private final CountDownLatch wrappedUp = new CountDownLatch(1);
    private final PrintWriter err;
    private final String whatHappensNow;
    private final Thread hook;

    /**
     * @param whatHappensNow told the user on Ctrl-C, e.g. "stopping the pair in progress and writing the report of the pairs done so far"
     */
    private InterruptGrace(PrintWriter err, String whatHappensNow) {
        this.err = err;
        this.whatHappensNow = whatHappensNow;
        this.hook = new Thread(this::interrupted, "lsa-interrupt");
    }

    /** Installs the shutdown hook; close it when the work has wrapped up. */
    static InterruptGrace install(PrintWriter err, String whatHappensNow) {
        InterruptGrace grace = new InterruptGrace(err, whatHappensNow);
        try {
            Runtime.getRuntime().addShutdownHook(grace.hook);
        } catch (IllegalStateException shutdownInProgress) {
            // Ctrl-C came before the work began: it is cancelled from the start and stops at its first check
            grace.cancel.cancel();
        }
        return grace;
    }

    /** The token the work checks. */
    CancelToken token() {
        return cancel;
    }

    /** The shutdown hook (registered until {@link #close()}). */
    Thread hook() {
        return hook;
    }

    /** Whether the user interrupted the work. */
    boolean wasInterrupted() {
        return cancel.isCancelled();
    }

    /** The shutdown hook's work: cancel, then wait for the work to wrap up. */
    void interrupted() {
        cancel.cancel();
        err.println();
        err.println("lsa: interrupted; " + whatHappensNow + " (at most " + GRACE_SECONDS + " s)");
        err.flush();
        try {
            if (!wrappedUp.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                err.println("lsa: gave up waiting; nothing more was written");
                err.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The work has wrapped up: lets a pending shutdown go on, or removes the hook when there was none. */
    @Override
    public void close() {
        wrappedUp.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running (Ctrl-C): it returns now that the work has wrapped up
        }
    }
}
