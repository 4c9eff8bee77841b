package org.learningsa.studio.ui.style;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BiFunction;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.apps.style.PatchSettings;
import org.learningsa.studio.apps.style.PatchStyleTransfer;
import org.learningsa.studio.apps.style.StyleMethod;
import org.learningsa.studio.apps.style.StylePreview;
import org.learningsa.studio.apps.style.StyleSettings;
import org.learningsa.studio.apps.style.StyleTransfer;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.export.StyleImages;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * The style-transfer workspace: which image is the input and which the exemplar (the main window's
 * source and target at first, as the photo–painting sample pairs are ordered), the controls, and the rendered result. Every render runs on a worker;
 * while one runs, further changes only mark the result stale and the latest settings are rendered next,
 * so dragging a slider never queues up work. The correspondence is read once per alignment, readout and
 * choice of roles; a strength change after that is a blend.
 *
 * <p>The patch method synthesises a quick preview on copies of at most {@link #PATCH_PREVIEW_SIDE} pixels
 * first (shown enlarged over the input), then the result at the displayed size in the background with its
 * progress; a change of settings cancels that render and starts over from a new preview.
 */
public final class StyleViewModel {

    /**
     * Longest side of the live preview. A larger input is previewed on an area-averaged copy (a 12 MP photo
     * would cost seconds per slider step); the exports render at the input's full size.
     */
    static final int PREVIEW_SIDE = 1024;

    /** Longest side of the patch method's live preview: about a second of synthesis on two cores. */
    static final int PATCH_PREVIEW_SIDE = 256;

    /** Why the patch settings cannot be used, in the window's words (the sliders' names). */
    private static final String NO_WEIGHT = "the structure, prior and coherence weights cannot all be 0";

    /** What a render needs that is fixed while only the settings change. */
    private record Source(RgbImage input, RgbImage exemplar, Correspondence correspondence, Direction fromInput) {
    }

    /** A finished render: the preview it used (kept for the next one), the image, the mask when new. */
    private record Rendered(StylePreview preview, RgbImage image, RgbImage mask, double millis) {
    }

    /** A finished patch synthesis: the prepared transfer (kept for the next one), the image, the mask when new. */
    private record PatchRendered(PatchStyleTransfer transfer, RgbImage image, RgbImage mask, double millis) {
    }

    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final ObjectProperty<RgbImage> sourcePixels = new SimpleObjectProperty<>();
    private final ObjectProperty<RgbImage> targetPixels = new SimpleObjectProperty<>();
    private final ObjectProperty<Alignment> alignment = new SimpleObjectProperty<>();
    private final BooleanProperty inputIsTarget = new SimpleBooleanProperty(false);
    private final ObjectProperty<Readout> readout = new SimpleObjectProperty<>(Readout.FUSED);
    private final DoubleProperty strength = new SimpleDoubleProperty(1.0);
    private final DoubleProperty window = new SimpleDoubleProperty(StyleSettings.DEFAULT_WINDOW);
    private final DoubleProperty smoothness = new SimpleDoubleProperty(StyleSettings.DEFAULT_SMOOTHNESS);
    private final DoubleProperty texture = new SimpleDoubleProperty(0);
    private final ObjectProperty<StyleMethod> method = new SimpleObjectProperty<>(StyleMethod.PATCHES);
    private final IntegerProperty patchSize = new SimpleIntegerProperty(PatchSettings.DEFAULT_PATCH_SIZE);
    private final DoubleProperty priorWeight = new SimpleDoubleProperty(PatchSettings.DEFAULT_PRIOR);
    private final DoubleProperty colourWeight = new SimpleDoubleProperty(PatchSettings.DEFAULT_COLOUR);
    private final DoubleProperty structureWeight = new SimpleDoubleProperty(PatchSettings.DEFAULT_STRUCTURE);
    private final DoubleProperty uniformity = new SimpleDoubleProperty(PatchSettings.DEFAULT_UNIFORMITY);
    private final IntegerProperty iterations = new SimpleIntegerProperty(PatchSettings.DEFAULT_ITERATIONS);
    private final IntegerProperty levels = new SimpleIntegerProperty(PatchSettings.defaults().levels());
    private final LongProperty seed = new SimpleLongProperty(PatchSettings.DEFAULT_SEED);
    private final ReadOnlyBooleanWrapper fullRendering = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyDoubleWrapper fullRenderProgress = new ReadOnlyDoubleWrapper(-1);
    private final BooleanProperty showMask = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<RgbImage> input = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> exemplar = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> mask = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper rendering = new ReadOnlyBooleanWrapper(false);
    private BiFunction<Alignment, Readout, Correspondence> correspondences = NetworkCorrespondence::new;
    private Source source;
    private StylePreview preview;
    private PatchStyleTransfer patchPreview;
    private PatchStyleTransfer patchFull;
    private TaskHandle fullRender;
    private boolean stale;
    /** Set while several settings change as one (Defaults): they are rendered once, when all are set. */
    private boolean changingSeveral;
    private double lastRenderMillis;

    public StyleViewModel(TaskRunner tasks, DialogService dialogs) {
        this.tasks = Objects.requireNonNull(tasks);
        this.dialogs = Objects.requireNonNull(dialogs);
        javafx.beans.InvalidationListener sourceChanged = obs -> sourceChanged();
        sourcePixels.addListener(sourceChanged);
        targetPixels.addListener(sourceChanged);
        alignment.addListener(sourceChanged);
        inputIsTarget.addListener(sourceChanged);
        readout.addListener(sourceChanged);
        javafx.beans.InvalidationListener settingsChanged = obs -> {
            if (!changingSeveral) {
                requestRender();
            }
        };
        strength.addListener(settingsChanged);
        window.addListener(settingsChanged);
        smoothness.addListener(settingsChanged);
        texture.addListener(settingsChanged);
        method.addListener(settingsChanged);
        patchSize.addListener(settingsChanged);
        priorWeight.addListener(settingsChanged);
        colourWeight.addListener(settingsChanged);
        structureWeight.addListener(settingsChanged);
        uniformity.addListener(settingsChanged);
        iterations.addListener(settingsChanged);
        levels.addListener(settingsChanged);
        seed.addListener(settingsChanged);
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

    /** Reads the correspondence again (the user's points changed) and re-renders. */
    public void correspondenceChanged() {
        sourceChanged();
    }

    /** Exchanges input and exemplar; the same alignment is read in the other direction. */
    public void swapRoles() {
        inputIsTarget.set(!inputIsTarget.get());
    }

    /** The current settings (values clamped into their ranges). */
    public StyleSettings settings() {
        return new StyleSettings(clamp(strength.get(), 0, 1),
                clamp(window.get(), StyleSettings.MIN_WINDOW, StyleSettings.MAX_WINDOW),
                clamp(smoothness.get(), 0, 100), clamp(texture.get(), 0, 1));
    }

    /**
     * The patch method's settings (values clamped into their ranges, the patch size made odd).
     *
     * @throws IllegalArgumentException when the structure, prior and colour weights are all 0
     */
    public PatchSettings patchSettings() {
        int size = (int) clamp(patchSize.get(), 3, 15);
        return new PatchSettings(size % 2 == 0 ? size + 1 : size, (int) clamp(levels.get(), 0, PatchSettings.MAX_LEVELS),
                (int) clamp(iterations.get(), 1, 20), clamp(structureWeight.get(), 0, 100),
                clamp(priorWeight.get(), 0, 100), clamp(colourWeight.get(), 0, 100), clamp(uniformity.get(), 0, 100),
                clamp(strength.get(), 0, 1), seed.get());
    }

    /** The patch settings, or null while they cannot be used (all three weights 0). */
    private PatchSettings usablePatchSettings() {
        try {
            return patchSettings();
        } catch (IllegalArgumentException unusable) {
            return null;
        }
    }

    /** Every patch setting back to {@link PatchSettings#defaults()}, the strength kept; rendered once. */
    public void restorePatchDefaults() {
        PatchSettings defaults = PatchSettings.defaults();
        changingSeveral = true;
        try {
            patchSize.set(defaults.patchSize());
            levels.set(defaults.levels());
            iterations.set(defaults.iterations());
            structureWeight.set(defaults.structure());
            priorWeight.set(defaults.prior());
            colourWeight.set(defaults.colour());
            uniformity.set(defaults.uniformity());
            seed.set(defaults.seed());
        } finally {
            changingSeveral = false;
        }
        requestRender();
    }

    /** A random seed other than the current one: another draw of the random search, the same settings. */
    public void drawNewSeed() {
        long drawn;
        do {
            // kept short enough to read and type back
            drawn = ThreadLocalRandom.current().nextLong(1, 1_000_000_000L);
        } while (drawn == seed.get());
        seed.set(drawn);
    }

    private void sourceChanged() {
        RgbImage src = sourcePixels.get();
        RgbImage tgt = targetPixels.get();
        RgbImage in = inputIsTarget.get() ? tgt : src;
        RgbImage ex = inputIsTarget.get() ? src : tgt;
        input.set(in);
        exemplar.set(ex);
        preview = null;
        patchPreview = null;
        patchFull = null;
        cancelFullRender();
        Alignment current = alignment.get();
        if (in == null || ex == null) {
            source = null;
            result.set(null);
            mask.set(null);
            status.set("Open a source and a target image in the main window.");
            return;
        }
        if (current == null || !sameSize(current.source(), src) || !sameSize(current.target(), tgt)) {
            // none yet, or the one of the previous pair while the main window re-aligns
            source = null;
            result.set(null);
            mask.set(null);
            status.set("Waiting for the alignment (Run in the main window)…");
            return;
        }
        source = new Source(in, ex, correspondences.apply(current, readout.get()),
                inputIsTarget.get() ? Direction.TARGET_TO_SOURCE : Direction.SOURCE_TO_TARGET);
        requestRender();
    }

    /** Renders the current settings now, or right after the render that is running. */
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
        if (method.get() == StyleMethod.PATCHES) {
            renderPatches();
            return;
        }
        cancelFullRender();
        Source job = source;
        StylePreview known = preview;
        StyleSettings settings = settings();
        tasks.submit(BackgroundTask.of("Style transfer", (progress, cancel) -> {
            long start = System.nanoTime();
            StylePreview p = known != null ? known
                    : StyleTransfer.prepare(job.correspondence(), job.fromInput(), shrunk(job.input()),
                            shrunk(job.exemplar()), cancel);
            RgbImage rendered = p.render(settings);
            RgbImage confidence = known != null ? null : p.confidenceMask();
            return new Rendered(p, rendered, confidence, (System.nanoTime() - start) / 1e6);
        }).onSuccess(done -> {
            rendering.set(false);
            if (job == source && method.get() == StyleMethod.COLOUR) {
                // only a result for what is still shown counts; otherwise the next render replaces it
                preview = done.preview();
                result.set(done.image());
                if (done.mask() != null) {
                    mask.set(done.mask());
                }
                lastRenderMillis = done.millis();
                status.set(String.format(Locale.ROOT, "Colour · %s · strength %.2f · mean confidence %.2f · %.0f ms",
                        preview.description(), settings.strength(), preview.meanConfidence(), lastRenderMillis));
            }
            if (stale || job != source || method.get() != StyleMethod.COLOUR) {
                requestRender();
            }
        }).onFailure(error -> {
            rendering.set(false);
            dialogs.notify(Notification.error("Style transfer failed", error));
        }).onCancelled(() -> rendering.set(false)));
    }

    /**
     * The patch method: a blend when only the strength changed since the last full-size synthesis, else the
     * small preview and then the full-size render in the background.
     */
    private void renderPatches() {
        Source job = source;
        PatchSettings settings = usablePatchSettings();
        if (settings == null) {
            cancelFullRender();
            rendering.set(false);
            result.set(null);
            status.set("Patch method: " + NO_WEIGHT + ". Raise one of them.");
            return;
        }
        PatchStyleTransfer full = patchFull;
        if (full != null && full.hasSynthesised(settings)) {
            cancelFullRender();
            tasks.submit(BackgroundTask.of("Style transfer", (progress, cancel) -> {
                long start = System.nanoTime();
                RgbImage image = full.render(settings, progress, cancel);
                return new PatchRendered(full, image, null, (System.nanoTime() - start) / 1e6);
            }).onSuccess(done -> {
                rendering.set(false);
                if (job == source && method.get() == StyleMethod.PATCHES) {
                    result.set(done.image());
                    status.set(patchStatus("Full size", done.transfer(), settings, done.millis()));
                }
                afterPatchRender(job);
            }).onFailure(this::patchFailed).onCancelled(() -> rendering.set(false)));
            return;
        }
        cancelFullRender();
        PatchStyleTransfer known = patchPreview;
        RgbImage display = shrunk(job.input());
        tasks.submit(BackgroundTask.of("Style transfer preview", (progress, cancel) -> {
            long start = System.nanoTime();
            PatchStyleTransfer p = known != null ? known : PatchStyleTransfer.prepare(job.correspondence(),
                    job.fromInput(), shrunk(job.input(), PATCH_PREVIEW_SIDE), shrunk(job.exemplar(), PATCH_PREVIEW_SIDE),
                    cancel);
            RgbImage small = p.render(settings, ProgressListener.NONE, cancel);
            RgbImage shown = PatchStyleTransfer.resized(small, display.width(), display.height());
            // the mask is the correspondence's confidence, the same for both methods (cheap to compute)
            RgbImage confidence = known != null ? null : StyleTransfer.prepare(job.correspondence(), job.fromInput(),
                    display, shrunk(job.exemplar()), cancel).confidenceMask();
            return new PatchRendered(p, shown, confidence, (System.nanoTime() - start) / 1e6);
        }).onSuccess(done -> {
            rendering.set(false);
            if (job == source && method.get() == StyleMethod.PATCHES && !stale) {
                patchPreview = done.transfer();
                result.set(done.image());
                if (done.mask() != null) {
                    mask.set(done.mask());
                }
                lastRenderMillis = done.millis();
                status.set(patchStatus("Preview " + PATCH_PREVIEW_SIDE + " px", done.transfer(), settings, done.millis())
                        + " · rendering full size…");
                startFullRender(job, settings);
            }
            afterPatchRender(job);
        }).onFailure(this::patchFailed).onCancelled(() -> rendering.set(false)));
    }

    /** The full-size synthesis in the background, with progress; cancelled by the next change. */
    private void startFullRender(Source job, PatchSettings settings) {
        PatchStyleTransfer known = patchFull;
        fullRendering.set(true);
        fullRenderProgress.unbind();
        TaskHandle handle = tasks.submit(BackgroundTask.of("Style transfer, full size", (progress, cancel) -> {
            long start = System.nanoTime();
            PatchStyleTransfer p = known != null ? known : PatchStyleTransfer.prepare(job.correspondence(),
                    job.fromInput(), shrunk(job.input()), shrunk(job.exemplar()), cancel);
            RgbImage image = p.render(settings, progress, cancel);
            return new PatchRendered(p, image, null, (System.nanoTime() - start) / 1e6);
        }).onSuccess(done -> {
            if (job == source) {
                patchFull = done.transfer();
            }
            if (job == source && method.get() == StyleMethod.PATCHES && settings.equals(usablePatchSettings())) {
                finishFullRender();
                result.set(done.image());
                lastRenderMillis = done.millis();
                status.set(patchStatus("Full size", done.transfer(), settings, done.millis()));
            }
        }).onFailure(error -> {
            finishFullRender();
            patchFailed(error);
        }).onCancelled(() -> { }));
        if (handle.isRunning()) {
            fullRender = handle;
            fullRenderProgress.bind(handle.progressProperty());
        } else {
            finishFullRender();
        }
    }

    private void cancelFullRender() {
        if (fullRender != null) {
            fullRender.cancel();
        }
        finishFullRender();
    }

    private void finishFullRender() {
        fullRender = null;
        fullRenderProgress.unbind();
        fullRenderProgress.set(-1);
        fullRendering.set(false);
    }

    private void afterPatchRender(Source job) {
        if (stale || job != source || method.get() != StyleMethod.PATCHES) {
            requestRender();
        }
    }

    /** An exemplar too small for the patches is said in the status line; anything else is an error dialog. */
    private void patchFailed(Throwable error) {
        rendering.set(false);
        if (error instanceof IllegalArgumentException) {
            result.set(null);
            status.set("Patch method: " + error.getMessage() + ". Choose a smaller patch size or the colour method.");
        } else {
            dialogs.notify(Notification.error("Style transfer failed", error));
        }
    }

    private static String patchStatus(String what, PatchStyleTransfer transfer, PatchSettings settings, double millis) {
        return String.format(Locale.ROOT, "Patches · %s · %s · strength %.2f · mean confidence %.2f · %.0f ms", what,
                transfer.description(), settings.strength(), transfer.meanConfidence(), millis);
    }

    /** Asks for a file and writes the result as PNG (on a worker). */
    public void chooseExport() {
        if (result.get() == null) {
            return;
        }
        dialogs.chooseFileToSave("Export stylised image", null, "stylised.png", "PNG image", List.of("*.png"))
                .ifPresent(this::exportResult);
    }

    /** Asks for a file and writes exemplar | input | result as one PNG (on a worker). */
    public void chooseExportTriptych() {
        if (result.get() == null) {
            return;
        }
        dialogs.chooseFileToSave("Export triptych", null, "style-triptych.png", "Figure (PNG, SVG, PDF)",
                        List.of("*.png", "*.svg", "*.pdf"))
                .ifPresent(this::exportTriptych);
    }

    /** Writes the result at the input's full size as PNG (rendered again on the worker when previewed smaller). */
    public void exportResult(Path file) {
        if (source == null || result.get() == null) {
            return;
        }
        Source job = source;
        Renderer renderer = renderer();
        RgbImage shown = result.get();
        write(file, (progress, cancel) -> StyleImages.writePng(fullSize(job, renderer, shown, progress, cancel), file));
    }

    /** Writes exemplar | input | result at full size through the figure renderer (PNG, SVG or PDF). */
    public void exportTriptych(Path file) {
        if (source == null || result.get() == null) {
            return;
        }
        Source job = source;
        Renderer renderer = renderer();
        RgbImage shown = result.get();
        String caption = String.format(Locale.ROOT, "%s method, %s, strength %.2f", method.get(),
                job.correspondence().description(), strength.get());
        write(file, (progress, cancel) -> StyleImages.writeTriptych(job.exemplar(), job.input(),
                fullSize(job, renderer, shown, progress, cancel), caption, file));
    }

    /** Renders the current method and settings at the input's full size (on a worker). */
    private interface Renderer {
        RgbImage render(Source job, ProgressListener progress, CancelToken cancel);
    }

    private Renderer renderer() {
        if (method.get() == StyleMethod.PATCHES) {
            PatchSettings settings = usablePatchSettings();
            if (settings == null) {
                // changed while a result was still shown: said by the export's failure, not thrown here
                return (job, progress, cancel) -> {
                    throw new IllegalArgumentException(NO_WEIGHT);
                };
            }
            return (job, progress, cancel) -> PatchStyleTransfer.prepare(job.correspondence(), job.fromInput(),
                    job.input(), job.exemplar(), cancel).render(settings, progress, cancel);
        }
        StyleSettings settings = settings();
        return (job, progress, cancel) -> StyleTransfer.prepare(job.correspondence(), job.fromInput(), job.input(),
                job.exemplar(), cancel).render(settings);
    }

    /** The shown result when it already has the input's size (a finished full render), else rendered again. */
    private static RgbImage fullSize(Source job, Renderer renderer, RgbImage shown, ProgressListener progress,
                                     CancelToken cancel) {
        if (shown.width() == job.input().width() && shown.height() == job.input().height()) {
            return shown;
        }
        return renderer.render(job, progress, cancel);
    }

    /** The image at most {@link #PREVIEW_SIDE} on its longer side (itself when smaller). */
    static RgbImage shrunk(RgbImage image) {
        return shrunk(image, PREVIEW_SIDE);
    }

    /** The image at most {@code side} pixels on its longer side (itself when smaller). */
    static RgbImage shrunk(RgbImage image, int side) {
        return AreaResize.atMost(image, side);
    }

    private interface Export {
        void write(ProgressListener progress, CancelToken cancel);
    }

    private void write(Path file, Export writer) {
        tasks.submit(BackgroundTask.of("Exporting " + file.getFileName(), (progress, cancel) -> {
            writer.write(progress, cancel);
            return file;
        }).onSuccess(written -> dialogs.notify(Notification.info("Exported", "Saved " + written + ".")))
          .onFailure(error -> dialogs.notify(Notification.error("Export failed", error))));
    }

    private static boolean sameSize(org.learningsa.studio.align.ImageRef ref, RgbImage pixels) {
        return ref.width() == pixels.width() && ref.height() == pixels.height();
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(max, value));
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

    public DoubleProperty windowProperty() {
        return window;
    }

    public DoubleProperty smoothnessProperty() {
        return smoothness;
    }

    public DoubleProperty textureProperty() {
        return texture;
    }

    /** Which method renders: the exemplar's patches (the default) or colour only. */
    public ObjectProperty<StyleMethod> methodProperty() {
        return method;
    }

    /** The patch method's patch side in pixels (made odd). */
    public IntegerProperty patchSizeProperty() {
        return patchSize;
    }

    /** The patch method's weight of the correspondence prior. */
    public DoubleProperty priorWeightProperty() {
        return priorWeight;
    }

    /** The patch method's weight of coherence in colour. */
    public DoubleProperty colourWeightProperty() {
        return colourWeight;
    }

    /** The patch method's weight of the structure guide (the input's lightness and gradients). */
    public DoubleProperty structureWeightProperty() {
        return structureWeight;
    }

    /** The patch method's penalty on exemplar patches used more than their fair share. */
    public DoubleProperty uniformityProperty() {
        return uniformity;
    }

    /** The patch method's PatchMatch passes per level, 1 to 20. */
    public IntegerProperty iterationsProperty() {
        return iterations;
    }

    /** The patch method's pyramid levels, 1 to {@link PatchSettings#MAX_LEVELS}; 0 = automatic. */
    public IntegerProperty levelsProperty() {
        return levels;
    }

    /** The seed of the patch method's random search: the same seed gives the same pixels. */
    public LongProperty seedProperty() {
        return seed;
    }

    /** Whether the patch method's full-size render runs in the background. */
    public ReadOnlyBooleanProperty fullRenderingProperty() {
        return fullRendering.getReadOnlyProperty();
    }

    /** Its progress, 0..1 (negative while unknown or idle). */
    public ReadOnlyDoubleProperty fullRenderProgressProperty() {
        return fullRenderProgress.getReadOnlyProperty();
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

    /** The correspondence's confidence over the input (viridis), for the mask toggle. */
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
