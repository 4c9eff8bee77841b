package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * Ctrl-C during {@code lsa eval}: the shutdown hook's work cancels the run and returns only once the run
 * has written what it has (here: a worker that notices the cancellation, takes 300 ms to "write", then
 * closes). The hook itself is called directly: a real SIGINT would end the test JVM.
 */
class InterruptGraceTest {

    @Test
    void theHookCancelsTheWorkAndWaitsUntilItHasWrappedUp() throws Exception {
        StringWriter messages = new StringWriter();
        InterruptGrace grace = InterruptGrace.install(new PrintWriter(messages), "writing the partial report");
        AtomicBoolean written = new AtomicBoolean();
        CountDownLatch working = new CountDownLatch(1);
        Thread run = new Thread(() -> {
            try (grace) {
                working.countDown();
                while (!grace.token().isCancelled()) {
                    Thread.onSpinWait();
                }
                Thread.sleep(300);
                written.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        run.start();
        assertTrue(working.await(10, TimeUnit.SECONDS));
        assertFalse(grace.wasInterrupted());
        long start = System.nanoTime();
        grace.interrupted();
        double waited = (System.nanoTime() - start) / 1e9;
        assertTrue(written.get(), "the hook returned before the report was written");
        assertTrue(grace.wasInterrupted());
        assertTrue(waited >= 0.25 && waited < InterruptGrace.GRACE_SECONDS, "waited " + waited + " s");
        assertEquals("lsa: interrupted; writing the partial report (at most " + InterruptGrace.GRACE_SECONDS + " s)",
                messages.toString().strip());
        run.join(10_000);
    }

    @Test
    void closingWithoutAnInterruptRemovesTheHook() {
        InterruptGrace registered = InterruptGrace.install(new PrintWriter(new StringWriter()), "nothing");
        assertTrue(Runtime.getRuntime().removeShutdownHook(registered.hook()), "install() registers the hook");
        InterruptGrace grace = InterruptGrace.install(new PrintWriter(new StringWriter()), "nothing");
        grace.close();
        assertFalse(grace.wasInterrupted());
        assertFalse(Runtime.getRuntime().removeShutdownHook(grace.hook()), "close() already removed the hook");
    }
}
