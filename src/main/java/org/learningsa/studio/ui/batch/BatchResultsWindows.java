package org.learningsa.studio.ui.batch;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import javafx.stage.Window;
import org.learningsa.studio.batch.BatchFolder;
import org.learningsa.studio.batch.BatchResults;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.task.FxTaskRunner;

/** File → Open batch results…: asks for the run's index.csv, then shows its rows in a window of their own. */
public final class BatchResultsWindows {

    private static FxTaskRunner runner;

    private BatchResultsWindows() {
    }

    /** @param rowOpener shows a row in the main window */
    public static void chooseAndOpen(Window owner, DialogService dialogs, Path initialFolder,
                                     Consumer<BatchResults.Row> rowOpener) {
        dialogs.chooseFileToOpen("Open batch results (the run's " + BatchFolder.INDEX + ")", initialFolder,
                "Batch index", List.of(BatchFolder.INDEX)).ifPresent(index -> open(owner, index.toAbsolutePath().getParent(),
                rowOpener));
    }

    public static void open(Window owner, Path folder, Consumer<BatchResults.Row> rowOpener) {
        BatchResultsViewModel viewModel = new BatchResultsViewModel(runner(), rowOpener);
        BatchResultsView.open(owner, viewModel);
        viewModel.load(folder);
    }

    private static synchronized FxTaskRunner runner() {
        if (runner == null) {
            runner = new FxTaskRunner();
        }
        return runner;
    }
}
