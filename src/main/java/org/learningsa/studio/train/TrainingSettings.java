package org.learningsa.studio.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.engine.DeviceChoice;

/**
 * One fine-tuning run as {@code lsa train} and the training panel describe it. The defaults are the
 * reference's {@code train.py}: 500 epochs, Adam lr 3e-5, MultiStepLR milestones [30] with gamma 0.2,
 * a checkpoint every 10 epochs, pairs in CSV order.
 *
 * @param benchmark     dataset layout of {@code dataDir} / {@code csv}
 * @param dataDir       the dataset folder (as {@code lsa eval --data})
 * @param csv           the training pair CSV, or null for the benchmark's default training CSV
 * @param checkpoint    the starting weights, null iff {@code hashedWeights}
 * @param hashedWeights start from the fixtures' deterministic weights (tests, benchmarks)
 * @param runDir        where metrics.jsonl, last.pt, epoch_NNN.pt and state.pt go
 * @param epochs        number of epochs
 * @param maxSteps      stop when the global step count reaches this; 0 or less: no limit
 * @param learningRate  Adam's initial learning rate
 * @param gamma         MultiStepLR's factor at each milestone
 * @param decaySchedule MultiStepLR's milestones (epochs counted as {@code scheduler.step()} calls)
 * @param valCsv        validation CSV (PCK@0.1, bounding box), null for the benchmark's default
 * @param testCsv       test CSV (PCK@0.05, bounding box), null for the benchmark's default
 * @param validation    whether to run the per-epoch validation at all
 * @param saveEvery     write epoch_NNN.pt when epoch % saveEvery == 0 (0 or less: never)
 * @param device        where to train
 * @param shuffleSeed   shuffle the pairs every epoch with this seed; null keeps the CSV order
 */
public record TrainingSettings(Benchmark benchmark, Path dataDir, Path csv, Path checkpoint, boolean hashedWeights,
                               Path runDir, int epochs, long maxSteps, double learningRate, double gamma,
                               List<Integer> decaySchedule, Path valCsv, Path testCsv, boolean validation,
                               int saveEvery, DeviceChoice device, Long shuffleSeed) {

    /** train.py's defaults. */
    public static final int DEFAULT_EPOCHS = 500;
    public static final double DEFAULT_LEARNING_RATE = 3e-5;
    public static final double DEFAULT_GAMMA = 0.2;
    public static final List<Integer> DEFAULT_DECAY_SCHEDULE = List.of(30);
    public static final int DEFAULT_SAVE_EVERY = 10;

    public TrainingSettings {
        Objects.requireNonNull(benchmark, "benchmark");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(runDir, "runDir");
        Objects.requireNonNull(device, "device");
        decaySchedule = decaySchedule == null ? List.of() : List.copyOf(decaySchedule);
    }

    /**
     * train.py's settings on the hashed weights (set a checkpoint with {@link #withCheckpoint}): 500
     * epochs, lr 3e-5, gamma 0.2, schedule [30], validation on, a checkpoint every 10 epochs, no shuffle.
     */
    public static TrainingSettings defaults(Benchmark benchmark, Path dataDir, Path runDir) {
        return new TrainingSettings(benchmark, dataDir, null, null, true, runDir, DEFAULT_EPOCHS, 0,
                DEFAULT_LEARNING_RATE, DEFAULT_GAMMA, DEFAULT_DECAY_SCHEDULE, null, null, true, DEFAULT_SAVE_EVERY,
                DeviceChoice.AUTO, null);
    }

    /** The same settings starting from {@code file} instead of the hashed weights. */
    public TrainingSettings withCheckpoint(Path file) {
        return new TrainingSettings(benchmark, dataDir, csv, file, file == null, runDir, epochs, maxSteps, learningRate,
                gamma, decaySchedule, valCsv, testCsv, validation, saveEvery, device, shuffleSeed);
    }

    public TrainingSettings withMaxSteps(long steps) {
        return new TrainingSettings(benchmark, dataDir, csv, checkpoint, hashedWeights, runDir, epochs, steps,
                learningRate, gamma, decaySchedule, valCsv, testCsv, validation, saveEvery, device, shuffleSeed);
    }

    public TrainingSettings withRunDir(Path dir) {
        return new TrainingSettings(benchmark, dataDir, csv, checkpoint, hashedWeights, dir, epochs, maxSteps,
                learningRate, gamma, decaySchedule, valCsv, testCsv, validation, saveEvery, device, shuffleSeed);
    }

    /** "30-60", as train.py's --decay_schedule is written. */
    public String decayScheduleText() {
        return String.join("-", decaySchedule.stream().map(String::valueOf).toList());
    }
}
