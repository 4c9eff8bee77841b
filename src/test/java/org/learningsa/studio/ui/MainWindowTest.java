package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class MainWindowTest {

    private final List<SamplePair> samples = SamplePairs.installed();

    @Start
    void start(Stage stage) {
        new MainWindow(new MainViewModel(samples)).show(stage);
    }

    @Test
    void opensOnASamplePairWithBothImagesShown(FxRobot robot) throws Exception {
        assertFalse(samples.isEmpty(), "assets/samples/pairs.tsv lists no readable pair");
        assertEquals("LearningSA Studio", robot.window(0).getScene().getWindow() instanceof Stage s ? s.getTitle() : "");
        ImageView source = robot.lookup("#sourceView").queryAs(ImageView.class);
        ImageView target = robot.lookup("#targetView").queryAs(ImageView.class);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> loaded(source.getImage()) && loaded(target.getImage()));
        assertNotNull(source.getImage());
        assertTrue(source.getImage().getWidth() > 100 && target.getImage().getWidth() > 100);
        assertTrue(source.getBoundsInParent().getWidth() > 50, "source image is laid out with a visible size");
    }

    @Test
    void statusBarNamesEngineAndDeviceOnceStarted(FxRobot robot) throws Exception {
        javafx.scene.control.Label device = robot.lookup("#deviceStatus").queryAs(javafx.scene.control.Label.class);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> device.getText().contains("CPU") || device.getText().contains("GPU"));
        javafx.scene.control.Label engine = robot.lookup("#engineStatus").queryAs(javafx.scene.control.Label.class);
        assertTrue(engine.getText().contains("PyTorch 2.7.1"), engine.getText());
    }

    private static boolean loaded(Image image) {
        return image != null && image.getProgress() >= 1.0 && !image.isError();
    }
}
