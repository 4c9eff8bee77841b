package org.learningsa.studio.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C while a save is being written: the exit's clean-up must not delete the temporary under the writer (the
 * folder would keep last.pt without state.pt), and a first use of the class during shutdown must not fail. The
 * hook's work is called directly: a real SIGINT would end the test JVM.
 */
class AtomicFilesAtExitTest {

    @TempDir
    Path folder;

    @Test
    void theExitWaitsForAWriteInFlightInsteadOfDeletingItsTemporary() throws Exception {
        Path state = folder.resolve("state.pt");
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch exitStarted = new CountDownLatch(1);
        AtomicLong writtenAt = new AtomicLong();
        Thread saver = new Thread(() -> AtomicFiles.write(state, out -> {
            writing.countDown();
            try {
                exitStarted.await(10, TimeUnit.SECONDS);
                Thread.sleep(300); // the rest of a large write, while the exit's clean-up runs
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            out.write("the whole state".getBytes(StandardCharsets.UTF_8));
            writtenAt.set(System.nanoTime());
        }));
        saver.start();
        assertTrue(writing.await(10, TimeUnit.SECONDS));
        exitStarted.countDown();
        AtomicFiles.deleteInFlightAtExit(10_000);
        long exitEnded = System.nanoTime();
        saver.join(10_000);
        assertEquals("the whole state", Files.readString(state), "the save completed");
        assertTrue(writtenAt.get() > 0 && writtenAt.get() <= exitEnded, "the clean-up waited for the writer");
        try (var files = Files.list(folder)) {
            assertEquals(1, files.count(), "no temporary left");
        }
    }

    @Test
    void aFirstUseDuringShutdownDoesNotFailTheClass() {
        assertFalse(AtomicFiles.installCleanupHook(hook -> {
            throw new IllegalStateException("Shutdown in progress");
        }));
    }
}
