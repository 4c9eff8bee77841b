package org.learningsa.studio.ui;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Not a test: opens the real main window (real default aligner) on a display, drives it and writes
 * a snapshot of the window, for README screenshots and for looking at layout changes. Run under
 * Xvfb with the test classpath; arguments are key=value:
 * {@code out=shot.png size=1280x800 pair=dog-horses run=true pick=0.5,0.4 (target fraction) readout=FUSED
 * weights=true strip=true source=damaged.jpg (opened as source after the run) model=LABEL-PART (selected first)
 * help=shortcuts|weights (a help window, for a screen grab) grid=true colour=LEVEL_WEIGHT (after the run) edit=sx,sy,tx,ty (after the run, in edit mode: a point from the source fraction to the target fraction)}.
 */
public final class ScreenshotHarness {

    private ScreenshotHarness() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            opt.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        String[] size = opt.getOrDefault("size", "1280x800").split("x");
        FxTaskRunner tasks = new FxTaskRunner();
        StudioAlignerCatalog models = StudioAlignerCatalog.forApp();
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/screenshot"));
        preferences.clear();
        MainWindow[] window = new MainWindow[1];
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            window[0] = new MainWindow(SamplePairs.installed(), models, tasks, preferences, UnaryOperator.identity());
            window[0].show(stage);
            stage.setWidth(Double.parseDouble(size[0]));
            stage.setHeight(Double.parseDouble(size[1]));
            shown.countDown();
        });
        shown.await();
        MainViewModel main = window[0].mainViewModel();
        if (opt.containsKey("pair")) {
            SamplePair pair = main.samplePairs().stream().filter(p -> p.name().equals(opt.get("pair"))).findFirst().orElseThrow();
            fx(() -> main.openSample(pair));
            waitFor(() -> pair.target().equals(main.targetPathProperty().get()) && pair.source().equals(main.sourcePathProperty().get()));
        }
        waitFor(() -> main.sourcePixelsProperty().get() != null && main.targetPixelsProperty().get() != null);
        if (opt.containsKey("model")) {
            fx(() -> main.selectedModelProperty().set(main.models().stream()
                    .filter(m -> m.label().contains(opt.get("model"))).findFirst().orElseThrow()));
        }
        if (opt.containsKey("readout")) {
            fx(() -> window[0].displayViewModel().readoutProperty().set(org.learningsa.studio.align.Readout.valueOf(opt.get("readout"))));
        }
        if (Boolean.parseBoolean(opt.getOrDefault("grid", "false"))) {
            fx(() -> window[0].displayViewModel().showCellGridProperty().set(true));
        }
        if (Boolean.parseBoolean(opt.getOrDefault("weights", "false"))) {
            fx(() -> window[0].displayViewModel().showLevelWeightsProperty().set(true));
        }
        if (Boolean.parseBoolean(opt.getOrDefault("run", "true"))) {
            fx(main::run);
            waitFor(() -> main.alignmentProperty().get() != null);
        }
        if (opt.containsKey("colour")) {
            fx(() -> window[0].displayViewModel().confidenceKindProperty().set(
                    org.learningsa.studio.align.ConfidenceKind.valueOf(opt.get("colour"))));
        }
        if (opt.containsKey("pick")) {
            String[] at = opt.get("pick").split(",");
            fx(() -> window[0].inspectorViewModel().pick(Direction.TARGET_TO_SOURCE,
                    main.targetPixelsProperty().get().width() * Double.parseDouble(at[0]),
                    main.targetPixelsProperty().get().height() * Double.parseDouble(at[1])));
        }
        if (opt.containsKey("source")) {
            fx(() -> main.openSource(Path.of(opt.get("source"))));
        }
        if (opt.containsKey("edit")) {
            String[] at = opt.get("edit").split(",");
            var editor = window[0].editViewModel();
            fx(() -> {
                editor.editModeProperty().set(true);
                var s = main.sourcePixelsProperty().get();
                var t = main.targetPixelsProperty().get();
                editor.click(Direction.SOURCE_TO_TARGET, new org.learningsa.studio.align.PixelPoint(
                        s.width() * Double.parseDouble(at[0]), s.height() * Double.parseDouble(at[1])), 1, false);
                editor.click(Direction.TARGET_TO_SOURCE, new org.learningsa.studio.align.PixelPoint(
                        t.width() * Double.parseDouble(at[2]), t.height() * Double.parseDouble(at[3])), 1, false);
            });
        }
        if ("shortcuts".equals(opt.get("help"))) {
            fx(window[0]::showShortcuts);
        } else if ("weights".equals(opt.get("help"))) {
            fx(main::showWeightsInstructions);
        }
        if (opt.containsKey("zoom")) {
            fx(() -> window[0].pairView().zoom(Double.parseDouble(opt.get("zoom"))));
        }
        Thread.sleep(Long.parseLong(opt.getOrDefault("settle", "1500")));
        Path out = Path.of(opt.getOrDefault("out", "shot.png"));
        Files.createDirectories(out.toAbsolutePath().getParent());
        fx(() -> {
            try {
                ImageIO.write(SwingFXUtils.fromFXImage(window[0].stage().getScene().snapshot(null), null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("wrote " + out.toAbsolutePath() + " " + new File(out.toString()).length() + " bytes");
        tasks.close();
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }

    static void fx(Runnable action) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                action.run();
            } finally {
                done.countDown();
            }
        });
        done.await(60, TimeUnit.SECONDS);
    }

    static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            boolean[] met = new boolean[1];
            fx(() -> met[0] = condition.getAsBoolean());
            if (met[0]) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("timed out");
    }
}
