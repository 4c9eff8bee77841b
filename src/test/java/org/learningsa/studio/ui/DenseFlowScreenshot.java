package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.learningsa.studio.align.dense.DenseCorrespondence;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.dense.DenseFlowWindows;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Not a test: under Xvfb, opens the app on its first sample pair, runs the default aligner, waits for the refined
 * per-pixel map the app computes in the background, opens View → Dense flow… on it and snapshots that window.
 * {@code DISPLAY=:99 java -cp … org.learningsa.studio.ui.DenseFlowScreenshot OUT.png}
 */
public final class DenseFlowScreenshot {

    private DenseFlowScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        FxTaskRunner tasks = new FxTaskRunner();
        StudioPreferences preferences = new StudioPreferences(
                Preferences.userRoot().node("org/learningsa/studio/screenshot"));
        preferences.clear();
        MainWindow[] window = new MainWindow[1];
        Stage[] dense = new Stage[1];
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            window[0] = new MainWindow(SamplePairs.installed(), StudioAlignerCatalog.forApp(), tasks, preferences,
                    d -> d);
            window[0].show(stage);
            shown.countDown();
        });
        shown.await();
        MainViewModel main = window[0].mainViewModel();
        ScreenshotHarness.waitFor(() -> main.sourcePixelsProperty().get() != null
                && main.targetPixelsProperty().get() != null);
        ScreenshotHarness.fx(main::run);
        ScreenshotHarness.waitFor(() -> main.alignmentProperty().get() != null);
        ScreenshotHarness.waitFor(() -> {
            var applied = window[0].editViewModel().appliedProperty().get();
            return applied instanceof DenseCorrespondence
                    || applied instanceof org.learningsa.studio.editing.CorrectedCorrespondence corrected
                    && corrected.network() instanceof DenseCorrespondence;
        });
        ScreenshotHarness.fx(() -> dense[0] = DenseFlowWindows.open(window[0].stage(),
                window[0].editViewModel().appliedProperty().get(), main.sourcePixelsProperty().get(),
                main.targetPixelsProperty().get(), tasks));
        Thread.sleep(6000);
        java.util.concurrent.CountDownLatch taken = new java.util.concurrent.CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(dense[0].getScene().snapshot(null), null), "png",
                        Path.of(args[0]).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            taken.countDown();
        });
        taken.await();
        Platform.exit();
        System.exit(0);
    }
}
