package org.learningsa.studio.ui.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetricsTailTest {

    @TempDir
    Path dir;

    @Test
    void deliversOnlyCompleteLinesAndPicksUpTheRestOfAPartialLine() {
        Path file = dir.resolve("metrics.jsonl");
        List<MetricsBatch> batches = new ArrayList<>();
        MetricsTail tail = new MetricsTail(file, batches::add);
        tail.poll();
        assertTrue(batches.isEmpty(), "a run that has not started yet has no file: nothing, no error");

        String second = MetricsFiles.stepLine(2, 2);
        MetricsFiles.append(file, MetricsFiles.stepLine(1, 2) + "\n" + second.substring(0, 40));
        tail.poll();
        assertEquals(1, batches.size());
        assertEquals(1, batches.get(0).steps().size(), "the line being written waits for its newline");
        assertEquals(1, batches.get(0).steps().get(0).step());

        MetricsFiles.append(file, second.substring(40) + "\n" + MetricsFiles.validationLine(0, 0.61, 0.42) + "\n");
        tail.poll();
        assertEquals(2, batches.size());
        assertEquals(2, batches.get(1).steps().get(0).step(), "the two halves make one line");
        assertEquals(10 / Math.sqrt(2) / 4, batches.get(1).steps().get(0).lossLevel1(), 1e-12);
        assertEquals(0.61, batches.get(1).validations().get(0).pckVal010(), 1e-12);
        tail.poll();
        assertEquals(2, batches.size(), "nothing new, nothing delivered");
    }

    @Test
    void aTruncatedFileIsReadAgainFromTheStart() throws Exception {
        Path file = dir.resolve("metrics.jsonl");
        MetricsFiles.writeRun(dir, 5, 2);
        RunCurves curves = new RunCurves();
        MetricsTail tail = new MetricsTail(file, curves::append);
        tail.poll();
        assertEquals(5, curves.size());
        // a resume drops the steps after the last saved state and rewrites the file (atomically: a new file)
        Files.delete(file);
        MetricsFiles.writeRun(dir, 2, 2);
        tail.poll();
        assertEquals(2, curves.size(), "the replaced file is shown as it is now");
        assertEquals(2, curves.lastStep());
    }

    @Test
    void readAllIgnoresTheLineStillBeingWrittenAndCountsForeignLines() {
        Path file = dir.resolve("metrics.jsonl");
        MetricsFiles.append(file, MetricsFiles.stepLine(1, 2) + "\n{\"kind\": \"start\"}\nnot json\n"
                + MetricsFiles.stepLine(2, 2).substring(0, 30));
        MetricsBatch all = MetricsTail.readAll(file);
        assertEquals(1, all.steps().size());
        assertEquals(2, all.otherLines(), "an unknown kind and a malformed line, but not the partial last line");
    }
}
