package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.data.BenchmarkFolders;

/**
 * {@code lsa eval --shard I/N} and {@code --merge}: the merge of the shards' partial reports is the report one run
 * writes (every field but the wall time), also with a dataset row skipped when read and a pair skipped during the
 * evaluation; parts of different runs, a shard given twice, a missing or an interrupted shard are refused.
 */
class EvalShardMergeTest {

    @TempDir
    Path dir;

    private static final ObjectMapper JSON = new ObjectMapper();

    private List<String> evalArgs(String... more) {
        List<String> args = new ArrayList<>(List.of("eval", "--benchmark", "pf-pascal", "--data", dir.toString(),
                "--device", "cpu"));
        args.addAll(List.of(more));
        return args;
    }

    private CliRun eval(String... more) {
        return CliRun.of(evalArgs(more).toArray(String[]::new));
    }

    @Test
    void theMergedShardsAreTheReportOfOneRun() throws Exception {
        BenchmarkFolders.writePascal(dir, 5);
        // row 4 cannot be read (skipped by the dataset), pair 2's target is no image (skipped while evaluating)
        Files.delete(dir.resolve("data/PF_Pascal/JPEGImages/2009_000006.jpg"));
        Files.writeString(dir.resolve("data/PF_Pascal/JPEGImages/2009_000003.jpg"), "not an image");
        Path single = dir.resolve("single.json");
        CliRun one = eval("--report", single.toString());
        assertEquals(0, one.exitCode(), one.err());

        List<Path> parts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Path part = dir.resolve("part" + i + ".json");
            CliRun shard = eval("--shard", i + "/2", "--report", part.toString());
            assertEquals(0, shard.exitCode(), shard.err());
            assertTrue(shard.out().contains("Shard:     " + i + "/2: "), shard.out());
            parts.add(part);
        }
        Path merged = dir.resolve("merged.json");
        Path csv = dir.resolve("merged.csv");
        // the parts in any order
        CliRun merge = CliRun.of("eval", "--merge", parts.get(1).toString(), parts.get(0).toString(), "--report",
                merged.toString(), "--csv-out", csv.toString());
        assertEquals(0, merge.exitCode(), merge.err());
        assertTrue(merge.out().contains("Merged:    2 shards, 3 pairs evaluated, 2 skipped"), merge.out());

        ObjectNode expected = (ObjectNode) JSON.readTree(single.toFile());
        ObjectNode actual = (ObjectNode) JSON.readTree(merged.toFile());
        assertEquals(3, expected.get("pairs").size());
        assertEquals(2, expected.get("skipped").size());
        expected.remove("seconds");
        actual.remove("seconds");
        assertEquals(expected, actual);
        assertEquals(4, Files.readAllLines(csv).size(), "header + 3 pairs");
    }

    @Test
    void partsOfDifferentRunsAreRefusedNamingTheField() throws Exception {
        BenchmarkFolders.writePascal(dir, 3);
        Path part0 = dir.resolve("part0.json");
        Path part1 = dir.resolve("part1.json");
        Path bbox = dir.resolve("bbox1.json");
        Path other = dir.resolve("three1.json");
        assertEquals(0, eval("--shard", "0/2", "--limit", "2", "--report", part0.toString()).exitCode());
        assertEquals(0, eval("--shard", "1/2", "--limit", "2", "--report", part1.toString()).exitCode());
        assertEquals(0, eval("--shard", "1/2", "--limit", "2", "--threshold", "bbox", "--report", bbox.toString())
                .exitCode());
        assertEquals(0, eval("--shard", "1/3", "--limit", "2", "--report", other.toString()).exitCode());
        Path out = dir.resolve("merged.json");

        CliRun threshold = CliRun.of("eval", "--merge", part0.toString(), bbox.toString(), "--report", out.toString());
        assertEquals(2, threshold.exitCode());
        assertTrue(threshold.err().contains("threshold differs: 'image-size' vs 'bbox'"), threshold.err());
        CliRun count = CliRun.of("eval", "--merge", part0.toString(), other.toString(), "--report", out.toString());
        assertTrue(count.err().contains("shard count differs: '2' vs '3'"), count.err());
        CliRun twice = CliRun.of("eval", "--merge", part0.toString(), part0.toString(), "--report", out.toString());
        assertTrue(twice.err().contains("are both shard 0/2"), twice.err());
        CliRun missing = CliRun.of("eval", "--merge", part0.toString(), "--report", out.toString());
        assertTrue(missing.err().contains("shard 1/2 is missing"), missing.err());
        CliRun full = CliRun.of("eval", "--merge", part0.toString(), dir.resolve("full.json").toString(), "--report",
                out.toString());
        assertEquals(2, full.exitCode());
        assertFalse(Files.exists(out), "nothing merged, nothing written");

        ObjectNode interrupted = (ObjectNode) JSON.readTree(part1.toFile());
        interrupted.put("complete", false);
        Files.writeString(part1, JSON.writeValueAsString(interrupted));
        CliRun incomplete = CliRun.of("eval", "--merge", part0.toString(), part1.toString(), "--report", out.toString());
        assertTrue(incomplete.err().contains("interrupted after 1 pairs"), incomplete.err());
        assertFalse(Files.exists(out));
    }
}
