package org.learningsa.studio.ui.batch;

import java.util.Locale;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.learningsa.studio.batch.BatchResults;

/**
 * The rows of a batch run in a table: thumbnails of both images, row, name, status, mean confidence (the initial
 * sort: worst first), seconds and whether keypoints were transferred. Double-click or "Open in main window" shows
 * a row as the current pair, its keypoints in the editor for review.
 */
public final class BatchResultsView {

    static final double THUMBNAIL_HEIGHT = 56;

    private final BatchResultsViewModel viewModel;
    /** Thumbnails by file: rows share sources, and a scrolled-back row should not load again. */
    private final java.util.Map<java.nio.file.Path, Image> thumbnails = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<java.nio.file.Path, Image> eldest) {
            return size() > 300;
        }
    };

    public BatchResultsView(BatchResultsViewModel viewModel) {
        this.viewModel = viewModel;
    }

    public static Stage open(Window owner, BatchResultsViewModel viewModel) {
        Stage stage = new Stage();
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.titleProperty().bind(viewModel.folderProperty().map(f -> "Batch results — " + f).orElse("Batch results"));
        stage.setScene(new Scene(new BatchResultsView(viewModel).build(), 1080, 640));
        stage.show();
        return stage;
    }

    BorderPane build() {
        TableView<BatchResults.Row> table = new TableView<>(viewModel.rows());
        table.setId("batchRows");
        table.setPlaceholder(new Label("No rows"));
        TableColumn<BatchResults.Row, BatchResults.Row> images = new TableColumn<>("Source → target");
        images.setId("imagesColumn");
        images.setSortable(false);
        images.setPrefWidth(2 * THUMBNAIL_HEIGHT * 1.5 + 24);
        images.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue()));
        images.setCellFactory(c -> new ThumbnailCell());
        TableColumn<BatchResults.Row, Integer> number = column("Row", 60, r -> r.number());
        TableColumn<BatchResults.Row, String> name = column("Name", 200, BatchResults.Row::name);
        TableColumn<BatchResults.Row, String> status = column("Status", 80, BatchResults.Row::status);
        TableColumn<BatchResults.Row, Double> confidence = column("Mean confidence", 150, BatchResults.Row::meanConfidence);
        confidence.setId("confidenceColumn");
        confidence.setComparator(BatchResultsView::nanLast);
        confidence.setCellFactory(c -> numberCell("%.3f"));
        TableColumn<BatchResults.Row, Double> seconds = column("Seconds", 80, BatchResults.Row::seconds);
        seconds.setComparator(BatchResultsView::nanLast);
        seconds.setCellFactory(c -> numberCell("%.1f"));
        TableColumn<BatchResults.Row, String> keypoints = column("Keypoints", 90,
                r -> r.points() == null ? "" : "transferred");
        TableColumn<BatchResults.Row, String> message = column("Message", 260, BatchResults.Row::message);
        table.getColumns().add(images);
        table.getColumns().addAll(java.util.List.of(number, name, status, confidence, seconds, keypoints, message));
        confidence.setSortType(TableColumn.SortType.ASCENDING);
        table.getSortOrder().add(confidence);
        table.setRowFactory(t -> {
            TableRow<BatchResults.Row> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    viewModel.open(row.getItem());
                }
            });
            return row;
        });

        Button openRow = new Button("Open in main window");
        openRow.setId("openRowButton");
        openRow.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        openRow.setOnAction(e -> viewModel.open(table.getSelectionModel().getSelectedItem()));
        Label statusLine = new Label();
        statusLine.setId("batchStatus");
        statusLine.textProperty().bind(viewModel.statusProperty());
        statusLine.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(statusLine, Priority.ALWAYS);
        HBox bottom = new HBox(12, statusLine, openRow);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(8));
        Label hint = new Label("Worst mean confidence first: the rows most worth a look. Double-click a row (or Open in "
                + "main window) to review it there, its transferred keypoints in the editor.");
        hint.setWrapText(true);
        hint.setPadding(new Insets(8));
        BorderPane root = new BorderPane(table);
        root.setTop(hint);
        root.setBottom(bottom);
        return root;
    }

    private static <T> TableColumn<BatchResults.Row, T> column(String title, double width,
                                                             java.util.function.Function<BatchResults.Row, T> value) {
        TableColumn<BatchResults.Row, T> column = new TableColumn<>(title);
        column.setPrefWidth(width);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        return column;
    }

    private static int nanLast(Double a, Double b) {
        boolean aMissing = a == null || a.isNaN();
        boolean bMissing = b == null || b.isNaN();
        if (aMissing || bMissing) {
            return Boolean.compare(aMissing, bMissing);
        }
        return Double.compare(a, b);
    }

    private static TableCell<BatchResults.Row, Double> numberCell(String format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null || value.isNaN() ? "" : String.format(Locale.ROOT, format, value));
            }
        };
    }

    /** Both images, small, loaded in the background by JavaFX (the table stays responsive on a large run). */
    private final class ThumbnailCell extends TableCell<BatchResults.Row, BatchResults.Row> {
        private final ImageView source = new ImageView();
        private final ImageView target = new ImageView();
        private final HBox box = new HBox(4, source, new Label("→"), target);

        ThumbnailCell() {
            box.setAlignment(Pos.CENTER_LEFT);
        }

        @Override
        protected void updateItem(BatchResults.Row row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                return;
            }
            source.setImage(thumbnail(row.source()));
            target.setImage(thumbnail(row.target()));
            setGraphic(box);
        }

        private Image thumbnail(java.nio.file.Path file) {
            if (file == null) {
                return null;
            }
            return thumbnails.computeIfAbsent(file, f -> new Image(f.toUri().toString(), THUMBNAIL_HEIGHT * 1.5,
                    THUMBNAIL_HEIGHT, true, true, true));
        }
    }
}
