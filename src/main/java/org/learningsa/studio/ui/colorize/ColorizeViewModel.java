package org.learningsa.studio.ui.colorize;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.colorize.ColorizePreview;
import org.learningsa.studio.apps.colorize.Colorizer;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The colorization workspace: which image is the input and which the exemplar (the main window's source
 * and target at first, as {@code lsa colorize INPUT EXEMPLAR} aligns them), the strength, and the result.
 * The chroma is solved once per alignment, readout, set of user points and choice of roles, on a worker;
 * a strength change after that only re-renders. While a render runs, further changes mark the result
 * stale and the latest state is rendered next, so dragging the slider never queues work up.
 */
public final class ColorizeViewModel {

    /**
     * Longest side of the live preview. A larger input is previewed on an area-averaged copy; the exports
     * colour the input at its full size.
     */
    static final int PREVIEW_SIDE = 1024;

    /** What a render needs that is fixed while only the strength changes. */
    private record Source(RgbImage input, RgbImage exemplar, Correspondence correspondence, Direction fromInput) {
    }

    /** A finished render: the preview it used (kept for the next one), the image, the mask when new. */
    private record Rendered(ColorizePreview preview, RgbImage image, RgbImage mask, double millis) {
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObjectProperty<RgbImage> sourcePixels = new SimpleObjectProperty<>();
    private final ObjectProperty<RgbImage> targetPixels = new SimpleObjectProperty<>();
    private final ObjectProperty<Alignment> alignment = new SimpleObjectProperty<>();
    private final BooleanProperty inputIsTarget = new SimpleBooleanProperty(false);
    private final ObjectProperty<Readout> readout = new SimpleObjectProperty<>(Readout.FUSED);
    private final DoubleProperty strength = new SimpleDoubleProperty(1.0);
    private final BooleanProperty showMask = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<RgbImage> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> exemplar = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> mask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(false);
    private BiFunction<Alignment, Readout, Correspondence> correspondences = NetworkCorrespondence::new;
    private Source source;
    private ColorizePreview preview;
    private boolean stale;

    public ColorizeViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        javafx.beans.InvalidationListener sourceChanged = obs -> sourceChanged();
        sourcePixels.addListener(sourceChanged);
        targetPixels.addListener(sourceChanged);
        alignment.addListener(sourceChanged);
        inputIsTarget.addListener(sourceChanged);
        readout.addListener(sourceChanged);
        strength.addListener(obs -> requestRender());
        sourceChanged();
    }

    /**
     * How a correspondence is made from an alignment and a readout; the network's own by default, the
     * editor's corrected one (the user's points applied) when the app wires it.
     */
    public void setCorrespondences(BiFunction<Alignment, Readout, Correspondence> factory) {
        this.correspondences = Objects.requireNonNull(factory);
        sourceChanged();
    }

    /** Reads the correspondence again (the user's points changed) and re-colours. */
    public void correspondenceChanged() {
        sourceChanged();
    }

    /** Exchanges input and exemplar; the same alignment is read in the other direction. */
    public void swapRoles() {
        inputIsTarget.set(!inputIsTarget.get());
    }

    private double strength() {
        return Math.max(0, Math.min(1, strength.get()));
    }

    private void sourceChanged() {
        RgbImage src = sourcePixels.get();
        RgbImage tgt = targetPixels.get();
        RgbImage in = inputIsTarget.get() ? tgt : src;
        RgbImage ex = inputIsTarget.get() ? src : tgt;
        input.set(in);
        exemplar.set(ex);
        preview = null;
        source = null;
        Alignment current = alignment.get();
        if (in == null || ex == null) {
            result.set(null);
            mask.set(null);
            status.set("Open the image to colour and a colour exemplar in the main window.");
            return;
        }
        if (current == null || !sameSize(current.source(), src) || !sameSize(current.target(), tgt)) {
            // none yet, or the one of the previous pair while the main window re-aligns
            result.set(null);
            mask.set(null);
            status.set("Waiting for the alignment (Run in the main window)…");
            return;
        }
        source = new Source(in, ex, correspondences.apply(current, readout.get()),
                inputIsTarget.get() ? Direction.TARGET_TO_SOURCE : Direction.SOURCE_TO_TARGET);
        requestRender();
    }

    /** Renders the current state now, or right after the render that is running. */
    void requestRender() {
        if (source == null) {
            return;
        }
        if (rendering.get()) {
            stale = true;
            return;
        }
        stale = false;
        rendering.set(true);
        Source job = source;
        ColorizePreview known = preview;
        double amount = strength();
        tasks.submit(BackgroundTask.of("Colorization", (progress, cancel) -> {
            long start = System.nanoTime();
            ColorizePreview p = known != null ? known
                    : Colorizer.prepare(job.correspondence(), job.fromInput(), shrunk(job.input()), shrunk(job.exemplar()), cancel);
            RgbImage rendered = p.render(amount);
            RgbImage confidence = known != null ? null : p.confidenceMask();
            return new Rendered(p, rendered, confidence, (System.nanoTime() - start) / 1e6);
        }).onSuccess(done -> {
            rendering.set(false);
            if (job == source) {
                // only a result for what is still shown counts; otherwise the next render replaces it
                preview = done.preview();
                result.set(done.image());
                if (done.mask() != null) {
                    mask.set(done.mask());
                }
                StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                        "%s · strength %.2f · mean confidence %.2f · %.0f ms", preview.description(), amount,
                        preview.meanConfidence(), done.millis()));
                for (String notice : preview.notices()) {
                    line.append(" · Note: ").append(notice);
                }
                status.set(line.toString());
            }
            if (stale || job != source) {
                requestRender();
            }
        }).onFailure(error -> {
            rendering.set(false);
            dialogs.notify(Notification.error("Colorization failed", error));
        }).onCancelled(() -> rendering.set(false)));
    }

    /** Asks for a file and writes the result as PNG (on a worker). */
    public void chooseExport() {
        if (result.get() != null) {
            dialogs.chooseFileToSave("Export colorized image", null, "colorized.png", "PNG image", List.of("*.png"))
                    .ifPresent(this::exportResult);
        }
    }

    /** Asks for a file and writes exemplar | input | result as one figure (on a worker). */
    public void chooseExportTriptych() {
        if (result.get() != null) {
            dialogs.chooseFileToSave("Export triptych", null, "colorize-triptych.png", "Figure (PNG, SVG, PDF)",
                            List.of("*.png", "*.svg", "*.pdf"))
                    .ifPresent(this::exportTriptych);
        }
    }

    /** Writes the result at the input's full size as PNG (coloured again on the worker when previewed smaller). */
    public void exportResult(Path file) {
        if (source == null || result.get() == null) {
            return;
        }
        Source job = source;
        double amount = strength();
        RgbImage shown = result.get();
        write(file, cancel -> StyleImages.writePng(fullSize(job, amount, shown, cancel), file));
    }

    /** Writes exemplar | input | result at full size through the figure renderer (PNG, SVG or PDF). */
    public void exportTriptych(Path file) {
        if (source == null || result.get() == null) {
            return;
        }
        Source job = source;
        double amount = strength();
        RgbImage shown = result.get();
        String caption = String.format(Locale.ROOT, "colorized, %s, strength %.2f", job.correspondence().description(), amount);
        write(file, cancel -> StyleImages.writeTriptych(job.exemplar(), job.input(), fullSize(job, amount, shown, cancel),
                caption, file));
    }

    private static RgbImage fullSize(Source job, double amount, RgbImage shown, CancelToken cancel) {
        if (shown.width() == job.input().width() && shown.height() == job.input().height()) {
            return shown;
        }
        return Colorizer.prepare(job.correspondence(), job.fromInput(), job.input(), job.exemplar(), cancel).render(amount);
    }

    /** The image at most {@link #PREVIEW_SIDE} on its longer side (itself when smaller). */
    static RgbImage shrunk(RgbImage image) {
        return AreaResize.atMost(image, PREVIEW_SIDE);
    }

    private interface Export {
        void write(CancelToken cancel);
    }

    private void write(Path file, Export writer) {
        tasks.submit(BackgroundTask.of("Exporting " + file.getFileName(), (progress, cancel) -> {
            writer.write(cancel);
            return file;
        }).onSuccess(written -> dialogs.notify(Notification.info("Exported", "Saved " + written + ".")))
          .onFailure(error -> dialogs.notify(Notification.error("Export failed", error))));
    }

    private static boolean sameSize(ImageRef ref, RgbImage pixels) {
        return ref.width() == pixels.width() && ref.height() == pixels.height();
    }

    public ObjectProperty<RgbImage> sourcePixelsProperty() {
        return sourcePixels;
    }

    public ObjectProperty<RgbImage> targetPixelsProperty() {
        return targetPixels;
    }

    public ObjectProperty<Alignment> alignmentProperty() {
        return alignment;
    }

    public BooleanProperty inputIsTargetProperty() {
        return inputIsTarget;
    }

    public ObjectProperty<Readout> readoutProperty() {
        return readout;
    }

    public DoubleProperty strengthProperty() {
        return strength;
    }

    public BooleanProperty showMaskProperty() {
        return showMask;
    }

    public ReadOnlyObjectProperty<RgbImage> inputProperty() {
        return input.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RgbImage> exemplarProperty() {
        return exemplar.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RgbImage> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Where colour was read through the correspondence (viridis), for the mask toggle. */
    public ReadOnlyObjectProperty<RgbImage> maskProperty() {
        return mask.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty renderingProperty() {
        return rendering.getReadOnlyProperty();
    }
}
