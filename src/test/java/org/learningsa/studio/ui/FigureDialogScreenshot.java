package org.learningsa.studio.ui;

import java.awt.Rectangle;
import java.awt.Robot;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Not a test: under Xvfb, opens the app on its first sample pair, runs the default aligner, picks a
 * point, opens File → Export figure… and grabs the screen (for looking at the dialog), then exits.
 * {@code DISPLAY=:99 java -cp … org.learningsa.studio.ui.FigureDialogScreenshot OUT.png} (-Ddense=all ticks the
 * dense-flow panels)
 */
public final class FigureDialogScreenshot {

    private FigureDialogScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "figure-dialog.png");
        FxTaskRunner tasks = new FxTaskRunner();
        MainWindow[] window = new MainWindow[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            StudioPreferences preferences = new StudioPreferences(
                    Preferences.userRoot().node("org/learningsa/studio/test/screenshot"));
            preferences.clear();
            preferences.putBoolean("figure.scales", Boolean.getBoolean("scales"));
            // -Dwidth=83 -Dlayout=STACKED: one column, stacked (the per-scale panels' hint)
            if (System.getProperty("width") != null) {
                preferences.putDouble("figure.width", Double.parseDouble(System.getProperty("width")));
            }
            // -Ddense=all: the dense-flow panels ticked (issue 21)
            if (System.getProperty("dense") != null) {
                preferences.put("figure.dense", System.getProperty("dense"));
            }
            if (System.getProperty("layout") != null) {
                preferences.put("figure.layout", System.getProperty("layout"));
            }
            window[0] = new MainWindow(SamplePairs.installed(), StudioAlignerCatalog.forApp(), tasks, preferences,
                    d -> d);
            Stage stage = new Stage();
            window[0].show(stage);
            stage.setX(0);
            stage.setY(0);
            shown.countDown();
        });
        shown.await();
        waitFor(() -> window[0].mainViewModel().sourcePixelsProperty().get() != null
                && window[0].mainViewModel().targetPixelsProperty().get() != null, 30);
        Platform.runLater(() -> window[0].mainViewModel().run());
        waitFor(() -> window[0].mainViewModel().alignmentProperty().get() != null, 120);
        Platform.runLater(() -> {
            var source = window[0].mainViewModel().alignmentProperty().get().source();
            window[0].inspectorViewModel().pick(Direction.SOURCE_TO_TARGET, source.width() * 0.45, source.height() * 0.55);
        });
        Thread.sleep(1000);
        Platform.runLater(() -> {
            window[0].showExportFigure();
            for (var w : javafx.stage.Window.getWindows()) {
                if (w instanceof Stage s && "Export figure".equals(s.getTitle())) {
                    s.setX(0);
                    s.setY(0);
                }
            }
        });
        Thread.sleep(Long.getLong("wait.ms", 8000));
        var image = new Robot().createScreenCapture(new Rectangle(0, 0, 1280, 800));
        ImageIO.write(image, "png", out.toFile());
        tasks.close();
        Platform.exit();
        System.exit(0);
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }
}
