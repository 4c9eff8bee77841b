package org.learningsa.studio.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsLogTest {

    @TempDir
    Path tmp;

    private static StepMetrics step(long n, int epoch) {
        return new StepMetrics(n, epoch, (int) n - 1, 3e-5, 10.5 + n, 1, 2, 3, 4, 0.5 + n, 1234.5, n == 2 ? 1 : 0);
    }

    @Test
    void writesOneFlushedJsonObjectPerLineInTheIssuesLayout() throws Exception {
        Path file = tmp.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file, -1)) {
            log.write(step(1, 0));
            // flushed: a reader sees the line while the log is still open
            assertEquals(1, MetricsLog.read(file).size());
            log.write(new ValidationMetrics(0, 0.5, null));
        }
        List<String> lines = Files.readAllLines(file);
        assertEquals(2, lines.size());
        assertEquals("{\"kind\":\"step\",\"step\":1,\"epoch\":0,\"pair\":0,\"lr\":3.0E-5,\"loss\":11.5,\"loss_fused\":1.0,"
                + "\"loss_level1\":2.0,\"loss_level2\":3.0,\"loss_level3\":4.0,\"loss_level4\":1.5,\"time_ms\":1234.5,"
                + "\"zero_distance_points\":0}", lines.get(0));
        assertEquals("{\"kind\":\"validation\",\"epoch\":0,\"pck_val_0.10\":0.5,\"pck_test_0.05\":null}", lines.get(1));
        List<MetricsLog.Entry> read = MetricsLog.read(file);
        assertEquals(step(1, 0), read.get(0));
        ValidationMetrics v = assertInstanceOf(ValidationMetrics.class, read.get(1));
        assertEquals(0.5, v.pckVal010());
        assertNull(v.pckTest005());
    }

    @Test
    void readIgnoresAPartiallyWrittenLastLineAndUnknownKinds() throws Exception {
        Path file = tmp.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file, -1)) {
            log.write(step(1, 0));
        }
        Files.writeString(file, "{\"kind\":\"future\",\"x\":1}\n{\"kind\":\"step\",\"step\":2,\"epo", StandardCharsets.UTF_8,
                StandardOpenOption.APPEND);
        List<MetricsLog.Entry> read = MetricsLog.read(file);
        assertEquals(List.of(step(1, 0)), read);
        assertEquals(List.of(), MetricsLog.read(tmp.resolve("absent.jsonl")));
    }

    @Test
    void resumingDropsWhatAKilledRunLoggedAfterItsSavedState() {
        Path file = tmp.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file, -1)) {
            log.write(step(1, 0));
            log.write(step(2, 0));
            log.write(new ValidationMetrics(0, 0.1, 0.2));
            log.write(step(3, 1));
        }
        try (MetricsLog log = MetricsLog.open(file, 2)) {
            log.write(step(3, 1));
        }
        List<MetricsLog.Entry> read = MetricsLog.read(file);
        assertEquals(List.of(step(1, 0), step(2, 0), new ValidationMetrics(0, 0.1, 0.2), step(3, 1)), read);
        assertEquals(3, MetricsLog.steps(read).size());
    }

    @Test
    void resumingKeepsWhatItCanReadOfADamagedLogAndSaysWhat() throws Exception {
        Path file = tmp.resolve("metrics.jsonl");
        try (MetricsLog log = MetricsLog.open(file, -1)) {
            log.write(step(1, 0));
        }
        byte[] notUtf8 = {'{', '"', 'k', (byte) 0xff, (byte) 0xfe, '}', '\n'};
        Files.write(file, notUtf8, StandardOpenOption.APPEND);
        Files.writeString(file, "x".repeat(200_000) + "\n", StandardOpenOption.APPEND);
        try (MetricsLog log = MetricsLog.open(file, -1 + 2)) {
            log.write(step(2, 0));
        }
        assertEquals(List.of(step(1, 0), step(2, 0)), MetricsLog.read(file));
        java.util.List<String> notes = new java.util.ArrayList<>();
        Files.write(file, notUtf8, StandardOpenOption.APPEND);
        MetricsLog.open(file, 2, notes::add).close();
        assertEquals(1, notes.size(), notes.toString());
        assertTrue(notes.get(0).contains("kept 2 entries up to step 2; left out unreadable lines: 1 not UTF-8"),
                notes.get(0));
    }

    /** ~25 s on the shared 2-core machine (reading 3 GB, even of holes, is the cost): tagged slow. */
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void threeGigabytesOfZerosAreScannedInBoundedMemory() throws Exception {
        Path file = tmp.resolve("metrics.jsonl");
        try (java.io.RandomAccessFile zeros = new java.io.RandomAccessFile(file.toFile(), "rw")) {
            zeros.setLength(3L << 30); // sparse: no disk used; before, one 3 GB "line" ended in OutOfMemoryError
        }
        long started = System.nanoTime();
        java.util.List<String> notes = new java.util.ArrayList<>();
        MetricsLog.open(file, 0, notes::add).close();
        assertEquals(0, Files.size(file), "nothing readable was kept");
        assertTrue(notes.get(0).contains("a last line without its end"), notes.toString());
        assertTrue(System.nanoTime() - started < 60_000_000_000L, "scanned in bounded time");
    }
}
