package org.learningsa.studio.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.batch.BatchFolder;
import org.learningsa.studio.batch.BatchResults;
import org.learningsa.studio.batch.BatchRunner;
import org.learningsa.studio.batch.BatchSettings;
import org.learningsa.studio.batch.PairsCsv;
import org.learningsa.studio.batch.RectangleImages;
import org.learningsa.studio.batch.SourceKeypoints;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.Shard;
import org.learningsa.studio.data.SamplePairs;
import org.learningsa.studio.editing.Origin;
import org.learningsa.studio.editing.UserPoint;
import org.learningsa.studio.ui.batch.BatchResultsWindows;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * File → Open batch results… as a user meets it: the rows of a real batch run, worst mean confidence first, and a
 * double-click that makes a row the main window's pair with its transferred keypoints in the editor.
 */
@ExtendWith(ApplicationExtension.class)
class BatchResultsWindowTest {

    @TempDir
    Path dir;

    private final FxTaskRunner tasks = new FxTaskRunner();
    private final StudioAlignerCatalog catalog = StudioAlignerCatalog.forApp();
    private MainWindow window;

    @Start
    void start(Stage stage) {
        StudioPreferences preferences = new StudioPreferences(Preferences.userRoot().node("org/learningsa/studio/test/batch"));
        preferences.clear();
        window = new MainWindow(SamplePairs.installed(), catalog, tasks, preferences, fx -> fx);
        window.show(stage);
    }

    @AfterEach
    void stop() {
        tasks.close();
        catalog.close();
    }

    /** Three small images of random rectangles (new ones every run, so no autosave of an earlier run applies). */
    private Path batchRun() throws Exception {
        Random random = new Random(System.nanoTime());
        for (int i = 0; i < 3; i++) {
            RectangleImages.write(dir.resolve("img" + i + ".png"), 160, 120, random);
        }
        Files.writeString(dir.resolve("pairs.csv"), "source,target,name\nimg0.png,img0.png,same\nimg0.png,img1.png,other\n"
                + "img2.png,missing.png,broken\n");
        Files.writeString(dir.resolve("keypoints.json"), "{\"image\": \"img0.png\", \"points\": [{\"name\": \"a\", \"x\": 40, "
                + "\"y\": 30}, {\"name\": \"b\", \"x\": 120, \"y\": 90}]}");
        BatchSettings settings = new BatchSettings(Readout.FUSED, Mapping.EXACT, ConfidenceKind.PEAK_PROBABILITY, 0, null,
                null, false, false, true, SourceKeypoints.read(dir.resolve("keypoints.json")));
        Path out = dir.resolve("out");
        new BatchRunner(new DefaultAligner(), settings, new BatchFolder(out)).run(PairsCsv.read(dir.resolve("pairs.csv")),
                Shard.ALL, ProgressListener.NONE, CancelToken.NEVER, o -> { });
        return out;
    }

    @Test
    void listsTheRowsWorstFirstAndOpensOneWithItsKeypointsInTheEditor(FxRobot robot) throws Exception {
        Path out = batchRun();
        robot.interact(() -> BatchResultsWindows.open(window.stage(), out, window::openBatchRow));
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#batchRows").tryQuery().isPresent()
                && !robot.lookup("#batchRows").queryAs(TableView.class).getItems().isEmpty());
        @SuppressWarnings("unchecked")
        TableView<BatchResults.Row> table = robot.lookup("#batchRows").queryAs(TableView.class);
        List<BatchResults.Row> shown = List.copyOf(table.getItems());
        assertEquals(3, shown.size());
        // the other image matches worse than the image itself; the failed row, without a confidence, comes last
        assertEquals(List.of("other", "same", "broken"), shown.stream().map(BatchResults.Row::name).toList());
        assertTrue(shown.get(0).meanConfidence() < shown.get(1).meanConfidence());
        assertTrue(robot.lookup("#batchStatus").queryLabeled().getText().startsWith("3 rows: 2 done, 1 failed, 0 pending"),
                robot.lookup("#batchStatus").queryLabeled().getText());

        robot.doubleClickOn("other");
        BatchResults.Row other = shown.get(0);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> other.target().equals(window.mainViewModel()
                .sourcePathProperty().get() == null ? null : window.mainViewModel().targetPathProperty().get())
                && window.editViewModel().pointsProperty().get().size() == 2);
        assertEquals(other.source(), window.mainViewModel().sourcePathProperty().get());
        List<UserPoint> points = window.editViewModel().pointsProperty().get();
        assertEquals(List.of("a", "b"), points.stream().map(UserPoint::label).toList());
        assertTrue(points.stream().allMatch(p -> p.origin() == Origin.TRANSFERRED && !p.locked() && p.hasConfidence()));
        assertEquals(40, points.get(0).source().x(), 1e-9);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> window.mainViewModel().alignmentProperty().get() != null);
    }
}
