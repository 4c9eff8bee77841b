package org.learningsa.studio.ui.dense;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.dense.DenseFlow;
import org.learningsa.studio.align.dense.FlowImages;
import org.learningsa.studio.image.AreaResize;
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

    /** The four pictures of one direction, at the full size of the image the direction starts from. */
    public record Panels(RgbImage flowColours, RgbImage confidence, RgbImage warped, RgbImage difference) {
    }

    private final Correspondence correspondence;
    private final RgbImage sourcePixels;
    private final RgbImage targetPixels;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.SOURCE_TO_TARGET);
    private final ReadOnlyObjectWrapper<Panels> panels = new ReadOnlyObjectWrapper<>();

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

    private Panels panels(Direction now) {
        DenseFlow flow = DenseFlow.of(correspondence, now);
        boolean forward = now == Direction.SOURCE_TO_TARGET;
        RgbImage from = forward ? sourcePixels : targetPixels;
        RgbImage to = forward ? targetPixels : sourcePixels;
        ImageRef toFrame = forward ? correspondence.target() : correspondence.source();
        RgbImage fromAtFlowSize = from.width() == flow.width() && from.height() == flow.height() ? from
                : AreaResize.resize(from, flow.width(), flow.height());
        RgbImage warped = FlowImages.warped(flow, to, toFrame.width(), toFrame.height());
        return new Panels(FlowImages.colours(flow), FlowImages.confidence(flow), warped,
                FlowImages.difference(warped, fromAtFlowSize));
    }

    public Correspondence correspondence() {
        return correspondence;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    /** The current direction's pictures; null while they are being made. */
    public ReadOnlyObjectProperty<Panels> panelsProperty() {
        return panels.getReadOnlyProperty();
    }
}
