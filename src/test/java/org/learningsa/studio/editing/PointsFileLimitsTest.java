package org.learningsa.studio.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/** Hostile and sloppy points files end in one message naming the file and the problem, quickly and in little memory. */
class PointsFileLimitsTest {

    private static final String IMAGES = "\"source\":{\"path\":null,\"width\":10,\"height\":10},"
            + "\"target\":{\"path\":null,\"width\":10,\"height\":10}";

    @TempDir
    Path dir;

    private String refused(String json) throws Exception {
        Path file = dir.resolve("p.json");
        Files.writeString(file, json);
        return refused(file);
    }

    private static String refused(Path file) {
        long started = System.nanoTime();
        UserFacingException e = assertThrows(UserFacingException.class, () -> PointsFile.read(file));
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        // every refusal here is a parse of at most a few MB or none: well under a second even on a loaded machine
        assertTrue(System.nanoTime() - started < 10_000_000_000L, "took " + (System.nanoTime() - started) / 1e9 + " s");
        return e.getMessage();
    }

    private static String withPoint(String pointFields) {
        return "{\"version\":1," + IMAGES + ",\"points\":[{\"id\":\"p1\",\"source\":[1,2],\"target\":[3,4]"
                + pointFields + "}]}";
    }

    @Test
    void deepNestingIsRefusedNamingTheLimit() throws Exception {
        String message = refused("{\"version\":1,\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        assertTrue(message.contains("nests deeper than " + InputLimits.POINTS_MAX_NESTING), message);
    }

    @Test
    void aThousandDigitNumberIsRefused() throws Exception {
        String message = refused(withPoint("").replace("[1,2]", "[1" + "0".repeat(1_000) + ",2]"));
        assertTrue(message.contains("number longer than " + InputLimits.POINTS_MAX_NUMBER_CHARS), message);
    }

    @Test
    void aHugeLabelIsRefusedAndALongOneNamesTheLimit() throws Exception {
        String huge = refused(withPoint(",\"label\":\"" + "x".repeat(25_000_000) + "\""));
        assertTrue(huge.contains("a points file may have at most 16,777,216"), huge);
        String longText = refused(withPoint(",\"label\":\"" + "x".repeat(100_000) + "\""));
        assertTrue(longText.contains("text longer than 8,192 characters"), longText);
        assertTrue(longText.length() < 300, "one short line: " + longText.length());
        String longLabel = refused(withPoint(",\"label\":\"" + "x".repeat(1_001) + "\""));
        assertTrue(longLabel.contains(".label has 1001 characters; at most 1000"), longLabel);
        String longId = refused(withPoint("").replace("\"p1\"", "\"" + "i".repeat(5_000) + "\""));
        assertTrue(longId.contains(".id has 5000 characters; at most 100"), longId);
    }

    @Test
    void aFileBeyondTheSizeLimitIsRefusedWithoutReadingIt() throws Exception {
        Path file = dir.resolve("huge.json");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(3L << 30); // 3 GB of zeros, sparse: no disk used
        }
        String message = refused(file);
        assertTrue(message.contains("3,221,225,472 bytes; a points file may have at most 16,777,216"), message);
    }

    @Test
    void moreThanTheMostPointsAreRefusedWhileReading() throws Exception {
        StringBuilder json = new StringBuilder("{\"version\":1," + IMAGES + ",\"points\":[");
        for (int i = 0; i <= InputLimits.POINTS_MAX_POINTS; i++) {
            json.append(i == 0 ? "" : ",").append("{\"id\":\"p").append(i).append("\",\"source\":[1,2],\"target\":[3,4]}");
        }
        String message = refused(json.append("]}").toString());
        assertTrue(message.contains("more than 500 points"), message);
    }

    @Test
    void trailingTextAndASecondDocumentAreRefused() throws Exception {
        String valid = withPoint("");
        assertTrue(refused(valid + " garbage").contains("not valid JSON"));
        assertTrue(refused(valid + valid).contains("has more after the end of its JSON object"));
    }

    @Test
    void aKeyGivenTwiceIsRefused() throws Exception {
        assertTrue(refused(withPoint(",\"label\":\"a\",\"label\":\"b\"")).contains("Duplicate field 'label'"));
        assertTrue(refused(withPoint("").replace("{\"version\":1,", "{\"version\":1,\"version\":1,"))
                .contains("Duplicate field 'version'"));
    }

    @Test
    void aFractionalVersionOrWidthIsRefused() throws Exception {
        String version = refused(withPoint("").replace("\"version\":1", "\"version\":1.9"));
        assertTrue(version.contains("\"version\" must be 1 (an integer), found 1.9"), version);
        String width = refused(withPoint("").replace("\"width\":10", "\"width\":512.9"));
        assertTrue(width.contains("integer width and height") && width.contains("512.9"), width);
    }

    @Test
    void aFolderIsNotAFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("points.json"));
        assertTrue(refused(folder).contains("is a folder, not a file"));
    }

    @Test
    void aDeviceIsNotAFile() {
        Path zeros = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zeros), "no /dev/zero here");
        assertTrue(refused(zeros).contains("is not a regular file"));
    }

    @Test
    void aValidFileStillReads() throws Exception {
        Path file = dir.resolve("ok.json");
        Files.writeString(file, withPoint(",\"label\":\"" + "x".repeat(1_000) + "\""));
        assertEquals(1_000, PointsFile.read(file).points().get(0).label().length());
    }
}
