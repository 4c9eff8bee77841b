package org.learningsa.studio.ui;

import java.nio.file.Path;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.learningsa.studio.batch.BatchResults;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.ui.batch.BatchResultsWindows;
import org.learningsa.studio.ui.task.FxTaskRunner;

/**
 * Not a test: under Xvfb, opens an {@code lsa batch} output folder with File → Open batch results…'s window,
 * snapshots it, opens the row named {@code ROW} in the main window (its transferred keypoints in the editor, edit
 * mode on) and snapshots that.
 * {@code DISPLAY=:99 java -cp … org.learningsa.studio.ui.BatchResultsScreenshot BATCH_DIR ROW LIST.png MAIN.png}
 */
public final class BatchResultsScreenshot {

    private BatchResultsScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]).toAbsolutePath();
        String rowName = args[1];
        FxTaskRunner tasks = new FxTaskRunner();
        StudioAlignerCatalog models = StudioAlignerCatalog.forApp();
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/screenshot"));
        preferences.clear();
        MainWindow[] window = new MainWindow[1];
        java.util.concurrent.CountDownLatch shown = new java.util.concurrent.CountDownLatch(1);
        Platform.startup(() -> {
            Stage stage = new Stage();
            window[0] = new MainWindow(SamplePairs.installed(), models, tasks, preferences, d -> d);
            window[0].show(stage);
            stage.setWidth(1280);
            stage.setHeight(800);
            BatchResultsWindows.open(stage, folder, window[0]::openBatchRow);
            shown.countDown();
        });
        shown.await();
        Stage[] list = new Stage[1];
        ScreenshotHarness.waitFor(() -> {
            list[0] = (Stage) javafx.stage.Window.getWindows().stream()
                    .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith("Batch results —"))
                    .findFirst().orElse(null);
            return list[0] != null && list[0].getScene().lookup("#batchRows") != null
                    && !((javafx.scene.control.TableView<?>) list[0].getScene().lookup("#batchRows")).getItems().isEmpty();
        });
        Thread.sleep(6000); // the thumbnails load in the background
        EvaluationWindowScreenshot.write(list[0].getScene(), Path.of(args[2]));
        @SuppressWarnings("unchecked")
        javafx.scene.control.TableView<BatchResults.Row> table =
                (javafx.scene.control.TableView<BatchResults.Row>) list[0].getScene().lookup("#batchRows");
        BatchResults.Row row = table.getItems().stream().filter(r -> r.name().equals(rowName)).findFirst().orElseThrow();
        ScreenshotHarness.fx(() -> window[0].openBatchRow(row));
        MainViewModel main = window[0].mainViewModel();
        ScreenshotHarness.waitFor(() -> row.target().equals(main.targetPathProperty().get())
                && main.alignmentProperty().get() != null && !window[0].editViewModel().pointsProperty().get().isEmpty());
        ScreenshotHarness.fx(() -> window[0].editViewModel().editModeProperty().set(true));
        Thread.sleep(3000);
        EvaluationWindowScreenshot.write(window[0].stage().getScene(), Path.of(args[3]));
        tasks.close();
        preferences.clear();
        Platform.exit();
        System.exit(0);
    }
}
