package org.learningsa.studio.ui.morph;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.DoubleBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.apps.Morph;
import org.learningsa.studio.apps.MorphCanvas;
import org.learningsa.studio.apps.MorphLimits;
import org.learningsa.studio.apps.MorphEasing;
import org.learningsa.studio.apps.MorphPoints;
import org.learningsa.studio.export.AnimationFormat;
import org.learningsa.studio.export.FrameSource;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The morph view's state: the prepared morph at preview size, the playback position and settings (frames, fps,
 * easing, once / loop / ping-pong), the moving points, and exports with progress and Cancel. Only this class
 * calls the services; the view binds to its properties.
 */
public final class MorphViewModel {

    /** How playback continues at the last frame. */
    public enum PlayMode {
        ONCE("Once"), LOOP("Loop"), PING_PONG("Ping-pong");

        private final String label;

        PlayMode(String label) {
            this.label = label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Long side of the live preview: scrubbing stays above 30 frames per second at this size. */
    public static final int PREVIEW_LONG_SIDE = 512;

    private final Correspondence correspondence;
    private final RgbImage sourcePixels;
    private final RgbImage targetPixels;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final MorphCanvas previewCanvas;

    private final ReadOnlyObjectWrapper<Morph> morph = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> halfway = new ReadOnlyObjectWrapper<>();
    private final DoubleProperty position = new SimpleDoubleProperty(0.5);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final ObjectProperty<PlayMode> playMode = new SimpleObjectProperty<>(PlayMode.PING_PONG);
    private final IntegerProperty frames = new SimpleIntegerProperty(75);
    private final DoubleProperty fps = new SimpleDoubleProperty(25);
    private final ObjectProperty<MorphEasing> easing = new SimpleObjectProperty<>(MorphEasing.LINEAR);
    private final BooleanProperty showPoints = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<TaskHandle> exportTask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final DoubleBinding time;
    private final List<MorphPoints.Trajectory> trajectories;
    /** +1 while playing forwards, −1 backwards (ping-pong). */
    private int direction = 1;

    public MorphViewModel(Correspondence correspondence, RgbImage sourcePixels, RgbImage targetPixels,
                          TaskRunner tasks, DialogService dialogs) {
        this.correspondence = Objects.requireNonNull(correspondence, "correspondence");
        this.sourcePixels = sourcePixels;
        this.targetPixels = targetPixels;
        this.tasks = tasks;
        this.dialogs = dialogs;
        int sw = correspondence.source().width();
        int sh = correspondence.source().height();
        int tw = correspondence.target().width();
        int th = correspondence.target().height();
        MorphCanvas natural = MorphCanvas.natural(sw, sh, tw, th);
        this.previewCanvas = Math.max(natural.width(), natural.height()) <= PREVIEW_LONG_SIDE ? natural
                : MorphCanvas.withLongSide(sw, sh, tw, th, PREVIEW_LONG_SIDE);
        this.time = Bindings.createDoubleBinding(() -> easing.get().apply(position.get()), position, easing);
        this.trajectories = MorphPoints.sample(correspondence, previewCanvas, 12, 0.5);
    }

    /** Reads the dense maps at preview size in the background, then renders the halfway view. */
    public TaskHandle prepare() {
        status.set("Preparing the morph…");
        return tasks.submit(BackgroundTask.of("Preparing the morph", (progress, cancel) -> {
            Morph prepared = Morph.prepare(correspondence, sourcePixels, targetPixels, previewCanvas, progress, cancel);
            return new Object[] {prepared, prepared.renderRgb(0.5)};
        }).onSuccess(result -> {
            morph.set((Morph) result[0]);
            halfway.set((RgbImage) result[1]);
            status.set(correspondence.description());
        }).onFailure(error -> {
            status.set("The morph could not be prepared");
            dialogs.notify(Notification.error("Morph failed", error));
        }));
    }

    /** Advances playback by one frame, as the mode says at the ends; stops at the end in {@link PlayMode#ONCE}. */
    public void step() {
        int count = Math.max(2, frames.get());
        if (playMode.get() != PlayMode.PING_PONG) {
            direction = 1;
        }
        int index = frameIndex() + direction;
        switch (playMode.get()) {
            case ONCE -> {
                if (index >= count - 1) {
                    index = count - 1;
                    playing.set(false);
                }
            }
            case LOOP -> {
                if (index > count - 1) {
                    index = 0;
                }
            }
            case PING_PONG -> {
                if (index > count - 1 || index < 0) {
                    direction = -direction;
                    index = frameIndex() + direction;
                }
            }
            default -> throw new IllegalStateException(playMode.get().name());
        }
        position.set(Math.max(0, Math.min(1, (double) index / (count - 1))));
    }

    /** Starts or pauses playback; starting at the end of a one-shot play starts over. */
    public void togglePlaying() {
        if (!playing.get() && playMode.get() == PlayMode.ONCE && frameIndex() >= frames.get() - 1) {
            position.set(0);
        }
        playing.set(!playing.get());
    }

    /** The frame the position is nearest to, 0 … frames − 1. */
    public int frameIndex() {
        return (int) Math.round(position.get() * (Math.max(2, frames.get()) - 1));
    }

    /**
     * Exports the morph with the current frames, fps and easing; the format comes from the name ({@code .gif},
     * {@code .mp4}, else a folder of PNG frames). {@code longSide} 0 keeps the images' own size.
     */
    public TaskHandle export(Path out, int longSide) {
        AnimationFormat format = AnimationFormat.of(out);
        int count = frames.get();
        double rate = fps.get();
        MorphEasing ease = easing.get();
        int sw = correspondence.source().width();
        int sh = correspondence.source().height();
        int tw = correspondence.target().width();
        int th = correspondence.target().height();
        // the images' own size is scaled down to the export limits; an asked-for size beyond them fails the task below
        MorphCanvas canvas = longSide <= 0 ? MorphLimits.canvas(sw, sh, tw, th, null, count, "the size")
                : MorphCanvas.withLongSide(sw, sh, tw, th, longSide);
        Morph preview = morph.get();
        TaskHandle handle = tasks.submit(BackgroundTask.of("Exporting " + out.getFileName(), (progress, cancel) -> {
            MorphLimits.checkFrames(count, "the number of frames");
            MorphLimits.canvas(sw, sh, tw, th, longSide <= 0 ? null : longSide, count, "the long side");
            format.checkWritable(out);
            Morph exported = preview != null && preview.canvas().equals(canvas) ? preview
                    : Morph.prepare(correspondence, sourcePixels, targetPixels, canvas,
                            (stage, f) -> progress.progress(stage, 0.1 * Math.max(0, f)), cancel);
            format.write(FrameSource.of(exported, count, ease), rate, out,
                    (stage, f) -> progress.progress(stage, 0.1 + 0.9 * Math.max(0, f)), cancel);
            return out;
        }).onSuccess(file -> {
            dialogs.notify(Notification.info("Exported", format.label() + ", " + count + " frames " + canvas.width()
                    + "×" + canvas.height() + ": " + file));
            exportTask.set(null);
        }).onFailure(error -> {
            dialogs.notify(Notification.error("Export failed", error));
            exportTask.set(null);
        }).onCancelled(() -> {
            dialogs.notify(Notification.info("Export cancelled", "Nothing was written."));
            exportTask.set(null);
        }));
        if (handle.isRunning()) {
            exportTask.set(handle);
        }
        return handle;
    }

    public void cancelExport() {
        TaskHandle handle = exportTask.get();
        if (handle != null) {
            handle.cancel();
        }
    }

    public MorphCanvas previewCanvas() {
        return previewCanvas;
    }

    public Correspondence correspondence() {
        return correspondence;
    }

    public RgbImage sourcePixels() {
        return sourcePixels;
    }

    public RgbImage targetPixels() {
        return targetPixels;
    }

    public List<MorphPoints.Trajectory> trajectories() {
        return trajectories;
    }

    public ReadOnlyObjectProperty<Morph> morphProperty() {
        return morph.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RgbImage> halfwayProperty() {
        return halfway.getReadOnlyProperty();
    }

    /** Playback fraction in [0, 1] (the slider). */
    public DoubleProperty positionProperty() {
        return position;
    }

    /** The morph time shown: the position through the easing. */
    public DoubleBinding timeBinding() {
        return time;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public ObjectProperty<PlayMode> playModeProperty() {
        return playMode;
    }

    public IntegerProperty framesProperty() {
        return frames;
    }

    public DoubleProperty fpsProperty() {
        return fps;
    }

    public ObjectProperty<MorphEasing> easingProperty() {
        return easing;
    }

    public BooleanProperty showPointsProperty() {
        return showPoints;
    }

    public ReadOnlyObjectProperty<TaskHandle> exportTaskProperty() {
        return exportTask.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
