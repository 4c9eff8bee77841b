package org.learningsa.studio.ui.train;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.NotADatasetFolderException;
import org.learningsa.studio.ui.FolderAdvice;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.train.TrainingListener;
import org.learningsa.studio.train.TrainingOutcome;
import org.learningsa.studio.train.TrainingSettings;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * State of the training panel: the data (folder, CSV, what was found in it), the start model, the
 * settings with train.py's defaults, the run (Start, Cancel, Resume, status line, epoch progress),
 * the past runs and the curves. The run goes through the trainer on a background task; the UI thread
 * only ever receives finished numbers ({@link StatusRelay}) and file contents ({@link CurvesViewModel}).
 */
public final class TrainingViewModel {

    /** Where a checkpoint the run wrote is announced (the main window's model selector), on the UI thread. */
    @FunctionalInterface
    public interface CheckpointSink {
        void saved(Path file, String label);
    }

    /** An entry of "Start from": a checkpoint file, or the hashed weights (a testing aid, not a model). */
    public record StartModel(String label, Path checkpoint) {
        public static final StartModel HASHED_WEIGHTS = new StartModel("Hashed test weights (testing aid: untrained, not semantic)", null);

        public static StartModel checkpoint(Path file, String label) {
            return new StartModel(label, file.toAbsolutePath().normalize());
        }

        boolean hashedWeights() {
            return checkpoint == null;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    private final TaskRunner runner;
    private final TrainingEngine engine;
    private final Executor uiThread;
    private final Path runsRoot;
    private final RunSettingsReader settingsReader;
    private final CurvesViewModel curves;
    private CheckpointSink checkpointSink = (file, label) -> { };

    private final ObjectProperty<Benchmark> benchmark = new SimpleObjectProperty<>(Benchmark.PF_PASCAL);
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> csv = new SimpleObjectProperty<>();
    private final ObjectProperty<DatasetSummary> dataset = new SimpleObjectProperty<>();
    private final StringProperty dataStatus = new SimpleStringProperty("Choose a dataset folder (and a CSV when it has several).");
    private final ObservableList<StartModel> startModels = FXCollections.observableArrayList();
    private final ObjectProperty<StartModel> startModel = new SimpleObjectProperty<>();

    private final IntegerProperty epochs = new SimpleIntegerProperty(TrainingSettings.DEFAULT_EPOCHS);
    private final IntegerProperty maxSteps = new SimpleIntegerProperty(0);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(TrainingSettings.DEFAULT_LEARNING_RATE);
    private final DoubleProperty gamma = new SimpleDoubleProperty(TrainingSettings.DEFAULT_GAMMA);
    private final StringProperty decaySchedule = new SimpleStringProperty(String.join("-",
            TrainingSettings.DEFAULT_DECAY_SCHEDULE.stream().map(String::valueOf).toList()));
    private final BooleanProperty validation = new SimpleBooleanProperty(true);
    private final ObjectProperty<Path> valCsv = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> testCsv = new SimpleObjectProperty<>();
    private final IntegerProperty saveEvery = new SimpleIntegerProperty(TrainingSettings.DEFAULT_SAVE_EVERY);
    /** null: a new timestamped folder under {@link #runsRoot()} at each Start. */
    private final ObjectProperty<Path> outputFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<DeviceChoice> device = new SimpleObjectProperty<>(DeviceChoice.AUTO);

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final StringProperty status = new SimpleStringProperty("No run yet.");
    private final StringProperty message = new SimpleStringProperty("");
    private final DoubleProperty epochProgress = new SimpleDoubleProperty(0);
    private final ObjectProperty<Path> activeRun = new SimpleObjectProperty<>();
    private final ObjectProperty<TrainingOutcome> lastOutcome = new SimpleObjectProperty<>();
    private final ObservableList<RunSummary> runs = FXCollections.observableArrayList();
    private TaskHandle handle;

    /**
     * @param runsRoot where new runs go and past runs are listed ({@link RunFolders#runsRoot()} in the app)
     * @param uiThread {@code Platform::runLater} in the app, {@code Runnable::run} in tests
     */
    public TrainingViewModel(TaskRunner runner, TrainingEngine engine, Executor uiThread, Path runsRoot,
                             RunSettingsReader settingsReader) {
        this.runner = runner;
        this.engine = engine;
        this.uiThread = uiThread;
        this.runsRoot = runsRoot;
        this.settingsReader = settingsReader;
        this.curves = new CurvesViewModel(uiThread);
        startModels.add(StartModel.HASHED_WEIGHTS);
        dataFolder.addListener((obs, old, now) -> inspectData());
        csv.addListener((obs, old, now) -> inspectData());
        benchmark.addListener((obs, old, now) -> inspectData());
    }

    public TrainingViewModel(TaskRunner runner, TrainingEngine engine, Executor uiThread, Path runsRoot) {
        this(runner, engine, uiThread, runsRoot, folder -> RunSettingsReader.Origin.UNKNOWN);
    }

    // ---- data -------------------------------------------------------------------------------------

    /** Reads the chosen folder in the background: layout, counts per category, skipped rows, thumbnails. */
    public void inspectData() {
        Path folder = dataFolder.get();
        Benchmark chosen = benchmark.get();
        Path chosenCsv = csv.get();
        dataset.set(null);
        if (folder == null || chosen == null) {
            return;
        }
        dataStatus.set("Reading " + folder + " …");
        runner.submit(BackgroundTask.of("Reading " + folder.getFileName(), (progress, cancel) ->
                        DatasetSummary.read(chosen, folder, chosenCsv))
                .onSuccess(summary -> {
                    // the user may have chosen another folder meanwhile: show only the answer to the current question
                    if (folder.equals(dataFolder.get()) && chosen == benchmark.get() && java.util.Objects.equals(chosenCsv, csv.get())) {
                        dataset.set(summary);
                        dataStatus.set(summary.inWords() + " — " + summary.description());
                    }
                })
                .onFailure(error -> {
                    if (folder.equals(dataFolder.get())) {
                        dataStatus.set(error instanceof NotADatasetFolderException wrongFolder ? FolderAdvice.of(wrongFolder)
                                : error instanceof UserFacingException ? error.getMessage() : "Cannot read " + folder + ": " + error);
                    }
                }));
    }

    // ---- start model ------------------------------------------------------------------------------

    /** The models the main window knows (its checkpoints), offered under "Start from"; keeps the choice. */
    public void offerModels(List<StartModel> known) {
        StartModel previous = startModel.get();
        List<StartModel> entries = new ArrayList<>(known);
        for (StartModel opened : startModels) {
            if (!opened.hashedWeights() && entries.stream().noneMatch(e -> e.checkpoint().equals(opened.checkpoint()))) {
                entries.add(opened);
            }
        }
        entries.add(StartModel.HASHED_WEIGHTS);
        startModels.setAll(entries);
        if (previous != null && startModels.contains(previous)) {
            startModel.set(previous);
        }
    }

    /** A checkpoint file chosen in the panel: offered and selected. */
    public void chooseStartCheckpoint(Path file) {
        StartModel entry = startModels.stream().filter(m -> file.toAbsolutePath().normalize().equals(m.checkpoint())).findFirst()
                .orElseGet(() -> {
                    StartModel created = StartModel.checkpoint(file, "LearningSA (" + file.getFileName() + ")");
                    startModels.add(startModels.size() - 1, created);
                    return created;
                });
        startModel.set(entry);
    }

    // ---- run --------------------------------------------------------------------------------------

    /** The settings the next Start uses (the output folder is decided here when none was chosen). */
    TrainingSettings settings(Path runDir) {
        Path folder = dataFolder.get();
        if (folder == null) {
            throw new UserFacingException("Choose the dataset folder first.");
        }
        StartModel from = startModel.get();
        if (from == null) {
            throw new UserFacingException("Choose what to start from: a checkpoint, or the hashed test weights.");
        }
        return new TrainingSettings(benchmark.get(), folder, csv.get(), from.checkpoint(), from.hashedWeights(), runDir,
                epochs.get(), maxSteps.get(), learningRate.get(), gamma.get(), parseSchedule(decaySchedule.get()),
                valCsv.get(), testCsv.get(), validation.get(), saveEvery.get(), device.get(), null);
    }

    /** "30", "30-60" (train.py's --decay_schedule), also "30,60" or "30 60"; empty: no decay. */
    static List<Integer> parseSchedule(String text) {
        List<Integer> milestones = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return milestones;
        }
        for (String part : text.trim().split("[-,;\\s]+")) {
            try {
                int m = Integer.parseInt(part);
                if (m < 0) {
                    throw new NumberFormatException();
                }
                milestones.add(m);
            } catch (NumberFormatException e) {
                throw new UserFacingException("decay schedule '" + text + "': expected epochs joined by '-', such as 30-60");
            }
        }
        return milestones;
    }

    /** Starts a new run in the background. */
    public void start() {
        if (running.get()) {
            return;
        }
        TrainingSettings settings;
        try {
            Path runDir = outputFolder.get() != null ? outputFolder.get() : RunFolders.newRunFolder(runsRoot, LocalDateTime.now());
            settings = settings(runDir);
        } catch (UserFacingException e) {
            status.set(e.getMessage());
            return;
        }
        launch(settings.runDir(), "Training in " + settings.runDir().getFileName(), "Starting",
                RunCheckpoints.originSuffix(settings.hashedWeights() ? StateFileSettings.HASHED_WEIGHTS : ""),
                (listener, token) -> engine.train(settings, listener, token));
        // the next Start must not reuse this folder: the trainer refuses a folder that has a state.pt
        outputFolder.set(null);
    }

    /** Continues the run in {@code runFolder} from its state.pt; {@code maxStepsOverride} null keeps the run's limit. */
    public void resume(Path runFolder, Long maxStepsOverride) {
        if (running.get()) {
            return;
        }
        if (!RunFolders.isResumable(runFolder)) {
            status.set(runFolder + " cannot be resumed: it has no " + RunFolders.STATE_FILE + " and " + RunFolders.LAST_CHECKPOINT + ".");
            return;
        }
        launch(runFolder, "Resuming " + runFolder.getFileName(), "Resuming",
                RunCheckpoints.originSuffix(settingsReader.read(runFolder).startModel()),
                (listener, token) -> engine.resume(runFolder, maxStepsOverride, listener, token));
    }

    /** Resumes the run shown in the curves, with the max-steps setting (0: the run's own limit). */
    public void resumeShown() {
        Path shown = curves.runProperty().get();
        if (shown == null) {
            status.set("Select a run in the list to resume it.");
            return;
        }
        resume(shown, maxSteps.get() > 0 ? (long) maxSteps.get() : null);
    }

    @FunctionalInterface
    private interface Call {
        TrainingOutcome run(TrainingListener listener, org.learningsa.studio.core.CancelToken cancel);
    }

    /**
     * @param verb         how the status line names the beginning ("Starting", "Resuming")
     * @param originSuffix added to the labels of the run's checkpoints (" · from hashed test weights …" or "")
     */
    private void launch(Path runDir, String title, String verb, String originSuffix, Call call) {
        activeRun.set(runDir);
        curves.runProperty().set(runDir);
        curves.overlayProperty().set(null);
        running.set(true);
        epochProgress.set(-1);
        lastOutcome.set(null);
        status.set(verb + " " + runDir.getFileName() + " …");
        message.set("");
        // a cancelled run still returns its outcome; the runner reports cancellation without the value
        AtomicReference<TrainingOutcome> outcome = new AtomicReference<>();
        StatusRelay relay = new StatusRelay(uiThread, new StatusRelay.Receiver() {
            @Override
            public void status(RunStatus now) {
                if (running.get()) {
                    status.set(now.line());
                    epochProgress.set(now.epochFraction());
                }
            }

            @Override
            public void message(String text) {
                message.set(text);
            }

            @Override
            public void checkpointSaved(Path file, int epoch) {
                checkpointSink.saved(file, RunFolders.checkpointLabel(file, epoch, originSuffix));
            }
        }, TrainingViewModel::pairsPerEpoch);
        handle = runner.submit(BackgroundTask.<TrainingOutcome>of(title, (progress, cancel) -> {
            TrainingOutcome result = call.run(relay, cancel);
            outcome.set(result);
            return result;
        }).onSuccess(this::finished).onFailure(this::failed).onCancelled(() -> cancelled(outcome.get())));
    }

    private static int pairsPerEpoch(TrainingSettings settings) {
        try {
            return DatasetSummary.read(settings.benchmark(), settings.dataDir(), settings.csv()).pairs();
        } catch (RuntimeException e) {
            return -1; // the trainer reports the problem itself; the bar just shows no epoch fraction
        }
    }

    /** Asks the run to stop: the trainer finishes the current step, saves last.pt and state.pt, then returns. */
    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
            status.set("Cancelling: finishing the current step, then saving last.pt and state.pt …");
        }
    }

    private void finished(TrainingOutcome outcome) {
        if (outcome.cancelled()) {
            cancelled(outcome);
            return;
        }
        // the final words first: whoever sees running turn false (a listener, another thread) reads them
        epochProgress.set(1);
        lastOutcome.set(outcome);
        status.set("Done: " + outcome.stepsDone() + " steps in " + outcome.runDir().getFileName()
                + (outcome.lastCheckpoint() == null ? "" : "; saved " + outcome.lastCheckpoint().getFileName()));
        running.set(false);
        refreshRuns();
    }

    private void cancelled(TrainingOutcome outcome) {
        lastOutcome.set(outcome);
        status.set(outcome == null
                ? "Cancelled."
                : "Cancelled after step " + outcome.stepsDone() + "; saved " + (outcome.lastCheckpoint() == null
                        ? "nothing (no step was made)" : outcome.lastCheckpoint().getFileName() + " and " + RunFolders.STATE_FILE
                        + " — Resume continues from there"));
        running.set(false);
        refreshRuns();
    }

    private void failed(Throwable error) {
        epochProgress.set(0);
        // in the panel's words: a folder that is not the benchmark's names the CSV field, not the CLI's --csv
        status.set(error instanceof NotADatasetFolderException wrongFolder ? "Training stopped: " + FolderAdvice.of(wrongFolder)
                : error instanceof UserFacingException ? "Training stopped: " + error.getMessage() : "Training failed: " + error);
        running.set(false);
        refreshRuns();
    }

    // ---- runs -------------------------------------------------------------------------------------

    /** Lists the runs under the runs folder again, in the background (each metrics.jsonl is read whole). */
    public void refreshRuns() {
        runner.submit(BackgroundTask.of("Listing runs", (progress, cancel) -> {
            List<RunSummary> found = new ArrayList<>();
            for (Path folder : RunFolders.list(runsRoot)) {
                cancel.throwIfCancelled();
                found.add(RunSummary.read(folder, settingsReader));
            }
            return found;
        }).onSuccess(runs::setAll));
    }

    /** Shows a run's curves (and optionally overlays another); while a run goes, its curves stay shown. */
    public void showRuns(Path shown, Path overlay) {
        if (!running.get()) {
            curves.runProperty().set(shown);
        }
        Path main = curves.runProperty().get();
        curves.overlayProperty().set(overlay != null && !overlay.equals(main) ? overlay : null);
    }

    // ---- properties -------------------------------------------------------------------------------

    public void setCheckpointSink(CheckpointSink sink) {
        this.checkpointSink = sink;
    }

    public CheckpointSink checkpointSink() {
        return checkpointSink;
    }

    public Path runsRoot() {
        return runsRoot;
    }

    public CurvesViewModel curves() {
        return curves;
    }

    public ObjectProperty<Benchmark> benchmarkProperty() {
        return benchmark;
    }

    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    public ObjectProperty<Path> csvProperty() {
        return csv;
    }

    ObjectProperty<DatasetSummary> datasetProperty() {
        return dataset;
    }

    public StringProperty dataStatusProperty() {
        return dataStatus;
    }

    public ObservableList<StartModel> startModels() {
        return startModels;
    }

    public ObjectProperty<StartModel> startModelProperty() {
        return startModel;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty maxStepsProperty() {
        return maxSteps;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }

    public DoubleProperty gammaProperty() {
        return gamma;
    }

    public StringProperty decayScheduleProperty() {
        return decaySchedule;
    }

    public BooleanProperty validationProperty() {
        return validation;
    }

    public ObjectProperty<Path> valCsvProperty() {
        return valCsv;
    }

    public ObjectProperty<Path> testCsvProperty() {
        return testCsv;
    }

    public IntegerProperty saveEveryProperty() {
        return saveEvery;
    }

    public ObjectProperty<Path> outputFolderProperty() {
        return outputFolder;
    }

    public ObjectProperty<DeviceChoice> deviceProperty() {
        return device;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public DoubleProperty epochProgressProperty() {
        return epochProgress;
    }

    public ObjectProperty<Path> activeRunProperty() {
        return activeRun;
    }

    public ObjectProperty<TrainingOutcome> lastOutcomeProperty() {
        return lastOutcome;
    }

    ObservableList<RunSummary> runs() {
        return runs;
    }

    /** "1.0e-05", as the settings show small rates. */
    static String scientific(double value) {
        return String.format(Locale.ROOT, "%.1e", value);
    }
}
