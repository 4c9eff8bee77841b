package org.learningsa.studio.ui.eval;

import java.util.List;
import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.learningsa.studio.eval.EvaluationReport;
import org.learningsa.studio.eval.EvaluationSettings;

/**
 * The left half of the evaluation window: PCK per category and, for a benchmark with domains (CroDom),
 * per domain, each in its own chart so neither squeezes the other's bars, and one table with every
 * group's row under its full name ("domain cross-instance").
 */
final class EvaluationSummary {

    /** Prefix of a domain's row in the table, so domains and categories never share a name. */
    static final String DOMAIN_PREFIX = "domain ";

    /** A line of the table: "all" first, then each category, then each domain. */
    record GroupRow(String name, int pairs, double[] pck) {
    }

    private final BarChart<String, Number> categoryChart = chart("evalChart", "PCK (%) per category, mean over pairs");
    private final BarChart<String, Number> domainChart = chart("evalDomainChart", "PCK (%) per domain, mean over pairs");
    private final TableView<GroupRow> table = new TableView<>();
    private final TableColumn<GroupRow, String> nameColumn = new TableColumn<>("category / domain");
    private final Label convention = new Label();

    VBox build(List<Double> alphas) {
        table.setId("evalCategories");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        nameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        FittedColumns.withTooltips(nameColumn, name -> name);
        FittedColumns.reset(nameColumn);
        TableColumn<GroupRow, Number> count = new TableColumn<>("pairs");
        count.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().pairs()));
        table.getColumns().add(nameColumn);
        table.getColumns().add(count);
        for (int a = 0; a < alphas.size(); a++) {
            int index = a;
            TableColumn<GroupRow, String> column = new TableColumn<>("@" + EvaluationSettings.alphaKey(alphas.get(a)));
            column.setCellValueFactory(c -> new ReadOnlyStringWrapper(percent(c.getValue().pck()[index])));
            table.getColumns().add(column);
        }
        FittedColumns.fitHeaders(table);
        convention.setId("evalConvention");
        convention.setWrapText(true);
        convention.setStyle("-fx-font-size: 0.85em;");
        convention.setMinHeight(Region.USE_PREF_SIZE);
        // the convention is a paragraph: whole, in a few lines that scroll, rather than one line cut off
        ScrollPane conventionBox = new ScrollPane(convention);
        conventionBox.setId("evalConventionBox");
        conventionBox.setFitToWidth(true);
        conventionBox.setPrefViewportHeight(52);
        conventionBox.setMinViewportHeight(52);
        conventionBox.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        domainChart.setVisible(false);
        domainChart.managedProperty().bind(domainChart.visibleProperty());
        VBox box = new VBox(6, categoryChart, domainChart, table, conventionBox);
        VBox.setVgrow(categoryChart, Priority.ALWAYS);
        VBox.setVgrow(domainChart, Priority.ALWAYS);
        VBox.setVgrow(table, Priority.ALWAYS);
        box.setPadding(new Insets(4));
        return box;
    }

    void show(EvaluationReport report) {
        categoryChart.getData().clear();
        domainChart.getData().clear();
        table.getItems().clear();
        FittedColumns.reset(nameColumn);
        convention.setText(report == null ? "" : report.settings().conventionInWords());
        if (report == null || report.results().isEmpty()) {
            domainChart.setVisible(false);
            return;
        }
        List<GroupRow> categories = new java.util.ArrayList<>();
        categories.add(new GroupRow("all", report.results().size(), report.pck()));
        report.perCategory().forEach((name, group) -> categories.add(new GroupRow(name, group.count(), group.pck())));
        List<GroupRow> domains = new java.util.ArrayList<>();
        report.perDomain().forEach((name, group) -> domains.add(new GroupRow(DOMAIN_PREFIX + name, group.count(), group.pck())));
        table.getItems().addAll(categories);
        table.getItems().addAll(domains);
        table.getItems().forEach(row -> FittedColumns.fit(nameColumn, row.name()));
        List<Double> alphas = report.settings().alphas();
        fill(categoryChart, categories, alphas, "");
        fill(domainChart, domains, alphas, DOMAIN_PREFIX);
        domainChart.setVisible(!domains.isEmpty());
    }

    /** One series per α; the bars of a domain are named without the table's prefix (the chart's title says it). */
    private static void fill(BarChart<String, Number> chart, List<GroupRow> rows, List<Double> alphas, String prefix) {
        if (rows.isEmpty()) {
            return;
        }
        for (int a = 0; a < alphas.size(); a++) {
            XYChart.Series<String, Number> series = new XYChart.Series<>();
            series.setName("α " + EvaluationSettings.alphaKey(alphas.get(a)));
            for (GroupRow row : rows) {
                series.getData().add(new XYChart.Data<>(row.name().substring(prefix.length()), 100 * row.pck()[a]));
            }
            chart.getData().add(series);
        }
    }

    private static BarChart<String, Number> chart(String id, String title) {
        BarChart<String, Number> chart = new BarChart<>(new CategoryAxis(), new NumberAxis(0, 100, 10));
        chart.setId(id);
        chart.setTitle(title);
        chart.setAnimated(false);
        chart.getYAxis().setLabel("PCK %");
        chart.setMinHeight(150);
        return chart;
    }

    static String percent(double fraction) {
        return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f", 100 * fraction);
    }
}
