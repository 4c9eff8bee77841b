package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lsa batch} end to end with the weight-free default aligner on copies of the sample images: shards equal
 * one run, a run killed with SIGKILL resumes without redoing a finished row and leaves no partial file, bad rows
 * are reported by number and set the exit code.
 */
class BatchCommandTest {

    private static final Path SAMPLES = Path.of("assets", "samples");

    @TempDir
    Path dir;

    /** Five good rows (three share apple.jpg as source) and one whose target is missing. */
    private Path pairs() throws IOException {
        assumeTrue(Files.isDirectory(SAMPLES), "sample images not found (run from the project folder)");
        Path images = Files.createDirectories(dir.resolve("in/images"));
        for (String name : List.of("apple.jpg", "orange.jpg", "dog.jpg", "horses.jpg")) {
            // a quarter of the samples' size keeps the sub-cell refinement and the warp quick
            java.awt.image.BufferedImage full = javax.imageio.ImageIO.read(SAMPLES.resolve(name).toFile());
            java.awt.image.BufferedImage small = new java.awt.image.BufferedImage(full.getWidth() / 4,
                    full.getHeight() / 4, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = small.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION,
                    java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(full, 0, 0, small.getWidth(), small.getHeight(), null);
            g.dispose();
            javax.imageio.ImageIO.write(small, "png", images.resolve(name).toFile());
        }
        Path csv = dir.resolve("in/pairs.csv");
        Files.writeString(csv, """
                source,target,name
                images/apple.jpg,images/orange.jpg,apple-orange
                images/dog.jpg,images/horses.jpg,
                images/apple.jpg,images/dog.jpg,apple-dog
                images/apple.jpg,images/missing.jpg,broken
                images/orange.jpg,images/apple.jpg,orange-apple
                images/apple.jpg,images/horses.jpg,apple-horses
                """);
        return csv;
    }

    // three runs of six rows, two of them at once: 25 s on the shared 2-core machine
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void twoShardsAtOnceWriteWhatOneRunWritesRowForRow() throws Exception {
        Path csv = pairs();
        Path single = dir.resolve("single");
        CliRun one = CliRun.of("batch", "--pairs", csv.toString(), "--out", single.toString(), "--default-aligner",
                "--device", "cpu", "--warped", "--flow");
        assertEquals(BatchCommand.EXIT_ROWS_FAILED, one.exitCode(), one.err());
        assertTrue(one.err().contains("row 4 (broken, line 5) failed: the target image"), one.err());
        assertTrue(one.out().contains("5 rows now, 0 already done, 1 failed (row 4)"), one.out());

        Path sharded = dir.resolve("sharded");
        CompletableFuture<CliRun> first = CompletableFuture.supplyAsync(() -> CliRun.of("batch", "--pairs", csv.toString(),
                "--out", sharded.toString(), "--default-aligner", "--device", "cpu", "--warped", "--flow", "--shard", "0/2"));
        CompletableFuture<CliRun> second = CompletableFuture.supplyAsync(() -> CliRun.of("batch", "--pairs", csv.toString(),
                "--out", sharded.toString(), "--default-aligner", "--device", "cpu", "--warped", "--flow", "--shard", "1/2"));
        CliRun shard0 = first.get(5, TimeUnit.MINUTES);
        CliRun shard1 = second.get(5, TimeUnit.MINUTES);
        // rows 1, 3, 5 and rows 2, 4 (the broken one), 6
        assertEquals(0, shard0.exitCode(), shard0.err());
        assertTrue(shard0.out().contains("shard 0/2 takes 3"), shard0.out());
        assertEquals(BatchCommand.EXIT_ROWS_FAILED, shard1.exitCode(), shard1.err());

        Map<String, byte[]> expected = rowFiles(single);
        Map<String, byte[]> actual = rowFiles(sharded);
        assertEquals(expected.keySet(), actual.keySet());
        assertEquals(20, expected.size(), "5 rows x matches.json, warped.png, flow.npy, row.json: " + expected.keySet());
        for (String file : expected.keySet()) {
            if (!file.endsWith("row.json")) {
                assertArrayEquals(expected.get(file), actual.get(file), file);
            }
        }
        List<String> singleIndex = Files.readAllLines(single.resolve("index.csv"));
        List<String> shardedIndex = Files.readAllLines(sharded.resolve("index.csv"));
        assertEquals(7, shardedIndex.size(), "header + 6 rows: " + shardedIndex);
        assertEquals(statusColumns(singleIndex), statusColumns(shardedIndex));
        assertTrue(shardedIndex.get(2).startsWith("2,0002,done,"), shardedIndex.get(2));
        assertTrue(shardedIndex.get(4).startsWith("4,broken,failed,,,") && shardedIndex.get(4).contains("missing.jpg"),
                shardedIndex.get(4));
    }

    // a JVM of its own (PyTorch loads again) to be killed for real: 46 s on the shared 2-core machine
    @Test
    @org.junit.jupiter.api.Tag("slow")
    void aRunKilledAfterItsFirstRowResumesWithoutRedoingItAndLeavesNoPartialFile() throws Exception {
        Path csv = pairs();
        Files.writeString(csv, String.join("\n", Files.readAllLines(csv).stream()
                .filter(line -> !line.contains("missing")).toList()) + "\n");
        Path out = dir.resolve("out");
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx1g", "-cp", System.getProperty("java.class.path"), "-Dai.djl.offline=true",
                Main.class.getName(), "batch", "--pairs", csv.toString(), "--out", out.toString(),
                "--default-aligner", "--device", "cpu", "--figure", "png")
                .redirectErrorStream(true).redirectOutput(dir.resolve("killed.log").toFile()).start();
        Path firstRow = out.resolve("apple-orange");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!Files.isDirectory(firstRow) && process.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        process.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(Files.isDirectory(firstRow), "the first row finished before the kill: "
                + Files.readString(dir.resolve("killed.log")));
        List<String> first = List.of("matches.json", "figure.png", "row.json");
        for (String file : first) {
            assertTrue(Files.isRegularFile(firstRow.resolve(file)), file);
        }
        FileTime written = Files.getLastModifiedTime(firstRow.resolve("matches.json"));
        byte[] matches = Files.readAllBytes(firstRow.resolve("matches.json"));

        CliRun again = CliRun.of("batch", "--pairs", csv.toString(), "--out", out.toString(), "--default-aligner",
                "--device", "cpu", "--figure", "png");
        assertEquals(0, again.exitCode(), again.err());
        String done = again.out().lines().filter(l -> l.startsWith("Done:")).findFirst().orElseThrow();
        int redone = Integer.parseInt(done.replaceAll("^Done: +(\\d+) rows now.*", "$1"));
        int skipped = Integer.parseInt(done.replaceAll(".*, (\\d+) already done.*", "$1"));
        assertTrue(skipped >= 1 && redone >= 1 && redone + skipped == 5, "the kill came part way: " + done);
        assertEquals(written, Files.getLastModifiedTime(firstRow.resolve("matches.json")), "the first row was not redone");
        assertArrayEquals(matches, Files.readAllBytes(firstRow.resolve("matches.json")));
        try (Stream<Path> entries = Files.list(out)) {
            List<String> names = entries.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of("0002", "apple-dog", "apple-horses", "apple-orange", "index.csv", "orange-apple"), names,
                    "no .partial.* folder is left");
        }
        for (Path row : rowFolders(out)) {
            try (Stream<Path> files = Files.list(row)) {
                assertEquals(List.of("figure.png", "matches.json", "row.json"),
                        files.map(p -> p.getFileName().toString()).sorted().toList(), row + " holds exactly its files");
            }
        }
        assertTrue(Files.readAllLines(out.resolve("index.csv")).stream().skip(1).allMatch(l -> l.contains(",done,")));
    }

    @Test
    void matchesJsonIsWhatLsaMatchWrites() throws Exception {
        Path csv = pairs();
        Path out = dir.resolve("out");
        CliRun batch = CliRun.of("batch", "--pairs", csv.toString(), "--out", out.toString(), "--default-aligner",
                "--device", "cpu", "--readout", "2", "--confidence", "fb", "--top", "30", "--shard", "2/3", "--flow",
                "--warped");
        assertEquals(0, batch.exitCode(), batch.err());
        Path json = dir.resolve("match.json");
        CliRun match = CliRun.of("match", dir.resolve("in/images/apple.jpg").toString(),
                dir.resolve("in/images/dog.jpg").toString(), "--default-aligner", "--device", "cpu", "--readout", "2",
                "--confidence", "fb", "--top", "30", "--json", json.toString(), "--flow", dir.resolve("flow.npy").toString(),
                "--warped", dir.resolve("warped.png").toString());
        assertEquals(0, match.exitCode(), match.err());
        JsonNode expected = new ObjectMapper().readTree(json.toFile());
        JsonNode actual = new ObjectMapper().readTree(out.resolve("apple-dog/matches.json").toFile());
        assertEquals(expected, actual);
        // the dense outputs through the same code as lsa match --flow / --warped (refined map by default)
        assertArrayEquals(Files.readAllBytes(dir.resolve("flow.npy")), Files.readAllBytes(out.resolve("apple-dog/flow.npy")));
        assertArrayEquals(Files.readAllBytes(dir.resolve("warped.png")),
                Files.readAllBytes(out.resolve("apple-dog/warped.png")));
        assertFalse(Files.exists(out.resolve("0002")), "row 2 belongs to shard 1/3");
        JsonNode record = new ObjectMapper().readTree(out.resolve("apple-dog/row.json").toFile());
        double mean = 0;
        for (JsonNode m : actual.get("matches")) {
            mean += m.get("confidence").asDouble() / actual.get("matches").size();
        }
        assertEquals(mean, record.get("mean_confidence").asDouble(), 1e-5, "the mean of the written confidences");
    }

    @Test
    void keypointsOnTheSourceAreTransferredToEveryTargetAsEditorPoints() throws Exception {
        Path csv = pairs();
        Files.writeString(csv, """
                source,target,name
                images/apple.jpg,images/apple.jpg,itself
                images/dog.jpg,images/horses.jpg,other
                images/apple.jpg,images/orange.jpg,orange
                """);
        Path keypoints = dir.resolve("in/keypoints.json");
        Files.writeString(keypoints, """
                {"image": "images/apple.jpg", "points": [{"name": "stem", "x": 40, "y": 20},
                                                         {"name": "left side", "x": 20.5, "y": 50}]}
                """);
        Path out = dir.resolve("out");
        CliRun run = CliRun.of("batch", "--pairs", csv.toString(), "--out", out.toString(), "--default-aligner",
                "--device", "cpu", "--keypoints", keypoints.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertFalse(Files.exists(out.resolve("other/points.json")), "dog.jpg is not the keypoints' image");
        org.learningsa.studio.editing.PointsDocument itself =
                org.learningsa.studio.editing.PointsFile.read(out.resolve("itself/points.json"));
        assertEquals(2, itself.points().size());
        for (org.learningsa.studio.editing.UserPoint point : itself.points()) {
            assertEquals(org.learningsa.studio.editing.Origin.TRANSFERRED, point.origin());
            assertFalse(point.locked());
            assertTrue(point.confidence() >= 0 && point.confidence() <= 1, point.toString());
            // an image matched with itself: the default aligner puts each point back where it was (within 2 px
            // of an image a quarter of the sample's size: its sub-cell refinement is exact on identical content)
            assertEquals(point.source().x(), point.target().x(), 2.0, point.toString());
            assertEquals(point.source().y(), point.target().y(), 2.0, point.toString());
        }
        assertEquals("left side", itself.points().get(1).label());
        assertEquals(dir.resolve("in/images/apple.jpg").toAbsolutePath(), itself.source().path(),
                "the image paths survive the move from the partial folder");
        List<String> lines = Files.readAllLines(out.resolve("keypoints.csv"));
        assertEquals(5, lines.size(), "header + 2 rows x 2 keypoints: " + lines);
        assertEquals("row,name,keypoint,x,y,confidence", lines.get(0));
        org.learningsa.studio.editing.UserPoint stem = org.learningsa.studio.editing.PointsFile
                .read(out.resolve("orange/points.json")).points().get(0);
        assertEquals(String.format(java.util.Locale.ROOT, "3,orange,stem,%.3f,%.3f,%.6f", stem.target().x(),
                stem.target().y(), stem.confidence()), lines.get(3));
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws Exception {
        Path csv = dir.resolve("pairs.csv");
        Files.writeString(csv, "left,right\na.jpg,b.jpg\n");
        CliRun noColumns = CliRun.of("batch", "--pairs", csv.toString(), "--out", dir.resolve("o").toString(),
                "--default-aligner");
        assertEquals(2, noColumns.exitCode());
        assertTrue(noColumns.err().contains("needs a header line naming the columns source and target"), noColumns.err());
        CliRun badShard = CliRun.of("batch", "--pairs", csv.toString(), "--out", dir.resolve("o").toString(),
                "--default-aligner", "--shard", "2/2");
        assertEquals(2, badShard.exitCode());
        assertTrue(badShard.err().contains("0 <= I < N, got 2/2"), badShard.err());
        assertFalse(Files.exists(dir.resolve("o")), "a usage error writes nothing");
    }

    private static List<String> statusColumns(List<String> index) {
        List<String> rows = new ArrayList<>();
        for (String line : index) {
            String[] cells = line.split(",", -1);
            rows.add(cells[0] + "," + cells[1] + "," + cells[2]);
        }
        return rows;
    }

    private static List<Path> rowFolders(Path out) throws IOException {
        try (Stream<Path> entries = Files.list(out)) {
            return entries.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** Every file of every row folder, by "row/file". */
    private static Map<String, byte[]> rowFiles(Path out) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        for (Path row : rowFolders(out)) {
            try (Stream<Path> entries = Files.list(row)) {
                for (Path file : entries.toList()) {
                    files.put(row.getFileName() + "/" + file.getFileName(), Files.readAllBytes(file));
                }
            }
        }
        return files;
    }
}
