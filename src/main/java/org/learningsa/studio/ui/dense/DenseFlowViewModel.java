package org.learningsa.studio.ui.dense;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.dense.FlowPictures;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The dense-flow view of one correspondence for either direction: the flow in Middlebury colours, the
 * confidence as grey, the other image warped onto this one and its difference to this one (where alignment
 * fails it lights up). The pictures are made in the background whenever the direction changes.
 */
public final class DenseFlowViewModel {

    private final Correspondence correspondence;
    private final RgbImage sourcePixels;
    private final RgbImage targetPixels;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.SOURCE_TO_TARGET);
    private final ReadOnlyObjectWrapper<FlowPictures> panels = new ReadOnlyObjectWrapper<>();

    public DenseFlowViewModel(Correspondence correspondence, RgbImage sourcePixels, RgbImage targetPixels,
                              TaskRunner tasks, DialogService dialogs) {
        this.correspondence = correspondence;
        this.sourcePixels = sourcePixels;
        this.targetPixels = targetPixels;
        this.tasks = tasks;
        this.dialogs = dialogs;
        direction.addListener(obs -> compute());
    }

    /** Makes the pictures of the current direction in the background. */
    public void compute() {
        Direction now = direction.get();
        panels.set(null);
        tasks.submit(BackgroundTask.of("Dense flow view", (progress, cancel) -> {
            progress.progress("reading the flow", -1);
            return panels(now);
        }).onSuccess(result -> {
            if (direction.get() == now) {
                panels.set(result);
            }
        }).onFailure(error -> dialogs.notify(Notification.error("The dense-flow view failed", error))));
    }

    private FlowPictures panels(Direction now) {
        return FlowPictures.of(correspondence, now, sourcePixels, targetPixels);
    }

    public Correspondence correspondence() {
        return correspondence;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /** The current direction's pictures; null while they are being made. */
    public ReadOnlyObjectProperty<FlowPictures> panelsProperty() {
        return panels.getReadOnlyProperty();
    }
}
