package org.learningsa.studio.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.UserFacingException;

class PointsFileTest {

    @TempDir
    Path dir;

    private PointsDocument document() {
        return new PointsDocument(new PointsDocument.ImageEntry(dir.resolve("images/a.jpg"), 640, 480, "ab12"),
                new PointsDocument.ImageEntry(dir.resolve("images/b.png"), 500, 375, ""),
                List.of(new UserPoint("p1", "left eye", new PixelPoint(12.3456, 7), new PixelPoint(499.5, 0), Origin.USER, true),
                        new UserPoint("p2", "", new PixelPoint(-0.5, 479.5), new PixelPoint(3, 4), Origin.ACCEPTED, false)));
    }

    @Test
    void roundTripsWithImagePathsRelativeToTheFile() throws Exception {
        Path file = dir.resolve("pair.points.json");
        PointsFile.write(file, document());
        String json = Files.readString(file);
        assertTrue(json.contains("\"path\" : \"images/a.jpg\""), json);
        assertTrue(json.contains("\"pixel_convention\" : \"x right, y down, pixel centres at integers, original image pixels\""));
        assertTrue(json.contains("\"origin\" : \"accepted\""), json);
        PointsDocument back = PointsFile.read(file);
        assertEquals(dir.resolve("images/a.jpg").toAbsolutePath().normalize(), back.source().path());
        assertEquals(640, back.source().width());
        assertEquals("ab12", back.source().sha256());
        assertEquals(2, back.points().size());
        UserPoint p1 = back.points().get(0);
        assertEquals("left eye", p1.label());
        assertEquals(12.346, p1.source().x(), 1e-12, "written to 1/1000 px");
        assertTrue(p1.locked());
        assertEquals(Origin.ACCEPTED, back.points().get(1).origin());
    }

    @Test
    void aBadFileIsReportedNamingItAndTheProblem() throws Exception {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, "{\"version\": 1, ");
        UserFacingException notJson = assertThrows(UserFacingException.class, () -> PointsFile.read(file));
        assertTrue(notJson.getMessage().contains(file.toString()) && notJson.getMessage().contains("not valid JSON"),
                notJson.getMessage());

        Files.writeString(file, "{\"version\": 2}");
        assertTrue(assertThrows(UserFacingException.class, () -> PointsFile.read(file)).getMessage()
                .contains("\"version\" must be 1"));

        String outside = "{\"version\":1,\"source\":{\"path\":\"a.jpg\",\"width\":10,\"height\":10},"
                + "\"target\":{\"path\":\"b.jpg\",\"width\":10,\"height\":10},"
                + "\"points\":[{\"id\":\"p1\",\"source\":[1,2],\"target\":[12,3]}]}";
        Files.writeString(file, outside);
        UserFacingException e = assertThrows(UserFacingException.class, () -> PointsFile.read(file));
        assertTrue(e.getMessage().contains("points[0] (id p1).target") && e.getMessage().contains("outside"), e.getMessage());

        Files.writeString(file, outside.replace("[12,3]", "[2,3]").replace("}]}", "},{\"id\":\"p1\",\"source\":[1,2],\"target\":[2,3]}]}"));
        assertTrue(assertThrows(UserFacingException.class, () -> PointsFile.read(file)).getMessage().contains("used twice"));

        UserFacingException missing = assertThrows(UserFacingException.class, () -> PointsFile.read(dir.resolve("none.json")));
        assertTrue(missing.getMessage().contains("does not exist"));
    }

    @Test
    void aMinimalScriptWrittenFileReads() throws Exception {
        Path file = dir.resolve("script.json");
        Files.writeString(file, "{\"version\":1,\"source\":{\"path\":null,\"width\":10,\"height\":10},"
                + "\"target\":{\"width\":20,\"height\":10},\"points\":[{\"id\":\"x\",\"source\":[1,2],\"target\":[19,3]}]}");
        PointsDocument read = PointsFile.read(file);
        UserPoint p = read.points().get(0);
        assertEquals(Origin.USER, p.origin(), "origin defaults to user");
        assertEquals("", p.label());
        assertEquals(null, read.source().path());
    }
}
