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

    private final ObjectProperty<Path> sourcePath = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> targetPath = new SimpleObjectProperty<>();
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
    private final StringProperty inferenceStatus = new SimpleStringProperty("Not run yet");
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
        recentFiles.setAll(preferences.recentFiles());

        sourcePath.addListener((obs, old, now) -> {
            decode(now, true);
            showCachedResult();
        });
        targetPath.addListener((obs, old, now) -> {
            decode(now, false);
            showCachedResult();
        });
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

    public void openSample(SamplePair pair) {
        sourcePath.set(pair.source());
        targetPath.set(pair.target());
    }

    public void openSource(Path file) {
        remember(file);
        sourcePath.set(file);
    }

    public void openTarget(Path file) {
        remember(file);
        targetPath.set(file);
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
        Path source = sourcePath.get();
        sourcePath.set(targetPath.get());
        targetPath.set(source);
    }

    private void decode(Path file, boolean source) {
        int generation = source ? ++sourceDecodeGeneration : ++targetDecodeGeneration;
        ReadOnlyObjectWrapper<RgbImage> pixels = source ? sourcePixels : targetPixels;
        pixels.set(null);
        if (file == null) {
            return;
        }
        tasks.submit(BackgroundTask.of("Opening " + file.getFileName(), (progress, cancel) -> ImageDecoder.decode(file))
                .onSuccess(image -> {
                    if (generation == (source ? sourceDecodeGeneration : targetDecodeGeneration)) {
                        pixels.set(image);
                    }
                })
                .onFailure(error -> dialogs.notify(Notification.error("Cannot open " + file.getFileName(), error))));
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
        AlignmentCache.Key key = new AlignmentCache.Key(model.id(), source, target);
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
        return new AlignmentCache.Key(selectedModel.get().id(), sourcePath.get(), targetPath.get());
    }

    private void showCachedResult() {
        AlignmentCache.Key key = currentKey();
        alignment.set(key == null ? null : cache.get(key).orElse(null));
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

    public ObjectProperty<Path> sourcePathProperty() {
        return sourcePath;
    }

    public ObjectProperty<Path> targetPathProperty() {
        return targetPath;
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

    public StringProperty inferenceStatusProperty() {
        return inferenceStatus;
    }
}
