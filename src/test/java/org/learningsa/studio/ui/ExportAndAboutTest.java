package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.ui.view.FxImages;

/** Writing the exported PNG, and what Help → About says. */
class ExportAndAboutTest {

    @Test
    void exportWritesAReadablePngAndLeavesNoTemporaryFile(@TempDir Path dir) throws Exception {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_ARGB);
        image.setRGB(3, 4, 0xFF12AB34);
        Path file = dir.resolve("view.png");
        Files.writeString(file, "an older export");
        FxImages.writePngAtomically(image, file);
        BufferedImage back = ImageIO.read(file.toFile());
        assertEquals(30, back.getWidth());
        assertEquals(0xFF12AB34, back.getRGB(3, 4));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "only the PNG remains");
        }
    }

    @Test
    void exportIntoAMissingFolderIsAUserFacingError(@TempDir Path dir) {
        Path file = dir.resolve("no-such-folder").resolve("view.png");
        UserFacingException error = assertThrows(UserFacingException.class,
                () -> FxImages.writePngAtomically(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), file));
        assertTrue(error.getMessage().contains("view.png"), error.getMessage());
    }

    @Test
    void aboutNamesVersionsLibraryLicencesAndTheSampleImagesNotice() {
        String about = AboutText.body("Engine: PyTorch 2.7.1", "Device: CPU");
        assertTrue(about.contains("Java " + System.getProperty("java.version")));
        assertTrue(about.contains("Engine: PyTorch 2.7.1"));
        assertTrue(about.contains("ControlsFX — BSD-3-Clause"));
        assertTrue(about.contains("motorcycle_left.png"), "the NOTICE of assets/ is included");
    }
}
