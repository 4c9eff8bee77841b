package org.learningsa.studio.ui.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.data.BenchmarkFolders;
import org.learningsa.studio.eval.KnownWarpMatcher;
import org.learningsa.studio.eval.PairResult;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class EvaluationViewTest {

    private EvaluationViewModel viewModel;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        dir = Files.createTempDirectory("lsa-eval-view");
        List<BenchmarkFolders.GeneratedPair> generated = BenchmarkFolders.writePascal(dir, 2);
        viewModel = new EvaluationViewModel(new FxTaskRunner(), (c, p, t) -> new KnownWarpMatcher(generated), Platform::runLater);
        viewModel.dataFolderProperty().set(dir);
        stage.setScene(new Scene(new EvaluationView(viewModel).build(), 1100, 700));
        stage.show();
    }

    @Test
    void runsInTheBackgroundThenShowsChartTableAndTheClickedPair(FxRobot robot) throws Exception {
        robot.clickOn("#evalRun");
        Label status = robot.lookup("#evalStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Done"));
        assertTrue(status.getText().contains("PCK@0.10 = 100.0 %"), status.getText());
        TableView<?> categories = robot.lookup("#evalCategories").queryAs(TableView.class);
        assertEquals(3, categories.getItems().size(), "all, dog, horse");
        BarChart<?, ?> chart = robot.lookup("#evalChart").queryAs(BarChart.class);
        assertEquals(5, chart.getData().size(), "one series per α");
        @SuppressWarnings("unchecked")
        TableView<PairResult> pairs = robot.lookup("#evalPairs").queryAs(TableView.class);
        assertEquals(2, pairs.getItems().size());
        PairResult second = pairs.getItems().get(1);
        // a row that is laid out and keeps its item: the table re-lays out its rows once the run's last results arrive
        java.util.function.Predicate<javafx.scene.control.TableRow<?>> secondRow = r -> r.getItem() == second && r.getWidth() > 0;
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return robot.lookup("#evalPairs .table-row-cell").match(secondRow).tryQuery().isPresent();
        });
        javafx.scene.Node row = robot.lookup("#evalPairs .table-row-cell").match(secondRow).query();
        robot.clickOn(row);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(pairs.getItems().get(1), viewModel.selectedPairProperty().get(), "the clicked pair is shown");
    }
}
