package org.learningsa.studio.ui.batch;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.learningsa.studio.batch.BatchResults;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * File → Open batch results…: the rows of an {@code lsa batch} output folder, worst mean confidence first (the
 * rows most worth a look), read on a worker; opening a row hands it to the main window, which shows the pair
 * with the row's transferred keypoints in the editor.
 */
public final class BatchResultsViewModel {

    /** Done rows by mean confidence, lowest first; rows without one (failed, pending, no matches) after them. */
    public static final Comparator<BatchResults.Row> WORST_FIRST = Comparator
            .comparing((BatchResults.Row row) -> Double.isNaN(row.meanConfidence()))
            .thenComparingDouble(row -> Double.isNaN(row.meanConfidence()) ? 0 : row.meanConfidence())
            .thenComparingInt(BatchResults.Row::number);

    private final TaskRunner tasks;
    private final Consumer<BatchResults.Row> rowOpener;
    private final ObservableList<BatchResults.Row> rows = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");

    /** @param rowOpener shows a done row in the main window (on the JavaFX thread) */
    public BatchResultsViewModel(TaskRunner tasks, Consumer<BatchResults.Row> rowOpener) {
        this.tasks = tasks;
        this.rowOpener = rowOpener;
    }

    /** Reads the folder's index and row folders on a worker; a folder that is not a batch output says so. */
    public void load(Path batchFolder) {
        status.set("Reading " + batchFolder + "…");
        tasks.submit(BackgroundTask.of("Reading batch results", (progress, cancel) -> BatchResults.read(batchFolder))
                .onSuccess(read -> {
                    folder.set(batchFolder);
                    rows.setAll(read.stream().sorted(WORST_FIRST).toList());
                    status.set(summary(read));
                })
                .onFailure(error -> status.set(error.getMessage() == null ? error.toString() : error.getMessage())));
    }

    static String summary(List<BatchResults.Row> read) {
        long done = read.stream().filter(BatchResults.Row::done).count();
        long failed = read.stream().filter(r -> "failed".equals(r.status())).count();
        long pending = read.size() - done - failed;
        long withPoints = read.stream().filter(r -> r.points() != null).count();
        return String.format(Locale.ROOT, "%d rows: %d done, %d failed, %d pending%s", read.size(), done, failed,
                pending, withPoints == 0 ? "" : "; " + withPoints + " with transferred keypoints");
    }

    /** Opens a done row in the main window; other rows have no result to show. */
    public boolean open(BatchResults.Row row) {
        if (row == null || !row.done()) {
            status.set(row == null ? "Choose a row" : "Row " + row.number() + " is " + row.status()
                    + (row.message().isEmpty() ? "" : ": " + row.message()));
            return false;
        }
        rowOpener.accept(row);
        status.set("Opened row " + row.number() + " (" + row.name() + ") in the main window"
                + (row.points() == null ? "" : " with its transferred keypoints"));
        return true;
    }

    public ObservableList<BatchResults.Row> rows() {
        return rows;
    }

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
