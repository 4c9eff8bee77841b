package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.editing.UserPoint;

/** {@code --points} files a careless or hostile user gives: one line naming the file, exit 2; or a sensible result. */
class HostilePointsFilesTest {

    private static final Path SOURCE = Path.of("assets", "samples", "motorcycle_left.png");
    private static final Path TARGET = Path.of("assets", "samples", "motorcycle_right.png");

    private static CliRun match(Path points, Path json) {
        return CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--points",
                points.toString(), "--json", json.toString());
    }

    private static void assertOneLineExitTwo(CliRun run, Path file, String problem) {
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains(file.toString()) && run.err().contains(problem), run.err());
        assertEquals(1, run.err().strip().lines().count(), "one line and no work before it: " + run.err());
        assertFalse(run.err().contains("Exception"), run.err());
    }

    @Test
    void hostileFilesEndInOneLine(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path json = folder.resolve("m.json");

        Path nested = folder.resolve("nested.json");
        Files.writeString(nested, "{\"version\":1,\"points\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertOneLineExitTwo(match(nested, json), nested, "nests deeper than");

        Path huge = folder.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
            sparse.setLength(3L << 30);
        }
        assertOneLineExitTwo(match(huge, json), huge, "a points file may have at most");

        Path directory = Files.createDirectory(folder.resolve("dir.points.json"));
        assertOneLineExitTwo(match(directory, json), directory, "is a folder, not a file");
        assertFalse(Files.exists(json), "nothing written on bad input");
    }

    @Test
    void aDoubleClickKeepsTheLaterPointAndSaysSo(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        UserPoint first = new UserPoint("p1", "", new PixelPoint(300, 200), new PixelPoint(330, 230), Origin.USER, true);
        UserPoint second = new UserPoint("p2", "", new PixelPoint(300.001, 200), new PixelPoint(270, 190), Origin.USER, true);
        Path both = write(folder.resolve("both.json"), List.of(first, second));
        Path laterOnly = write(folder.resolve("later.json"), List.of(second));

        CliRun run = match(both, folder.resolve("both-m.json"));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("points p1 and p2 lie 0.00100 px apart in the source image")
                && run.err().contains("p2, the later, is used"), run.err());
        assertEquals(0, match(laterOnly, folder.resolve("later-m.json")).exitCode());
        // the whole match list is the one of the later point alone: nothing thrown hundreds of pixels away
        JsonNode withBoth = new ObjectMapper().readTree(folder.resolve("both-m.json").toFile()).get("matches");
        JsonNode withLater = new ObjectMapper().readTree(folder.resolve("later-m.json").toFile()).get("matches");
        assertEquals(withLater.size(), withBoth.size());
        for (int i = 0; i < withLater.size(); i++) {
            // source → target is the later point's alone; "mutual" reads target → source, where both points stay
            for (String field : List.of("source", "target", "confidence")) {
                assertEquals(withLater.get(i).get(field), withBoth.get(i).get(field), field + " of " + withBoth.get(i));
            }
        }
    }

    private static Path write(Path file, List<UserPoint> points) {
        PointsFile.write(file, new PointsDocument(new PointsDocument.ImageEntry(SOURCE.toAbsolutePath(), 741, 500, ""),
                new PointsDocument.ImageEntry(TARGET.toAbsolutePath(), 741, 500, ""), points));
        return file;
    }
}
