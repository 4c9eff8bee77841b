package org.learningsa.studio.ui.eval;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
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
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.DatasetLocator;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.data.NotADatasetFolderException;
import org.learningsa.studio.data.SkippedPair;
import org.learningsa.studio.eval.EvaluationReport;
import org.learningsa.studio.eval.EvaluationRunner;
import org.learningsa.studio.eval.EvaluationSettings;
import org.learningsa.studio.eval.PairMatcher;
import org.learningsa.studio.eval.PairResult;
import org.learningsa.studio.eval.ReportWriter;
import org.learningsa.studio.eval.ThresholdKind;
import org.learningsa.studio.ui.AlignmentCache;
import org.learningsa.studio.ui.FolderAdvice;
import org.learningsa.studio.ui.ModelChoice;
import org.learningsa.studio.ui.PairToOpen;
import org.learningsa.studio.ui.ReferencePoints;
import org.learningsa.studio.ui.task.BackgroundTask;
import org.learningsa.studio.ui.task.TaskHandle;
import org.learningsa.studio.ui.task.TaskRunner;

/**
 * State of the evaluation view: what to evaluate (folder, benchmark, threshold, mapping, model,
 * limit), the run (progress, cancel), and what came out (PCK per α and category, the pairs, the
 * skipped rows, the pair the user selected). Results arrive pair by pair, so a cancelled run keeps
 * what it measured.
 */
public final class EvaluationViewModel {

    /**
     * Opens the model of a run (on the worker): a checkpoint, or the weight-free default aligner for null.
     * In the app it comes from the main window's model registry, so a checkpoint is loaded once per session.
     */
    @FunctionalInterface
    public interface MatcherFactory {
        PairMatcher open(Path checkpointOrNull, ProgressListener progress, CancelToken cancel);
    }

    private final TaskRunner runner;
    private final MatcherFactory matchers;
    private final Executor uiThread;

    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final ObjectProperty<Benchmark> benchmark = new SimpleObjectProperty<>(Benchmark.PF_PASCAL);
    private final ObjectProperty<ThresholdKind> threshold = new SimpleObjectProperty<>(ThresholdKind.IMAGE_SIZE);
    private final ObjectProperty<Mapping> mapping = new SimpleObjectProperty<>(Mapping.PAPER);
    private final ObjectProperty<Path> checkpoint = new SimpleObjectProperty<>();
    private final IntegerProperty limit = new SimpleIntegerProperty(0);

    private final BooleanProperty running = new SimpleBooleanProperty(false);
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final StringProperty status = new SimpleStringProperty("Choose a dataset folder and a benchmark, then Run.");
    private final ObjectProperty<EvaluationReport> report = new SimpleObjectProperty<>();
    private final ObservableList<PairResult> pairs = FXCollections.observableArrayList();
    private final ObservableList<SkippedPair> skipped = FXCollections.observableArrayList();
    private final ObjectProperty<PairResult> selectedPair = new SimpleObjectProperty<>();

    private java.util.function.Consumer<PairToOpen> pairOpener;
    /** The last alignments of the run, so "Open pair in main window" shows the model's own result. */
    private final AlignmentCache keptAlignments = new AlignmentCache();
    private ModelChoice runModelChoice;
    private TaskHandle handle;
    private EvaluationSettings runSettings;
    private Dataset runDataset;
    private String runModel = "";

    /**
     * @param uiThread where results are delivered as they arrive ({@code Platform::runLater} in the
     *                 app, {@code Runnable::run} in tests)
     */
    public EvaluationViewModel(TaskRunner runner, MatcherFactory matchers, Executor uiThread) {
        this.runner = runner;
        this.matchers = matchers;
        this.uiThread = uiThread;
        benchmark.addListener((obs, old, now) -> {
            if (now != null) {
                threshold.set(EvaluationSettings.defaultThreshold(now));
            }
        });
    }

    /** Starts a run in the background; results appear pair by pair. */
    public void run() {
        if (running.get()) {
            return;
        }
        Path folder = dataFolder.get();
        if (folder == null) {
            status.set("Choose the dataset folder first.");
            return;
        }
        EvaluationSettings settings = new EvaluationSettings(benchmark.get(), threshold.get(), mapping.get(),
                EvaluationSettings.PAPER_ALPHAS);
        Path model = checkpoint.get();
        ModelChoice choice = model == null ? ModelChoice.weightFreeDefault() : ModelChoice.checkpoint(model);
        int pairLimit = limit.get();
        pairs.clear();
        skipped.clear();
        report.set(null);
        selectedPair.set(null);
        running.set(true);
        progress.set(-1);
        status.set("Reading " + folder + " …");
        runSettings = settings;
        runModelChoice = choice;
        handle = runner.submit(BackgroundTask.<EvaluationReport>of("Evaluating on " + settings.benchmark().displayName(),
                (listener, cancel) -> {
                    Dataset dataset = DatasetLocator.open(settings.benchmark(), folder, null, "test");
                    uiThread.execute(() -> started(dataset));
                    // an alignment reaches the FX thread before its pair's result, which is posted after it
                    try (PairMatcher matcher = new AlignmentKeepingMatcher(matchers.open(model, listener, cancel),
                            (source, target, alignment) -> {
                                AlignmentCache.Key key = AlignmentCache.Key.of(choice, source, target);
                                uiThread.execute(() -> keptAlignments.put(key, alignment));
                            })) {
                        uiThread.execute(() -> runModel = matcher.modelName());
                        return new EvaluationRunner(matcher, settings).run(dataset, pairLimit, listener, cancel,
                                result -> uiThread.execute(() -> arrived(result)), false);
                    }
                })
                .onSuccess(this::finished)
                .onFailure(this::failed)
                .onCancelled(this::cancelled));
        handle.progressProperty().addListener((obs, old, now) -> progress.set(now.doubleValue()));
        handle.stageProperty().addListener((obs, old, now) -> {
            if (running.get()) {
                status.set(now);
            }
        });
    }

    /** Asks the run to stop after the pair that is being aligned; what was measured stays. */
    public void cancel() {
        if (handle != null && running.get()) {
            handle.cancel();
            status.set("Cancelling after the current pair…");
        }
    }

    /** Where "Open in main window" sends a pair (images, model, result, keypoints); null hides the action. */
    public void setPairOpener(java.util.function.Consumer<PairToOpen> opener) {
        this.pairOpener = opener;
    }

    public boolean canOpenPairs() {
        return pairOpener != null;
    }

    /**
     * Opens the selected pair in the main window, source left and target right, with the model that was
     * evaluated, its result for the pair when it is still kept (the last {@value AlignmentCache#CAPACITY}
     * pairs; else the main window aligns it again in the background) and the pair's ground-truth keypoints,
     * numbered as the pair view here numbers them.
     */
    public void openSelectedInMainWindow() {
        PairResult selected = selectedPair.get();
        if (selected == null || pairOpener == null || runModelChoice == null) {
            return;
        }
        KeypointPair pair = selected.pair();
        Alignment kept = keptAlignments.get(AlignmentCache.Key.of(runModelChoice, pair.sourceImage(),
                pair.targetImage())).orElse(null);
        pairOpener.accept(new PairToOpen(pair.sourceImage(), pair.targetImage(), runModelChoice, kept, groundTruth(selected)));
    }

    /** The evaluated keypoints of a pair in original pixels, numbered 1… as {@link PairKeypointCanvas} numbers them. */
    static ReferencePoints groundTruth(PairResult result) {
        KeypointPair pair = result.pair();
        List<ReferencePoints.Point> points = new ArrayList<>();
        int count = Math.min(result.evaluatedPoints(), pair.targetX().length);
        for (int i = 0; i < count; i++) {
            points.add(new ReferencePoints.Point(i + 1, new PixelPoint(pair.sourceX()[i], pair.sourceY()[i]),
                    new PixelPoint(pair.targetX()[i], pair.targetY()[i])));
        }
        return new ReferencePoints(pair.sourceImage(), pair.targetImage(), "ground truth of " + pair.where(), points);
    }

    /** Writes the report of the last run (complete or not) as JSON. */
    public void saveReport(Path file) {
        EvaluationReport current = report.get();
        if (current == null) {
            throw new UserFacingException("there is no evaluation to save yet");
        }
        ReportWriter.writeJson(current, file);
        status.set("Saved " + file);
    }

    private void started(Dataset dataset) {
        runDataset = dataset;
        skipped.setAll(dataset.skipped());
        status.set(dataset.pairs().size() + " pairs" + (dataset.skipped().isEmpty() ? "" : ", " + dataset.skipped().size()
                + " skipped") + ": " + dataset.description());
    }

    private void arrived(PairResult result) {
        pairs.add(result);
        report.set(partialReport(false));
    }

    private EvaluationReport partialReport(boolean complete) {
        List<SkippedPair> skippedNow = new ArrayList<>(skipped);
        return new EvaluationReport(runSettings, runModel, runDataset == null ? "" : runDataset.description(),
                runDataset == null ? pairs.size() : runDataset.pairs().size(), List.copyOf(pairs), skippedNow, complete, 0);
    }

    private void finished(EvaluationReport result) {
        running.set(false);
        progress.set(1);
        pairs.setAll(result.results());
        skipped.setAll(result.skipped());
        report.set(result);
        double[] pck = result.pck();
        int at = runSettings.alphas().indexOf(0.10);
        status.set(String.format(java.util.Locale.ROOT, "Done: %d pairs%s, PCK@0.10 = %.1f %% (mean over pairs) in %.0f s%s",
                result.results().size(), result.skipped().isEmpty() ? "" : ", " + result.skipped().size() + " skipped",
                at < 0 ? Double.NaN : 100 * pck[at], result.seconds(), result.images().counted()
                        ? " (" + result.images().encoded() + " of " + result.images().distinct() + " images encoded)" : ""));
    }

    private void failed(Throwable error) {
        running.set(false);
        progress.set(0);
        status.set(error instanceof NotADatasetFolderException wrongFolder ? FolderAdvice.of(wrongFolder)
                : error instanceof UserFacingException ? error.getMessage() : "Evaluation failed: " + error);
    }

    private void cancelled() {
        running.set(false);
        if (!pairs.isEmpty()) {
            report.set(partialReport(false));
        }
        status.set("Cancelled after " + pairs.size() + " pairs; the numbers shown cover those pairs only.");
    }

    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    public ObjectProperty<Benchmark> benchmarkProperty() {
        return benchmark;
    }

    public ObjectProperty<ThresholdKind> thresholdProperty() {
        return threshold;
    }

    public ObjectProperty<Mapping> mappingProperty() {
        return mapping;
    }

    public ObjectProperty<Path> checkpointProperty() {
        return checkpoint;
    }

    public IntegerProperty limitProperty() {
        return limit;
    }

    public BooleanProperty runningProperty() {
        return running;
    }

    public DoubleProperty progressProperty() {
        return progress;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public ObjectProperty<EvaluationReport> reportProperty() {
        return report;
    }

    public ObservableList<PairResult> pairs() {
        return pairs;
    }

    public ObservableList<SkippedPair> skipped() {
        return skipped;
    }

    public ObjectProperty<PairResult> selectedPairProperty() {
        return selectedPair;
    }

    /** The α values every run reports. */
    public List<Double> alphas() {
        return EvaluationSettings.PAPER_ALPHAS;
    }

    /** The settings of the last run (null before the first), to draw its results in the right frame. */
    public EvaluationSettings runSettings() {
        return runSettings;
    }
}
