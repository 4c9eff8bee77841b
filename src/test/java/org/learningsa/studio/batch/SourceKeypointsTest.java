package org.learningsa.studio.batch;

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
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.PointsDocument;
import org.learningsa.studio.editing.PointsFile;
import org.learningsa.studio.editing.UserPoint;

/** --keypoints reads the editor's points file (its source ends) and the simple form; bad files are named. */
class SourceKeypointsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheEditorsPointsFileByItsSourceEndsAndLabels() throws Exception {
        Path file = dir.resolve("cat.points.json");
        PointsFile.write(file, new PointsDocument(new PointsDocument.ImageEntry(dir.resolve("img/cat.jpg"), 200, 100, ""),
                new PointsDocument.ImageEntry(dir.resolve("img/dog.jpg"), 300, 200, ""), List.of(
                        new UserPoint("p1", "left eye", new PixelPoint(50, 40), new PixelPoint(70, 60), Origin.USER, true),
                        new UserPoint("p2", "", new PixelPoint(150.5, 60), new PixelPoint(1, 2), Origin.USER, false))));
        SourceKeypoints keypoints = SourceKeypoints.read(file);
        assertEquals(dir.resolve("img/cat.jpg").toAbsolutePath(), keypoints.image());
        assertEquals(List.of(new SourceKeypoints.Keypoint("left eye", 50, 40), new SourceKeypoints.Keypoint("p2", 150.5, 60)),
                keypoints.points());
        assertTrue(keypoints.placedOn(dir.resolve("img/../img/cat.jpg")));
    }

    @Test
    void readsTheSimpleFormRelativeToItsFolderAndNamesWhatIsWrong() throws Exception {
        Path file = dir.resolve("k.json");
        Files.writeString(file, "{\"image\": \"a.png\", \"points\": [{\"name\": \"n\", \"x\": 1, \"y\": 2}, {\"x\": 3, \"y\": 4}]}");
        SourceKeypoints keypoints = SourceKeypoints.read(file);
        assertEquals(dir.resolve("a.png").toAbsolutePath(), keypoints.image());
        assertEquals("k2", keypoints.points().get(1).name());

        Files.writeString(file, "{\"image\": \"a.png\", \"points\": [{\"name\": \"n\", \"x\": \"one\", \"y\": 2}]}");
        UserFacingException noNumber = assertThrows(UserFacingException.class, () -> SourceKeypoints.read(file));
        assertTrue(noNumber.getMessage().contains(file + " is neither the editor's points file nor")
                && noNumber.getMessage().contains("points[0] needs numbers x and y"), noNumber.getMessage());
        Files.writeString(file, "{\"image\": \"a.png\", \"points\": [{\"name\": \"n\", \"x\": 1, \"y\": 2}, "
                + "{\"name\": \"n\", \"x\": 3, \"y\": 4}]}");
        assertTrue(assertThrows(UserFacingException.class, () -> SourceKeypoints.read(file)).getMessage()
                .contains("names 'n' twice"));
        assertTrue(assertThrows(UserFacingException.class, () -> SourceKeypoints.read(dir.resolve("none.json")))
                .getMessage().contains("does not exist"));
    }
}
