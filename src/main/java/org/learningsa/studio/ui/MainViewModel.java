package org.learningsa.studio.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.learningsa.studio.align.Aligner;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.SamplePair;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.image.ViewedImage;
import org.learningsa.studio.ui.dialog.DialogService;
import org.learningsa.studio.ui.dialog.Notification;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * State of the main window without JavaFX nodes: the pair, the model, the running task, the
 * current alignment and what the status bar says. Every slow step (decoding, loading a
 * checkpoint, aligning) goes through the {@link TaskRunner}; results are cached per (model, pair).
 */
public final class MainViewModel {

    static final List<String> IMAGE_EXTENSIONS = List.of("*.png", "*.jpg", "*.jpeg", "*.bmp", "*.gif", "*.tif", "*.tiff");

    private final List<SamplePair> samplePairs;
    private final AlignerCatalog catalog;
    private final TaskRunner tasks;
    private final DialogService dialogs;
    private final StudioPreferences preferences;
    private final AlignmentCache cache = new AlignmentCache();

    /** Set only together with the decoded pixels (see {@link #openSource}), so they never disagree. */
    private final ReadOnlyObjectWrapper<Path> sourcePath = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> targetPath = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> sourcePixels = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<RgbImage> targetPixels = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObservableList<ModelChoice> models = FXCollections.observableArrayList();
    private final ObjectProperty<ModelChoice> selectedModel = new SimpleObjectProperty<>();
    private final ReadOnlyObjectWrapper<Alignment> alignment = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<TaskHandle> runningTask = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding running;
    private final StringProperty engineStatus = new SimpleStringProperty("Engine: starting…");
    private final StringProperty deviceStatus = new SimpleStringProperty("Device: –");
    private final StringProperty modelStatus = new SimpleStringProperty();
    private static final String NOT_RUN = "Not run yet";
    static final String KEEP_PREVIOUS = "Keep the previous image";
    static final String USE_ANYWAY = "Use it anyway";
    private final StringProperty inferenceStatus = new SimpleStringProperty(NOT_RUN);
    /** A training run going on in the background (its window closed with "keep running"), "" when none. */
    private final StringProperty trainingStatus = new SimpleStringProperty("");
    /** The kind of the open sample pair ("same-scene", "cross-instance", …); null for the user's own images. */
    private final ReadOnlyObjectWrapper<String> pairKind = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding guessing;
    /** Keypoints sent with the open pair (the evaluation's ground truth); null when none or another pair is open. */
    private final ReadOnlyObjectWrapper<ReferencePoints> referencePoints = new ReadOnlyObjectWrapper<>();
    private int sourceDecodeGeneration;
    private int targetDecodeGeneration;

    public MainViewModel(List<SamplePair> samplePairs, AlignerCatalog catalog, TaskRunner tasks,
            DialogService dialogs, StudioPreferences preferences) {
        this.samplePairs = List.copyOf(samplePairs);
        this.catalog = catalog;
        this.tasks = tasks;
        this.dialogs = dialogs;
        this.preferences = preferences;
        this.running = Bindings.createBooleanBinding(() -> runningTask.get() != null, runningTask);
        this.guessing = Bindings.createBooleanBinding(() -> alignment.get() != null && !alignment.get().semantic()
                && !SamplePair.SAME_SCENE.equals(pairKind.get()), alignment, pairKind);
        recentFiles.setAll(preferences.recentFiles());

        selectedModel.addListener((obs, old, now) -> {
            if (now != null) {
                preferences.put("model", now.id());
                modelStatus.set("Model: " + now.label());
            }
            showCachedResult();
        });
        refreshModels();
        if (!samplePairs.isEmpty()) {
            openSample(samplePairs.get(0));
        }
    }

    /** Lists the models again (a checkpoint may have been copied into weights/), keeping the selection. */
    public void refreshModels() {
        ModelChoice previous = selectedModel.get();
        List<ModelChoice> found = new java.util.ArrayList<>(catalog.available());
        for (ModelChoice opened : models) {
            if (opened.checkpoint() != null && !hasModel(found, opened.id())) {
                found.add(opened);
            }
        }
        models.setAll(found);
        String wanted = previous != null ? previous.id() : preferences.get("model", ModelChoice.DEFAULT_ID);
        selectedModel.set(models.stream().filter(m -> m.id().equals(wanted)).findFirst()
                .orElse(models.isEmpty() ? null : models.get(0)));
    }

    private static boolean hasModel(List<ModelChoice> list, String id) {
        return list.stream().anyMatch(m -> m.id().equals(id));
    }

    /** Opens both images of {@code pair} together once both have decoded, so Run never sees half a pair. */
    public void openSample(SamplePair pair) {
        open(pair.source(), pair.target(), false, null);
    }

    /** Opens {@code file} as the source once it has decoded; a file that fails changes nothing. */
    public void openSource(Path file) {
        open(file, null, true, null);
    }

    /** Opens {@code file} as the target once it has decoded; a file that fails changes nothing. */
    public void openTarget(Path file) {
        open(null, file, true, null);
    }

    /**
     * Shows a pair as another window saw it (Evaluate → Open pair in main window): selects its model (adding
     * a checkpoint the selector does not list yet), opens both images, shows the result it brought or, when it
     * brought none, aligns the pair in the background, and shows its keypoints. A pair that fails to open
     * changes nothing, as for any open.
     */
    public void openPair(PairToOpen request) {
        ModelChoice model = models.stream().filter(m -> m.id().equals(request.model().id())).findFirst().orElse(null);
        if (model == null) {
            model = request.model();
            models.add(model);
        }
        if (request.alignment() != null) {
            // into the cache first: selecting the model and opening the pair then show it like any cached result
            cache.put(AlignmentCache.Key.of(model, request.source(), request.target()), request.alignment());
        }
        selectedModel.set(model);
        open(request.source(), request.target(), true, () -> {
            referencePoints.set(request.points());
            if (alignment.get() == null) {
                run();
            }
            if (request.points() != null) {
                dialogs.notify(Notification.info("Evaluation pair opened", request.points().points().size()
                        + " keypoints (" + request.points().description() + ") are shown, numbered as in the evaluation "
                        + "window: a numbered ring on the source and its ground-truth match on the target."));
            }
        });
    }

    /** Asks for a source image (File → Open source…). */
    public void chooseSource() {
        chooseImage("Open source image").ifPresent(this::openSource);
    }

    /** Asks for a target image (File → Open target…). */
    public void chooseTarget() {
        chooseImage("Open target image").ifPresent(this::openTarget);
    }

    private java.util.Optional<Path> chooseImage(String title) {
        return dialogs.chooseFileToOpen(title, initialFolder(), "Images", IMAGE_EXTENSIONS);
    }

    Path initialFolder() {
        return preferences.lastFolder().orElse(sourcePath.get() != null ? sourcePath.get().getParent() : null);
    }

    private void remember(Path file) {
        preferences.setLastFolder(file.toAbsolutePath().getParent());
        preferences.addRecentFile(file);
        recentFiles.setAll(preferences.recentFiles());
    }

    public void swap() {
        // both sides are decoded already: swapping is immediate and cannot fail
        sourceDecodeGeneration++;
        targetDecodeGeneration++;
        Path source = sourcePath.get();
        RgbImage pixels = sourcePixels.get();
        sourcePath.set(targetPath.get());
        sourcePixels.set(targetPixels.get());
        targetPath.set(source);
        targetPixels.set(pixels);
        pairChanged();
    }

    /**
     * Decodes {@code file} in the background and only then makes it the source or target: until it
     * has decoded the current pair, its view and its results stay, and a file that cannot be decoded
     * changes nothing (nor enters Recent). Of several opens of one side, the last one wins.
     *
     * @param opened run once the pair is shown (not after a failure or when a later open won), or null
     */
    private void open(Path newSource, Path newTarget, boolean remember, Runnable opened) {
        int sourceGeneration = newSource == null ? sourceDecodeGeneration : ++sourceDecodeGeneration;
        int targetGeneration = newTarget == null ? targetDecodeGeneration : ++targetDecodeGeneration;
        Path named = newSource != null ? newSource : newTarget;
        // which file is being decoded, so a failure names the right one in the title
        java.util.concurrent.atomic.AtomicReference<Path> failed = new java.util.concurrent.atomic.AtomicReference<>();
        tasks.submit(BackgroundTask.of("Opening " + named.getFileName(), (progress, cancel) -> {
            failed.set(newSource);
            ViewedImage source = newSource == null ? null : ImageDecoder.decodeForViewing(newSource);
            failed.set(newTarget);
            ViewedImage target = newTarget == null ? null : ImageDecoder.decodeForViewing(newTarget);
            return new ViewedImage[] {source, target};
        }).onSuccess(images -> {
            Runnable show = () -> {
                if (sourceGeneration != sourceDecodeGeneration || targetGeneration != targetDecodeGeneration) {
                    return;
                }
                for (Path file : new Path[] {newSource, newTarget}) {
                    if (file != null && remember) {
                        remember(file);
                    }
                }
                if (newSource != null) {
                    sourcePath.set(newSource);
                    sourcePixels.set(images[0].pixels());
                }
                if (newTarget != null) {
                    targetPath.set(newTarget);
                    targetPixels.set(images[1].pixels());
                }
                pairChanged();
                if (opened != null) {
                    opened.run();
                }
            };
            boolean sourceDamaged = images[0] != null && images[0].damaged();
            boolean targetDamaged = images[1] != null && images[1].damaged();
            if (!sourceDamaged && !targetDamaged) {
                show.run();
                return;
            }
            offerDamaged(sourceDamaged ? newSource : newTarget, sourceDamaged ? images[0] : images[1],
                    sourceDamaged ? sourcePixels.get() != null : targetPixels.get() != null, show);
        }).onFailure(error -> dialogs.notify(Notification.error("Cannot open " + failed.get().getFileName(), error))));
    }

    /**
     * A file the decoder read only in part (a JPEG cut short shows its missing part grey, and the network would
     * match that grey as if it were the picture): says which file and what is missing, and lets the user keep
     * the image shown before or use this one anyway. With nothing shown before, it is shown with the warning.
     */
    private void offerDamaged(Path file, ViewedImage image, boolean hasPrevious, Runnable show) {
        String title = file.getFileName() + " is damaged";
        String problem = file + " could not be read whole (" + image.damage() + "): the decoder filled the missing "
                + "part in, and the network would match that filler as if it were the picture.";
        if (!hasPrevious) {
            show.run();
            dialogs.notify(Notification.warning(title, problem + " It is shown as read; open an intact copy to replace it."));
            return;
        }
        dialogs.notify(Notification.warning(title, problem + " Closing this keeps the previous image.")
                .withActions(new Notification.Action(KEEP_PREVIOUS, () -> { }),
                        new Notification.Action(USE_ANYWAY, show)));
    }

    private void pairChanged() {
        Path source = sourcePath.get();
        Path target = targetPath.get();
        pairKind.set(samplePairs.stream()
                .filter(p -> (p.source().equals(source) && p.target().equals(target))
                        || (p.source().equals(target) && p.target().equals(source)))
                .map(SamplePair::kind).findFirst().orElse(null));
        if (referencePoints.get() != null && !referencePoints.get().isFor(source, target)) {
            referencePoints.set(null);
        }
        showCachedResult();
    }

    /**
     * Help for semantic pairs: {@code weights/README.md} (where to download the LearningSA checkpoints
     * and where to put them) and the folders the app searches.
     */
    public void showWeightsInstructions() {
        dialogs.showText("LearningSA weights", "Semantic pairs need the official LearningSA checkpoint",
                WeightsInstructions.text());
    }

    /** Aligns the current pair with the current model, or shows the cached result at once. */
    public void run() {
        if (running.get()) {
            return;
        }
        Path source = sourcePath.get();
        Path target = targetPath.get();
        ModelChoice model = selectedModel.get();
        if (source == null || target == null || model == null) {
            dialogs.notify(Notification.warning("Nothing to align", "Open a source and a target image first "
                    + "(File → Open, drag and drop, or a sample pair)."));
            return;
        }
        AlignmentCache.Key key = AlignmentCache.Key.of(model, source, target);
        if (cache.get(key).isPresent()) {
            alignment.set(cache.get(key).get());
            return;
        }
        String title = "Aligning " + source.getFileName() + " → " + target.getFileName();
        long started = System.nanoTime();
        TaskHandle handle = tasks.submit(BackgroundTask.of(title, (progress, cancel) -> {
            progress.progress("loading weights", 0);
            Aligner aligner = catalog.load(model, progress, cancel);
            cancel.throwIfCancelled();
            return aligner.align(source, target, progress, cancel);
        }).onSuccess(result -> {
            runningTask.set(null);
            cache.put(key, result);
            double seconds = (System.nanoTime() - started) / 1e9;
            inferenceStatus.set(String.format(Locale.ROOT, "Last run: %.2f s — %s", seconds, result.modelName()));
            if (key.equals(currentKey())) {
                alignment.set(result);
            }
        }).onFailure(error -> {
            runningTask.set(null);
            dialogs.notify(Notification.error("Alignment failed", error));
        }).onCancelled(() -> {
            runningTask.set(null);
            dialogs.notify(Notification.info("Cancelled", "The alignment was stopped; nothing changed."));
        }));
        if (handle.isRunning()) {
            runningTask.set(handle);
        }
    }

    /** Stops the running alignment at its next check. */
    public void cancel() {
        TaskHandle handle = runningTask.get();
        if (handle != null) {
            handle.cancel();
        }
    }

    /**
     * Adds a checkpoint chosen by the user, selects it and loads it at once in the background, so a
     * rejected file is explained now and not at the next run. On rejection the previous model stays.
     */
    public void openCheckpoint(Path file) {
        Objects.requireNonNull(file);
        if (!Files.isRegularFile(file)) {
            dialogs.notify(Notification.error("Checkpoint not found", new UserFacingException(file
                    + " does not exist or is not a file. Choose a .pt file saved by LearningSA.")));
            return;
        }
        preferences.put("checkpointFolder", file.toAbsolutePath().getParent().toString());
        ModelChoice choice = ModelChoice.checkpoint(file);
        ModelChoice previous = selectedModel.get();
        tasks.submit(BackgroundTask.of("Loading " + file.getFileName(), (progress, cancel) ->
                catalog.load(choice, progress, cancel))
                .onSuccess(aligner -> {
                    if (!hasModel(models, choice.id())) {
                        models.add(choice);
                    }
                    selectedModel.set(models.stream().filter(m -> m.id().equals(choice.id())).findFirst().orElse(choice));
                    dialogs.notify(Notification.info("Checkpoint loaded", aligner.name() + " is ready. Press Run."));
                })
                .onFailure(error -> {
                    selectedModel.set(previous);
                    dialogs.notify(Notification.error("Checkpoint rejected: " + file.getFileName(), error));
                }));
    }

    /**
     * Offers a checkpoint a training run just wrote in the model selector (named by run and epoch), without
     * loading or selecting it; a file offered again (last.pt after the next epoch) keeps its place, new label.
     */
    public void offerCheckpoint(Path file, String label) {
        ModelChoice offered = new ModelChoice(file.toAbsolutePath().normalize().toString(), label, file.toAbsolutePath().normalize());
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).id().equals(offered.id())) {
                boolean wasSelected = models.get(i).equals(selectedModel.get());
                models.set(i, offered);
                if (wasSelected) {
                    selectedModel.set(offered);
                }
                return;
            }
        }
        models.add(offered);
    }

    /** Model → Open checkpoint…: asks for a .pt file and opens it. */
    public void chooseCheckpoint() {
        Path folder = Path.of(preferences.get("checkpointFolder", Path.of("weights").toAbsolutePath().toString()));
        dialogs.chooseFileToOpen("Open LearningSA checkpoint", folder, "PyTorch checkpoints", List.of("*.pt", "*.pth", "*.tar"))
                .ifPresent(this::openCheckpoint);
    }

    /** Starts DJL on a worker so the first run does not pay for it; the status bar names engine and device. */
    public void startEngine() {
        tasks.submit(BackgroundTask.of("Starting the engine", (progress, cancel) -> EngineRuntime.start(DeviceChoice.AUTO))
                .onSuccess(runtime -> {
                    engineStatus.set("Engine: " + runtime.engineDescription());
                    deviceStatus.set("Device: " + runtime.deviceDescription()
                            + runtime.fallbackMessage().map(m -> " — " + m).orElse(""));
                })
                .onFailure(error -> {
                    engineStatus.set("Engine: unavailable");
                    dialogs.notify(Notification.error("The engine could not start", error));
                }));
    }

    private AlignmentCache.Key currentKey() {
        if (sourcePath.get() == null || targetPath.get() == null || selectedModel.get() == null) {
            return null;
        }
        return AlignmentCache.Key.of(selectedModel.get(), sourcePath.get(), targetPath.get());
    }

    /** Shows the current pair's cached result, or none; the status bar never speaks of another pair's run. */
    private void showCachedResult() {
        AlignmentCache.Key key = currentKey();
        Alignment cached = key == null ? null : cache.get(key).orElse(null);
        alignment.set(cached);
        inferenceStatus.set(cached == null ? NOT_RUN : "Cached result — " + cached.modelName());
    }

    public List<SamplePair> samplePairs() {
        return samplePairs;
    }

    /** The models (one registry per app), shared with the evaluation window. */
    public AlignerCatalog catalog() {
        return catalog;
    }

    public DialogService dialogs() {
        return dialogs;
    }

    public TaskRunner tasks() {
        return tasks;
    }

    public StudioPreferences preferences() {
        return preferences;
    }

    public ReadOnlyObjectProperty<Path> sourcePathProperty() {
        return sourcePath.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> targetPathProperty() {
        return targetPath.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RgbImage> sourcePixelsProperty() {
        return sourcePixels.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<RgbImage> targetPixelsProperty() {
        return targetPixels.getReadOnlyProperty();
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    public ObservableList<ModelChoice> models() {
        return models;
    }

    public ObjectProperty<ModelChoice> selectedModelProperty() {
        return selectedModel;
    }

    public ReadOnlyObjectProperty<Alignment> alignmentProperty() {
        return alignment.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<TaskHandle> runningTaskProperty() {
        return runningTask.getReadOnlyProperty();
    }

    /** Keypoints sent with the open pair (by the evaluation window), null when there are none. */
    public ReadOnlyObjectProperty<ReferencePoints> referencePointsProperty() {
        return referencePoints.getReadOnlyProperty();
    }

    /** The open sample pair's kind, null when the images are not a sample pair. */
    public ReadOnlyObjectProperty<String> pairKindProperty() {
        return pairKind.getReadOnlyProperty();
    }

    /**
     * True while a weight-free (not semantic) result is shown for a pair that is not known to be one
     * scene seen twice: its matches are guesses, and the view says so.
     */
    public BooleanBinding guessingProperty() {
        return guessing;
    }

    public BooleanBinding runningProperty() {
        return running;
    }

    public StringProperty engineStatusProperty() {
        return engineStatus;
    }

    public StringProperty deviceStatusProperty() {
        return deviceStatus;
    }

    public StringProperty modelStatusProperty() {
        return modelStatus;
    }

    public StringProperty trainingStatusProperty() {
        return trainingStatus;
    }

    public StringProperty inferenceStatusProperty() {
        return inferenceStatus;
    }
}
