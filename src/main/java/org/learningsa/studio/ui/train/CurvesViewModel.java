package org.learningsa.studio.ui.train;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * State of the live curves: which run is shown (and which is overlaid for comparison), their curves
 * as read so far from each run's {@code metrics.jsonl}, smoothing and the loss series that are on.
 * The files are followed on a background thread; batches reach {@link RunCurves} on the UI thread, at
 * most one hand-over per read, so a fast trainer never floods the JavaFX thread.
 */
public final class CurvesViewModel implements AutoCloseable {

    /** How often the followed files are read: 4 Hz keeps the curves live without measurable cost. */
    static final long POLL_MILLIS = 250;

    private final Executor uiThread;
    private final Shown primary = new Shown();
    private final Shown overlay = new Shown();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();
    /** TensorBoard's default smoothing. */
    private final DoubleProperty smoothing = new SimpleDoubleProperty(0.6);
    private final List<BooleanProperty> seriesShown = new ArrayList<>();

    /** A run being shown: its folder, its curves and the tail that feeds them. */
    private final class Shown {
        final ObjectProperty<Path> run = new SimpleObjectProperty<>();
        final RunCurves curves = new RunCurves();
        final Queue<MetricsBatch> arrived = new ConcurrentLinkedQueue<>();
        final AtomicBoolean handOverPending = new AtomicBoolean();
        MetricsTail tail;

        Shown() {
            run.addListener((obs, old, now) -> follow(now));
        }

        private void follow(Path runFolder) {
            if (tail != null) {
                tail.close();
            }
            arrived.clear();
            curves.clear();
            tail = null;
            changed();
            if (runFolder != null) {
                MetricsTail newTail = new MetricsTail(runFolder.resolve(RunFolders.METRICS_FILE), batch -> arrived(batch));
                tail = newTail;
                newTail.start(POLL_MILLIS);
            }
        }

        private void arrived(MetricsBatch batch) {
            arrived.add(batch);
            if (handOverPending.compareAndSet(false, true)) {
                uiThread.execute(this::handOver);
            }
        }

        private void handOver() {
            handOverPending.set(false);
            boolean any = false;
            for (MetricsBatch batch = arrived.poll(); batch != null; batch = arrived.poll()) {
                curves.append(batch);
                any = true;
            }
            if (any) {
                changed();
            }
        }
    }

    /** @param uiThread where the curves change ({@code Platform::runLater} in the app, {@code Runnable::run} in tests) */
    public CurvesViewModel(Executor uiThread) {
        this.uiThread = uiThread;
        for (int s = 0; s < RunCurves.LOSS_SERIES.size(); s++) {
            BooleanProperty shown = new SimpleBooleanProperty(true);
            shown.addListener(o -> changed());
            seriesShown.add(shown);
        }
        smoothing.addListener(o -> changed());
    }

    private void changed() {
        revision.set(revision.get() + 1);
    }

    /** The run whose curves are shown (its folder); null shows nothing. */
    public ObjectProperty<Path> runProperty() {
        return primary.run;
    }

    /** A second run drawn over the first for comparison (total loss, learning rate, validation); null for none. */
    public ObjectProperty<Path> overlayProperty() {
        return overlay.run;
    }

    RunCurves curves() {
        return primary.curves;
    }

    RunCurves overlayCurves() {
        return overlay.curves;
    }

    /** Counts every change of what the charts show; the view redraws when it moved. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public DoubleProperty smoothingProperty() {
        return smoothing;
    }

    /** Whether loss series {@code index} of {@link RunCurves#LOSS_SERIES} is drawn. */
    public BooleanProperty seriesShownProperty(int index) {
        return seriesShown.get(index);
    }

    /** Reads both followed files now (tests; the tails also read on their own). */
    void pollNow() {
        for (Shown shown : List.of(primary, overlay)) {
            if (shown.tail != null) {
                shown.tail.poll();
            }
        }
    }

    @Override
    public void close() {
        primary.run.set(null);
        overlay.run.set(null);
    }
}
