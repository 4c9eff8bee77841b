package org.learningsa.studio.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.train.StepMetrics;
import org.learningsa.studio.train.TrainingListener;
import org.learningsa.studio.train.TrainingOutcome;
import org.learningsa.studio.train.TrainingService;
import org.learningsa.studio.train.TrainingSettings;
import org.learningsa.studio.train.ValidationMetrics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code lsa train}: fine-tuning step for step as LearningSA's train.py, with resume and a clean Ctrl-C. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fine-tunes LearningSA exactly as the paper's train.py: batch 1, pairs in CSV order, frozen "
                + "backbone, loss = mean keypoint error of the fused and the 4 per-level readouts, torch's Adam, MultiStepLR "
                + "stepped at the start of every epoch. Writes RUN_DIR/metrics.jsonl (a line per step and validation), "
                + "last.pt after every epoch, epoch_NNN.pt every --save-every epochs ({'net': state_dict}, PyTorch legacy "
                + "format) and state.pt (optimiser and scheduler state) for --resume.",
            "Ctrl-C stops after the step in flight, saves last.pt and state.pt and prints how to resume."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--benchmark", paramLabel = "NAME", description = "pf-pascal, pf-willow, spair or crodom (the layout of --data)")
    String benchmark;

    @Option(names = "--data", paramLabel = "DIR", description = "the dataset folder (as lsa eval --data; with --csv the image root)")
    Path data;

    @Option(names = "--csv", paramLabel = "FILE",
            description = "the training pairs (default: the benchmark's training CSV, e.g. train_pairs_pf_pascal.csv); "
                    + "PF-PASCAL reads train.py's 7-column layout (source,target,class,XA,YA,XB,YB) and the 8-column files")
    Path csv;

    @Option(names = "--checkpoint", paramLabel = "FILE", description = "the starting weights (a LearningSA .pt)")
    Path checkpoint;

    @Option(names = "--hashed-weights", description = "start from the fixtures' deterministic test weights instead")
    boolean hashedWeights;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "the run folder (created); with --resume optional, or equal to it")
    Path out;

    @Option(names = "--epochs", paramLabel = "N", description = "epochs (default: 500, as train.py)")
    Integer epochs;

    @Option(names = "--max-steps", paramLabel = "N", description = "stop when the global step count reaches N (default: no limit)")
    Long maxSteps;

    @Option(names = "--lr", paramLabel = "RATE", description = "Adam's learning rate (default: 3e-5)")
    Double lr;

    @Option(names = "--gamma", paramLabel = "G", description = "MultiStepLR's factor (default: 0.2)")
    Double gamma;

    @Option(names = "--decay-schedule", paramLabel = "M1-M2-…",
            description = "MultiStepLR milestones joined by '-' (default: 30; milestone m applies from epoch m-1, 0-based)")
    String decaySchedule;

    @Option(names = "--val-csv", paramLabel = "FILE", description = "validation pairs, PCK@0.1 (bbox) per epoch (default: the benchmark's val CSV)")
    Path valCsv;

    @Option(names = "--test-csv", paramLabel = "FILE", description = "test pairs, PCK@0.05 (bbox) per epoch (default: the benchmark's test CSV)")
    Path testCsv;

    @Option(names = "--no-validation", description = "skip the per-epoch validation")
    boolean noValidation;

    @Option(names = "--save-every", paramLabel = "N", description = "write epoch_NNN.pt when epoch %% N == 0 (default: 10; 0: never)")
    Integer saveEvery;

    @Option(names = "--shuffle", paramLabel = "SEED", description = "shuffle the pairs every epoch with this seed (default: CSV order, as train.py)")
    Long shuffle;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the run in RUN_DIR from its state.pt and last.pt")
    Path resume;

    @Option(names = "--device", paramLabel = "DEVICE", description = "cpu, gpu or auto (default: auto)")
    String device;

    private Progress lastProgress;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        TrainingService service = new TrainingService();
        TrainingOutcome outcome;
        Path runDir;
        try (InterruptGrace interrupt = InterruptGrace.install(err,
                "abandoning the step in flight and writing last.pt and state.pt")) {
            if (maxSteps != null && maxSteps <= 0) {
                throw new UserFacingException("--max-steps must be at least 1, got " + maxSteps
                        + " (leave it out for no limit)");
            }
            Progress progress = new Progress(out, err);
            lastProgress = progress;
            if (resume != null) {
                if (this.out != null && !this.out.toAbsolutePath().normalize().equals(resume.toAbsolutePath().normalize())) {
                    throw new UserFacingException("--out " + this.out + " differs from --resume " + resume
                            + "; a resumed run continues in its own folder");
                }
                List<String> ignored = givenRunOptions();
                if (!ignored.isEmpty()) {
                    err.println("lsa: --resume keeps the run's settings (state.pt); ignoring " + String.join(", ", ignored));
                }
                runDir = resume;
                outcome = service.resume(resume, maxSteps, progress, interrupt.token());
            } else {
                runDir = this.out;
                outcome = service.train(settings(), progress, interrupt.token());
            }
            progress.end();
        }
        if (outcome.cancelled()) {
            err.println("lsa: interrupted after step " + outcome.stepsDone() + "; last.pt and state.pt are in " + runDir
                    + ". Resume with: lsa train --resume " + runDir);
            err.flush();
            return 130;
        }
        out.println("Steps:     " + outcome.stepsDone());
        String timing = lastProgress == null ? null : lastProgress.timingSummary();
        if (timing != null) {
            out.println("Timing:    " + timing);
        }
        out.println("Memory:    " + BenchCommand.memoryLine());
        out.println("Run:       " + runDir.toAbsolutePath() + " (metrics.jsonl, last.pt, state.pt)");
        out.flush();
        return 0;
    }

    private TrainingSettings settings() {
        if (benchmark == null || data == null || out == null) {
            throw new UserFacingException("lsa train needs --benchmark, --data and --out (or --resume RUN_DIR)");
        }
        if (checkpoint != null && hashedWeights) {
            throw new UserFacingException("--checkpoint and --hashed-weights exclude each other; choose one");
        }
        if (checkpoint == null && !hashedWeights) {
            throw new UserFacingException("lsa train needs starting weights: --checkpoint FILE or --hashed-weights");
        }
        Benchmark bench = Benchmark.parse(benchmark);
        TrainingSettings d = TrainingSettings.defaults(bench, data, out);
        if (saveEvery != null && saveEvery < 0) {
            throw new UserFacingException("--save-every must be 0 (never) or positive, got " + saveEvery);
        }
        return new TrainingSettings(bench, data, csv, checkpoint, hashedWeights, out,
                epochs != null ? epochs : d.epochs(), maxSteps != null ? maxSteps : 0,
                lr != null ? lr : d.learningRate(), gamma != null ? gamma : d.gamma(),
                decaySchedule != null ? parseSchedule(decaySchedule) : d.decaySchedule(), valCsv, testCsv, !noValidation,
                saveEvery != null ? saveEvery : d.saveEvery(), device != null ? parseDevice(device) : DeviceChoice.AUTO,
                shuffle);
    }

    /** "30" or "30-60" as train.py's --decay_schedule. */
    static List<Integer> parseSchedule(String text) {
        List<Integer> milestones = new ArrayList<>();
        if (text.isBlank()) {
            return milestones;
        }
        for (String part : text.trim().split("-")) {
            try {
                milestones.add(Integer.parseInt(part.trim()));
            } catch (NumberFormatException e) {
                throw new UserFacingException("--decay-schedule must be epochs joined by '-', e.g. 30 or 30-60; got '"
                        + text + "'");
            }
        }
        return milestones;
    }

    private static DeviceChoice parseDevice(String text) {
        try {
            return DeviceChoice.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage());
        }
    }

    private List<String> givenRunOptions() {
        List<String> given = new ArrayList<>();
        addIf(given, benchmark != null, "--benchmark");
        addIf(given, data != null, "--data");
        addIf(given, csv != null, "--csv");
        addIf(given, checkpoint != null || hashedWeights, "the starting weights");
        addIf(given, epochs != null, "--epochs");
        addIf(given, lr != null, "--lr");
        addIf(given, gamma != null, "--gamma");
        addIf(given, decaySchedule != null, "--decay-schedule");
        addIf(given, valCsv != null || testCsv != null || noValidation, "the validation options");
        addIf(given, saveEvery != null, "--save-every");
        addIf(given, shuffle != null, "--shuffle");
        addIf(given, device != null, "--device");
        return given;
    }

    private static void addIf(List<String> list, boolean condition, String name) {
        if (condition) {
            list.add(name);
        }
    }

    /** The terminal side of a run: a progress line (epoch, step, running mean loss, step time, ETA) and validations. */
    private static final class Progress implements TrainingListener {
        private final PrintWriter out;
        private final PrintWriter err;
        private ProgressLine line;
        private long total;
        private long first;
        private double lossSum;
        private int lossCount;
        private int lossEpoch = -1;
        private final List<Double> firstEpochMs = new ArrayList<>();
        private final List<Double> laterEpochsMs = new ArrayList<>();
        private int firstEpoch = -1;
        private final long cpuAtStart = BenchCommand.processCpuMillis();

        Progress(PrintWriter out, PrintWriter err) {
            this.out = out;
            this.err = err;
        }

        @Override
        public void started(TrainingSettings settings, long totalSteps, long firstStep) {
            total = totalSteps;
            first = firstStep;
            line = new ProgressLine(err, "train");
            out.println("Run:       " + settings.runDir().toAbsolutePath() + (firstStep > 1 ? " (resumed at step "
                    + firstStep + ")" : ""));
            out.println("Steps:     " + Math.max(0, totalSteps - firstStep + 1) + " to go of " + totalSteps);
            out.flush();
        }

        @Override
        public void step(StepMetrics m) {
            if (m.epoch() != lossEpoch) {
                lossEpoch = m.epoch();
                lossSum = 0;
                lossCount = 0;
            }
            lossSum += m.loss();
            lossCount++;
            if (firstEpoch < 0) {
                firstEpoch = m.epoch();
            }
            (m.epoch() == firstEpoch ? firstEpochMs : laterEpochsMs).add(m.timeMs());
            double fraction = total - first + 1 <= 0 ? 1 : (double) (m.step() - first + 1) / (total - first + 1);
            line.progress(String.format(Locale.ROOT, "epoch %d  step %d/%d  loss %.3f (mean %.3f)  %.1f s/step",
                    m.epoch(), m.step(), total, m.loss(), lossSum / lossCount, m.timeMs() / 1000), Math.min(0.999, fraction));
        }

        @Override
        public void validation(ValidationMetrics v) {
            err.println();
            out.println(String.format(Locale.ROOT, "epoch %d  PCK@0.1 val %s  PCK@0.05 test %s", v.epoch(),
                    v.pckVal010() == null ? "-" : String.format(Locale.ROOT, "%.4f", v.pckVal010()),
                    v.pckTest005() == null ? "-" : String.format(Locale.ROOT, "%.4f", v.pckTest005())));
            out.flush();
        }

        @Override
        public void message(String text) {
            err.println();
            err.println("lsa: " + text);
            err.flush();
        }

        /** Median step time, the first epoch (frozen features computed) against later ones (cached), CPU time. */
        String timingSummary() {
            List<Double> all = new ArrayList<>(firstEpochMs);
            all.addAll(laterEpochsMs);
            if (all.isEmpty()) {
                return null;
            }
            long cpu = BenchCommand.processCpuMillis();
            String text = String.format(Locale.ROOT, "median step %.1f s over %d steps; epoch %d %.1f s/step (backbone features computed)",
                    median(all) / 1000, all.size(), firstEpoch, median(firstEpochMs) / 1000);
            if (!laterEpochsMs.isEmpty()) {
                text += String.format(Locale.ROOT, ", later epochs %.1f s/step (cached), ratio %.2f",
                        median(laterEpochsMs) / 1000, median(laterEpochsMs) / median(firstEpochMs));
            }
            if (cpu >= 0 && cpuAtStart >= 0) {
                text += String.format(Locale.ROOT, "; process CPU %.1f s", (cpu - cpuAtStart) / 1000.0);
            }
            return text;
        }

        private static double median(List<Double> values) {
            List<Double> sorted = new ArrayList<>(values);
            java.util.Collections.sort(sorted);
            int n = sorted.size();
            return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        }

        void end() {
            if (line != null) {
                line.progress("done", 1.0);
            }
        }
    }
}
