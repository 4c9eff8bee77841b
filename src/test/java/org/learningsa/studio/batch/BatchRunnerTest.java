package org.learningsa.studio.batch;

import org.learningsa.studio.core.Shard;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;

/** The runner in process: an interrupted run resumes where it stopped, leftovers of a killed row are cleared. */
class BatchRunnerTest {

    @TempDir
    Path dir;

    private List<BatchRow> rows(int count) throws Exception {
        Random random = new Random(7);
        StringBuilder csv = new StringBuilder("source,target\n");
        for (int i = 0; i < count + 1; i++) {
            RectangleImages.write(dir.resolve("img" + i + ".png"), 120, 90, random);
        }
        for (int i = 1; i <= count; i++) {
            csv.append("img0.png,img").append(i).append(".png\n");
        }
        Files.writeString(dir.resolve("pairs.csv"), csv);
        return PairsCsv.read(dir.resolve("pairs.csv"));
    }

    private static BatchSettings settings() {
        return new BatchSettings(Readout.FUSED, Mapping.EXACT, ConfidenceKind.PEAK_PROBABILITY, 0, null, null, false, false, true, null);
    }

    @Test
    void aRunStoppedAfterItsFirstRowGoesOnFromTheSecondAndLeavesNoPartialFolder() throws Exception {
        List<BatchRow> rows = rows(3);
        BatchFolder folder = new BatchFolder(dir.resolve("out"));
        CancelToken cancel = new CancelToken();
        List<String> stages = new ArrayList<>();
        // cancelled while the second row is being aligned, as Ctrl-C or a scheduler's SIGTERM does
        ProgressListener progress = (stage, fraction) -> {
            stages.add(stage);
            if (stage.startsWith("row 2 ") && stage.contains("describing the target")) {
                cancel.cancel();
            }
        };
        BatchSummary first = new BatchRunner(new DefaultAligner(), settings(), folder).run(rows, Shard.ALL, progress,
                cancel, o -> { });
        assertFalse(first.complete());
        assertEquals(1, first.done());
        assertEquals(2, first.notReached());
        assertTrue(Files.isRegularFile(folder.rowFolder("0001").resolve("matches.json")));
        assertFalse(Files.exists(folder.rowFolder("0002")), "the interrupted row has no folder");
        assertEquals(List.of("0001", "index.csv"), names(folder.root()), "nothing partial is left");
        List<String> index = Files.readAllLines(folder.index());
        assertTrue(index.get(1).startsWith("1,0001,done,") && index.get(2).startsWith("2,0002,pending,"), index.toString());
        long firstWritten = Files.getLastModifiedTime(folder.rowFolder("0001").resolve("matches.json")).toMillis();

        List<RowOutcome> outcomes = new ArrayList<>();
        BatchSummary second = new BatchRunner(new DefaultAligner(), settings(), folder).run(rows, Shard.ALL,
                ProgressListener.NONE, CancelToken.NEVER, outcomes::add);
        assertTrue(second.complete());
        assertEquals(1, second.alreadyDone());
        assertEquals(2, second.done());
        assertEquals(RowOutcome.Status.ALREADY_DONE, outcomes.get(0).status());
        assertEquals(firstWritten, Files.getLastModifiedTime(folder.rowFolder("0001").resolve("matches.json")).toMillis());
        assertEquals(List.of("0001", "0002", "0003", "index.csv"), names(folder.root()));
    }

    @Test
    void whatAKilledRowLeftIsClearedAndAFolderOfTheUsersIsNeverReplaced() throws Exception {
        List<BatchRow> rows = rows(2);
        BatchFolder folder = new BatchFolder(dir.resolve("out"));
        folder.create();
        // kill -9 in the middle of row 1: its files half written in .partial.0001/
        Path leftover = Files.createDirectories(folder.root().resolve(".partial.0001"));
        Files.writeString(leftover.resolve("matches.json"), "{\"model\": ");
        // a folder the run did not write, under row 2's name
        Files.createDirectories(folder.rowFolder("0002"));
        Files.writeString(folder.rowFolder("0002").resolve("notes.txt"), "mine");
        List<RowOutcome> outcomes = new ArrayList<>();
        BatchSummary summary = new BatchRunner(new DefaultAligner(), settings(), folder).run(rows, Shard.ALL,
                ProgressListener.NONE, CancelToken.NEVER, outcomes::add);
        assertEquals(1, summary.done());
        assertEquals(1, summary.failed().size());
        assertTrue(summary.failed().get(0).message().contains("is not a row folder of a batch run"),
                summary.failed().get(0).message());
        assertEquals("mine", Files.readString(folder.rowFolder("0002").resolve("notes.txt")));
        assertEquals(List.of("0001", "0002", "index.csv"), names(folder.root()));
        assertTrue(new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                folder.rowFolder("0001").resolve("matches.json").toFile()).has("matches"));
    }

    @Test
    void rowsSharingASourceRunOneAfterTheOther() {
        Path a = Path.of("/a.png");
        Path b = Path.of("/b.png");
        List<BatchRow> rows = List.of(new BatchRow(1, 2, "1", a, b, null), new BatchRow(2, 3, "2", b, a, null),
                new BatchRow(3, 4, "3", a, a, null));
        assertEquals(List.of("1", "3", "2"), BatchRunner.groupedBySource(rows).stream().map(BatchRow::name).toList());
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> !n.equals(".failed")).sorted().toList();
        }
    }
}
