package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.editing.ImageHashes;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.editing.UserPoint;

/** {@code lsa match --points [--trust-points]}: the matches follow the user's points. */
class MatchWithPointsTest {

    private static final Path SOURCE = Path.of("assets", "samples", "motorcycle_left.png");
    private static final Path TARGET = Path.of("assets", "samples", "motorcycle_right.png");

    private static Path points(Path folder, int width, int height, List<UserPoint> points) {
        Path file = folder.resolve("pair.points.json");
        PointsFile.write(file, new PointsDocument(
                new PointsDocument.ImageEntry(SOURCE.toAbsolutePath(), width, height, ImageHashes.sha256(SOURCE)),
                new PointsDocument.ImageEntry(TARGET.toAbsolutePath(), 741, 500, ""), points));
        return file;
    }

    private static UserPoint point(String id, double sx, double sy, double tx, double ty) {
        return new UserPoint(id, "", new PixelPoint(sx, sy), new PixelPoint(tx, ty), Origin.USER, true);
    }

    @Test
    void trustedPointsGiveTheirAffineMapForEveryMatch(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        // a pure shift by (-30, +12) through 4 points; every match must follow it
        Path file = points(folder, 741, 500, List.of(point("p1", 100, 100, 70, 112), point("p2", 600, 120, 570, 132),
                point("p3", 150, 400, 120, 412), point("p4", 650, 420, 620, 432)));
        Path json = folder.resolve("m.json");
        CliRun run = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--points",
                file.toString(), "--trust-points", "--json", json.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode matches = new ObjectMapper().readTree(json.toFile()).get("matches");
        assertTrue(matches.size() > 200);
        for (JsonNode m : matches) {
            double sx = m.get("source").get(0).asDouble();
            double sy = m.get("source").get(1).asDouble();
            // the corrected map is clamped to the image's pixel edge, half a pixel beyond the outer centres
            double tx = Math.max(-0.5, Math.min(740.5, sx - 30));
            double ty = Math.max(-0.5, Math.min(499.5, sy + 12));
            assertEquals(tx, m.get("target").get(0).asDouble(), 0.01, m.toString());
            assertEquals(ty, m.get("target").get(1).asDouble(), 0.01, m.toString());
        }
    }

    @Test
    void badPointsFilesAreOneLineAndExitTwo(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path wrongSize = points(folder, 640, 480, List.of(point("p1", 10, 10, 10, 10)));
        CliRun run = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--points",
                wrongSize.toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("was made for a 640x480 source image"), run.err());

        CliRun trustAlone = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--trust-points");
        assertEquals(2, trustAlone.exitCode());
        assertTrue(trustAlone.err().contains("--trust-points needs --points"), trustAlone.err());

        Path broken = folder.resolve("broken.json");
        Files.writeString(broken, "[1, 2");
        CliRun bad = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--points",
                broken.toString());
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains(broken.toString()) && bad.err().contains("not valid JSON"), bad.err());
    }
}
