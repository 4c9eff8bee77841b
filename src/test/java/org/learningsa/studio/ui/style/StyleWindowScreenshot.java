package org.learningsa.studio.ui.style;

import java.awt.Rectangle;
import java.awt.Robot;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.learningsa.studio.apps.style.StyleMethod;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.MainWindow;
import org.learningsa.studio.ui.StudioAlignerCatalog;
import org.learningsa.studio.ui.StudioPreferences;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Not a test: under Xvfb, opens the app on the person–Scream sample pair, runs the default aligner, opens
 * Edit → Style transfer… with the chosen method and grabs the screen once the full render is shown (or,
 * with {@code -Dduring=true}, while it runs), then exits; {@code -Dmore=true} unfolds the patch method's More.
 * {@code DISPLAY=:97 java -cp … org.learningsa.studio.ui.style.StyleWindowScreenshot OUT.png [patches|colour]}
 */
public final class StyleWindowScreenshot {

    private StyleWindowScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "style-window.png");
        StyleMethod method = args.length > 1 && args[1].equals("colour") ? StyleMethod.COLOUR : StyleMethod.PATCHES;
        FxTaskRunner tasks = new FxTaskRunner();
        MainWindow[] window = new MainWindow[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            StudioPreferences preferences = new StudioPreferences(
                    Preferences.userRoot().node("org/learningsa/studio/test/style-screenshot"));
            preferences.clear();
            window[0] = new MainWindow(SamplePairs.installed(), StudioAlignerCatalog.forApp(), tasks, preferences,
                    d -> d);
            Stage stage = new Stage();
            window[0].show(stage);
            shown.countDown();
        });
        shown.await();
        var main = window[0].mainViewModel();
        SamplePair pair = main.samplePairs().stream().filter(p -> p.name().equals("person-scream")).findFirst()
                .orElseThrow();
        Platform.runLater(() -> main.openSample(pair));
        waitFor(() -> pair.source().equals(main.sourcePathProperty().get()) && main.sourcePixelsProperty().get() != null
                && main.targetPixelsProperty().get() != null, 30);
        Platform.runLater(main::run);
        waitFor(() -> main.alignmentProperty().get() != null, 180);
        Stage[] style = new Stage[1];
        Platform.runLater(() -> {
            style[0] = StyleWindows.open(null, main, window[0].editViewModel());
            style[0].setX(0);
            style[0].setY(0);
        });
        waitFor(() -> style[0] != null, 10);
        StyleViewModel viewModel = StyleWindows.viewModelOf(style[0]);
        Platform.runLater(() -> viewModel.methodProperty().set(method));
        if (Boolean.getBoolean("more")) {
            // the patch method's further settings unfolded
            Platform.runLater(() -> ((javafx.scene.control.ToggleButton) style[0].getScene().lookup("#stylePatchMore"))
                    .setSelected(true));
        }
        if (Boolean.getBoolean("during")) {
            waitFor(() -> viewModel.fullRenderingProperty().get() && viewModel.fullRenderProgressProperty().get() > 0.3, 120);
        } else {
            waitFor(() -> viewModel.statusProperty().get().contains(method == StyleMethod.PATCHES ? "Full size" : "Colour"),
                    240);
            Thread.sleep(1500);
        }
        var image = new Robot().createScreenCapture(new Rectangle(0, 0, (int) style[0].getWidth(),
                (int) style[0].getHeight()));
        ImageIO.write(image, "png", out.toFile());
        System.out.println(viewModel.statusProperty().get());
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
