package org.learningsa.studio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.BenchmarkFolders;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.eval.EvaluationView;
import org.learningsa.studio.ui.eval.EvaluationViewModel;
import org.learningsa.studio.ui.eval.EvaluationWindows;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Not a test: under Xvfb, evaluates the real default aligner on a small generated CroDom folder (sample
 * photos and known warps of them, two domains) in the evaluation window, selects a pair, snapshots the
 * window, then sends the pair to the main window and snapshots that. Arguments: the two output PNGs.
 * {@code DISPLAY=:99 java -cp … org.learningsa.studio.ui.EvaluationWindowScreenshot EVAL.png MAIN.png}
 */
public final class EvaluationWindowScreenshot {

    private EvaluationWindowScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path evalShot = Path.of(args[0]);
        Path mainShot = Path.of(args[1]);
        Path data = Files.createTempDirectory("lsa-eval-shot");
        StringBuilder csv = new StringBuilder("source_image,target_image,class,XA,YA,XB,YB,L_pck,domain\n");
        String[][] rows = {{"dog.jpg", "dog", "cross-instance"}, {"horses.jpg", "horse", "cross-instance"},
            {"person.jpg", "person", "cross-domain"}, {"apple.jpg", "apple", "cross-domain"}};
        for (int i = 0; i < rows.length; i++) {
            BenchmarkFolders.GeneratedPair p = BenchmarkFolders.writePair(data.resolve("images"), rows[i][0],
                    String.format("2009_%06d.jpg", 2 * i), String.format("2009_%06d.jpg", 2 * i + 1),
                    480, 360, 0.8 + 0.05 * i, 30, 20);
            csv.append("images/").append(p.sourceName()).append(",images/").append(p.targetName()).append(',')
                    .append(rows[i][1]).append(',').append(p.join(p.sourceX())).append(',').append(p.join(p.sourceY()))
                    .append(',').append(p.join(p.targetX())).append(',').append(p.join(p.targetY())).append(",300,")
                    .append(rows[i][2]).append('\n');
        }
        BenchmarkFolders.writeText(data.resolve("crodom_test_pairs.csv"), csv.toString());

        FxTaskRunner tasks = new FxTaskRunner();
        StudioAlignerCatalog models = StudioAlignerCatalog.forApp();
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/screenshot"));
        preferences.clear();
        MainWindow[] window = new MainWindow[1];
        EvaluationViewModel[] evaluation = new EvaluationViewModel[1];
        Stage[] evalStage = new Stage[1];
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            window[0] = new MainWindow(SamplePairs.installed(), models, tasks, preferences, d -> d);
            window[0].show(stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            MainViewModel main = window[0].mainViewModel();
            // as Evaluate → Evaluate on a dataset… does (MainMenus)
            evaluation[0] = EvaluationWindows.newViewModel(main.catalog());
            evaluation[0].setPairOpener(main::openPair);
            evaluation[0].dataFolderProperty().set(data);
            evaluation[0].benchmarkProperty().set(Benchmark.CRODOM);
            evalStage[0] = EvaluationView.open(stage, evaluation[0]);
            shown.countDown();
        });
        shown.await();
        ScreenshotHarness.fx(() -> evaluation[0].run());
        ScreenshotHarness.waitFor(() -> evaluation[0].statusProperty().get().startsWith("Done"));
        // the person pair at α 0.03: one of its six points is outside α·L, so both colours show
        int shownPair = 2;
        ScreenshotHarness.fx(() -> {
            ((javafx.scene.control.TableView<?>) evalStage[0].getScene().lookup("#evalPairs")).getSelectionModel().select(shownPair);
            @SuppressWarnings("unchecked")
            javafx.scene.control.ChoiceBox<Double> alpha = (javafx.scene.control.ChoiceBox<Double>)
                    evalStage[0].getScene().lookup("#evalShownAlpha");
            alpha.setValue(0.03);
        });
        Thread.sleep(1500);
        write(evalStage[0].getScene(), evalShot);
        ScreenshotHarness.fx(() -> evaluation[0].openSelectedInMainWindow());
        MainViewModel main = window[0].mainViewModel();
        Path wanted = evaluation[0].pairs().get(shownPair).pair().targetImage();
        ScreenshotHarness.waitFor(() -> wanted.equals(main.targetPathProperty().get()) && main.alignmentProperty().get() != null
                && main.referencePointsProperty().get() != null);
        // after the "Evaluation pair opened" card has faded (6 s), so the target's rings are not under it
        Thread.sleep(8000);
        write(window[0].stage().getScene(), mainShot);
        tasks.close();
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }

    static void write(Scene scene, Path out) throws InterruptedException {
        ScreenshotHarness.fx(() -> {
            try {
                Files.createDirectories(out.toAbsolutePath().getParent());
                ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", out.toFile());
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        System.out.println("wrote " + out.toAbsolutePath());
    }
}
