package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.function.UnaryOperator;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.colorize.ColorizeWindows;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Not a test: under Xvfb, opens the real main window on INPUT (source) and EXEMPLAR (target), opens
 * Edit → Colorize… as the menu does (the pair is aligned with the default aligner), waits for the result and
 * snapshots the colorize window; with a fourth argument {@code mask}, with the confidence mask shown.
 * {@code DISPLAY=:99 java -cp … org.learningsa.studio.ui.ColorizeWindowScreenshot INPUT EXEMPLAR OUT.png [mask]}
 */
public final class ColorizeWindowScreenshot {

    private ColorizeWindowScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        FxTaskRunner tasks = new FxTaskRunner();
        StudioAlignerCatalog models = StudioAlignerCatalog.forApp();
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/screenshot"));
        preferences.clear();
        MainWindow[] window = new MainWindow[1];
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            window[0] = new MainWindow(SamplePairs.installed(), models, tasks, preferences, UnaryOperator.identity());
            window[0].show(stage);
            shown.countDown();
        });
        shown.await();
        MainViewModel main = window[0].mainViewModel();
        // the window opens on the first sample pair: let that load, then replace both images
        ScreenshotHarness.waitFor(() -> main.sourcePixelsProperty().get() != null && main.targetPixelsProperty().get() != null);
        Path input = Path.of(args[0]).toAbsolutePath();
        Path exemplar = Path.of(args[1]).toAbsolutePath();
        // one at a time: a second open while the first decodes replaces it
        ScreenshotHarness.fx(() -> main.openSource(input));
        ScreenshotHarness.waitFor(() -> input.equals(main.sourcePathProperty().get()));
        ScreenshotHarness.fx(() -> main.openTarget(exemplar));
        ScreenshotHarness.waitFor(() -> input.equals(main.sourcePathProperty().get()) && exemplar.equals(main.targetPathProperty().get())
                && main.sourcePixelsProperty().get() != null && main.targetPixelsProperty().get() != null);
        ScreenshotHarness.fx(main::run);
        ScreenshotHarness.waitFor(() -> main.alignmentProperty().get() != null);
        Stage[] colorize = new Stage[1];
        ScreenshotHarness.fx(() -> colorize[0] = ColorizeWindows.open(window[0].stage(), main, window[0].editViewModel()));
        ScreenshotHarness.waitFor(() -> ((Label) colorize[0].getScene().lookup("#colorizeStatus")).getText().contains("strength"));
        if (args.length > 3 && args[3].equals("mask")) {
            ScreenshotHarness.fx(() -> ((javafx.scene.control.CheckBox) colorize[0].getScene().lookup("#colorizeMask")).setSelected(true));
        }
        Thread.sleep(1500);
        ScreenshotHarness.fx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(colorize[0].getScene().snapshot(null), null), "png",
                        Path.of(args[2]).toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("wrote " + args[2]);
        tasks.close();
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }
}
