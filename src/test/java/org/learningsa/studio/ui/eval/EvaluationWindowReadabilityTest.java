package org.learningsa.studio.ui.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.BenchmarkFolders;
import org.learningsa.studio.eval.KnownWarpMatcher;
import org.learningsa.studio.ui.task.FxTaskRunner;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The evaluation window at its default size on a benchmark with domains (CroDom, two domains with
 * LearningSA's names): every name a user reads is shown whole, categories and domains have their own
 * charts, and the pair view's keypoints are large and numbered alike on both images.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluationWindowReadabilityTest {

    private EvaluationViewModel viewModel;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory("lsa-eval-readable");
        BenchmarkFolders.GeneratedPair instance = BenchmarkFolders.writePair(dir.resolve("images"), "dog.jpg",
                "2009_003345.jpg", "2010_001234.jpg", 240, 180, 0.9, 8, 6);
        BenchmarkFolders.GeneratedPair domain = BenchmarkFolders.writePair(dir.resolve("images"), "person.jpg",
                "photo_2008_000123.jpg", "painting_0457.jpg", 160, 200, 0.85, 6, 6);
        StringBuilder csv = new StringBuilder("source_image,target_image,class,XA,YA,XB,YB,L_pck,domain\n");
        for (Object[] row : List.of(new Object[] {instance, "dog", "cross-instance"}, new Object[] {domain, "person", "cross-domain"})) {
            BenchmarkFolders.GeneratedPair p = (BenchmarkFolders.GeneratedPair) row[0];
            csv.append("images/").append(p.sourceName()).append(",images/").append(p.targetName()).append(',').append(row[1])
                    .append(',').append(p.join(p.sourceX())).append(',').append(p.join(p.sourceY())).append(',')
                    .append(p.join(p.targetX())).append(',').append(p.join(p.targetY())).append(",130,").append(row[2]).append('\n');
        }
        BenchmarkFolders.writeText(dir.resolve("crodom_test_pairs.csv"), csv.toString());
        viewModel = new EvaluationViewModel(new FxTaskRunner(), (c, p, t) -> new KnownWarpMatcher(List.of(instance, domain)),
                Platform::runLater);
        viewModel.dataFolderProperty().set(dir);
        viewModel.benchmarkProperty().set(Benchmark.CRODOM);
        viewModel.checkpointProperty().set(dir.resolve("weights/learningsa_finetuned_crodom_epoch_12_best.pt"));
        viewModel.setPairOpener(pair -> { });
        stage.setScene(new Scene(new EvaluationView(viewModel).build(), EvaluationView.DEFAULT_WIDTH, EvaluationView.DEFAULT_HEIGHT));
        stage.show();
    }

    private void runAndSelectTheFirstPair(FxRobot robot) throws Exception {
        robot.clickOn("#evalRun");
        Label status = robot.lookup("#evalStatus").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> status.getText().startsWith("Done"));
        robot.interact(() -> robot.lookup("#evalPairs").queryAs(TableView.class).getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** The text the control actually shows: its skin's text node, which ends in "…" when it did not fit. */
    private static String shown(Labeled labeled) {
        Node text = labeled.lookup(".text");
        return text instanceof Text t ? t.getText() : null;
    }

    /** Non-empty cells of the first column (the name) of a table, as (full text, shown text). */
    private static Map<String, String> nameCells(FxRobot robot, String table) {
        TableView<?> view = robot.lookup(table).queryAs(TableView.class);
        return robot.lookup(table + " .table-cell").queryAllAs(TableCell.class).stream()
                .filter(c -> c.getTableColumn() == view.getColumns().get(0) && c.getText() != null && !c.isEmpty())
                .collect(Collectors.toMap(TableCell::getText, c -> String.valueOf(shown(c)), (a, b) -> a));
    }

    @Test
    void everyNameLabelAndLegendReadsWholeAtTheDefaultSize(FxRobot robot) throws Exception {
        runAndSelectTheFirstPair(robot);
        Map<String, String> groups = nameCells(robot, "#evalCategories");
        assertTrue(groups.keySet().containsAll(Set.of("all", "dog", "person", "domain cross-instance", "domain cross-domain")),
                groups.toString());
        groups.forEach((full, seen) -> assertEquals(full, seen, "category/domain row shown whole"));
        Map<String, String> pairs = nameCells(robot, "#evalPairs");
        assertEquals(Set.of("2009_003345.jpg → 2010_001234.jpg", "photo_2008_000123.jpg → painting_0457.jpg"), pairs.keySet());
        pairs.forEach((full, seen) -> assertEquals(full, seen, "pair name shown whole"));
        Label model = robot.lookup("#evalModel").queryAs(Label.class);
        assertTrue(model.getText().contains("learningsa_finetuned_crodom_epoch_12_best.pt"), model.getText());
        assertEquals(model.getText(), shown(model), "the model label is shown whole");
        // every other cell and every column header of both tables, and the convention under the table
        List<Labeled> cellsAndHeaders = new ArrayList<>();
        for (String selector : List.of("#evalCategories .table-cell", "#evalPairs .table-cell",
                "#evalCategories .column-header .label", "#evalPairs .column-header .label")) {
            cellsAndHeaders.addAll(robot.lookup(selector).queryAllAs(Labeled.class));
        }
        assertTrue(cellsAndHeaders.stream().anyMatch(l -> "category".equals(l.getText())), "the headers are checked too");
        for (Labeled shownText : cellsAndHeaders) {
            if (shownText.getText() != null && !shownText.getText().isEmpty() && shownText.isVisible()) {
                assertEquals(shownText.getText(), shown(shownText), "a table cell or column header shown whole");
            }
        }
        Label convention = robot.lookup("#evalConvention").queryAs(Label.class);
        assertFalse(convention.getText().isEmpty());
        assertEquals(convention.getText(), shown(convention), "the convention under the table is shown whole");
        Label legend = robot.lookup("#evalLegend").queryAs(Label.class);
        assertTrue(legend.getText().contains("numbered"), legend.getText());
        assertEquals(legend.getText(), shown(legend), "the keypoint legend is shown whole");
        assertTrue(legend.getHeight() >= legend.prefHeight(legend.getWidth()) - 0.5, "the wrapped legend has its height");
    }

    @Test
    void categoriesAndDomainsHaveChartsOfTheirOwn(FxRobot robot) throws Exception {
        runAndSelectTheFirstPair(robot);
        BarChart<?, ?> categories = robot.lookup("#evalChart").queryAs(BarChart.class);
        BarChart<?, ?> domains = robot.lookup("#evalDomainChart").queryAs(BarChart.class);
        assertEquals(List.of("all", "dog", "person"), new ArrayList<>(((CategoryAxis) categories.getXAxis()).getCategories()));
        assertTrue(domains.isVisible(), "a benchmark with domains shows their chart");
        assertEquals(Set.of("cross-instance", "cross-domain"), Set.copyOf(((CategoryAxis) domains.getXAxis()).getCategories()));
        assertEquals(5, domains.getData().size(), "one series per α");
    }

    @Test
    void keypointsAreLargeAndNumberedAlikeInBothImages(FxRobot robot) throws Exception {
        runAndSelectTheFirstPair(robot);
        PairKeypointCanvas canvas = robot.lookup("#evalPairView").queryAs(PairKeypointCanvas.class);
        List<PairKeypointCanvas.Mark> marks = canvas.marks();
        assertFalse(marks.isEmpty());
        for (int number = 1; number <= 6; number++) {
            int n = number;
            List<PairKeypointCanvas.Kind> kinds = marks.stream().filter(m -> m.number() == n).map(PairKeypointCanvas.Mark::kind).toList();
            assertEquals(List.of(PairKeypointCanvas.Kind.GROUND_TRUTH, PairKeypointCanvas.Kind.PREDICTION,
                    PairKeypointCanvas.Kind.TARGET_KEYPOINT), kinds, "point " + n + ": ground truth, prediction, target");
        }
        assertTrue(marks.stream().allMatch(m -> m.radius() >= 7), "markers big enough to see and to hold a number");
        assertTrue(marks.stream().filter(m -> m.kind() == PairKeypointCanvas.Kind.TARGET_KEYPOINT)
                .allMatch(m -> m.side() == PairKeypointCanvas.Side.TARGET), "target keypoints on the target image");
    }
}
