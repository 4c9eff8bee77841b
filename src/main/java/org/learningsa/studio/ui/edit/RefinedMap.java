package org.learningsa.studio.ui.edit;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.align.dense.DenseCorrespondence;
import org.learningsa.studio.align.dense.DenseRefiner;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The app's per-pixel refined map of the current run: computed in the background after each run or readout
 * change (progress and cancel as every task), while the grid map is used meanwhile; {@link #base} gives what the
 * applications build on (the refined map once it is there and wanted, else the network's grid). The toggle
 * switches back to the grid map to compare.
 */
public final class RefinedMap {

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final Runnable changed;
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final ReadOnlyBooleanWrapper refining = new ReadOnlyBooleanWrapper(false);
    private DenseCorrespondence dense;
    private Alignment denseAlignment;
    private Readout denseReadout;
    private TaskHandle running;

    /** @param changed called (on the UI thread) when {@link #base} may give something new */
    RefinedMap(TaskRunner tasks, DialogService dialogs, Runnable changed) {
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.changed = changed;
        enabled.addListener(obs -> changed.run());
    }

    /** Starts refining this run's map unless it is already there or being made; stops an outdated refinement. */
    void request(Alignment alignment, Readout readout, RgbImage source, RgbImage target) {
        if (running != null) {
            running.cancel();
            running = null;
            refining.set(false);
        }
        if (alignment == null || readout == null || source == null || target == null
                || (dense != null && denseAlignment == alignment && denseReadout == readout)) {
            return;
        }
        Correspondence network = new NetworkCorrespondence(alignment, readout);
        refining.set(true);
        TaskHandle handle = tasks.submit(BackgroundTask.of("Refining the correspondence per pixel",
                (progress, cancel) -> DenseRefiner.refine(network, source, target, progress, cancel))
                .onSuccess(result -> {
                    dense = result;
                    denseAlignment = alignment;
                    denseReadout = readout;
                    refining.set(false);
                    changed.run();
                }).onFailure(error -> {
                    refining.set(false);
                    dialogs.notify(Notification.error("Per-pixel refinement failed (the grid map is used)", error));
                }).onCancelled(() -> refining.set(false)));
        running = handle.isRunning() ? handle : null;
    }

    /** The refined map of (alignment, readout) when it is ready and wanted, else the network's grid map. */
    public Correspondence base(Alignment alignment, Readout readout) {
        if (enabled.get() && dense != null && denseAlignment == alignment && denseReadout == readout) {
            return dense;
        }
        return new NetworkCorrespondence(alignment, readout);
    }

    /** Whether the applications read the refined per-pixel map (true) or the grid map (false). */
    public BooleanProperty enabledProperty() {
        return enabled;
    }

    /** True while a refinement runs in the background. */
    public ReadOnlyBooleanProperty refiningProperty() {
        return refining.getReadOnlyProperty();
    }
}
