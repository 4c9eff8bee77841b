package org.learningsa.studio.ui.train;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.train.MetricsLog;
import org.learningsa.studio.train.StepMetrics;
import org.learningsa.studio.train.TrainingListener;
import org.learningsa.studio.train.TrainingOutcome;
import org.learningsa.studio.train.TrainingSettings;
import org.learningsa.studio.train.ValidationMetrics;

/**
 * A trainer for panel tests that does what the real one does to the run folder and the listener,
 * at a chosen pace and without a network: steps logged with the real {@link MetricsLog}, last.pt and
 * state.pt written (small stand-ins) at the end and on cancel, a validation per epoch, resume from the
 * last logged step. It records the threads its listener is called on.
 */
final class ScriptedEngine implements TrainingEngine {

    private final int pairsPerEpoch;
    private final long stepMillis;
    final Set<String> listenerThreads = ConcurrentHashMap.newKeySet();
    volatile TrainingSettings lastSettings;

    ScriptedEngine(int pairsPerEpoch, long stepMillis) {
        this.pairsPerEpoch = pairsPerEpoch;
        this.stepMillis = stepMillis;
    }

    @Override
    public TrainingOutcome train(TrainingSettings settings, TrainingListener listener, CancelToken cancel) {
        lastSettings = settings;
        try {
            Files.createDirectories(settings.runDir());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        AtomicFiles.writeString(settings.runDir().resolve("settings.txt"), settings.maxSteps() + "\n" + settings.epochs());
        return run(settings.runDir(), settings, settings.maxSteps(), 1, listener, cancel, -1);
    }

    @Override
    public TrainingOutcome resume(Path runDir, Long maxStepsOverride, TrainingListener listener, CancelToken cancel) {
        List<StepMetrics> done = MetricsLog.steps(MetricsLog.read(runDir.resolve(MetricsLog.FILE_NAME)));
        long last = done.isEmpty() ? 0 : done.get(done.size() - 1).step();
        TrainingSettings settings = lastSettings;
        long max = maxStepsOverride != null ? maxStepsOverride : settings.maxSteps();
        return run(runDir, settings, max, last + 1, listener, cancel, last);
    }

    private TrainingOutcome run(Path runDir, TrainingSettings settings, long maxSteps, long firstStep, TrainingListener listener,
                                CancelToken cancel, long keepUpTo) {
        long total = Math.min((long) settings.epochs() * pairsPerEpoch, maxSteps > 0 ? maxSteps : Long.MAX_VALUE);
        record(listener);
        listener.started(settings, total, firstStep);
        long step = firstStep - 1;
        try (MetricsLog log = MetricsLog.open(runDir.resolve(MetricsLog.FILE_NAME), keepUpTo)) {
            while (step < total) {
                step++;
                int epoch = (int) ((step - 1) / pairsPerEpoch);
                int pair = (int) ((step - 1) % pairsPerEpoch);
                sleep();
                double loss = 30 / Math.sqrt(step);
                StepMetrics m = new StepMetrics(step, epoch, pair, settings.learningRate(), loss, loss / 5, loss / 4, loss / 5,
                        loss / 6, loss / 7, stepMillis);
                log.write(m);
                listener.step(m);
                if (pair == pairsPerEpoch - 1) {
                    ValidationMetrics v = new ValidationMetrics(epoch, 0.3 + 0.01 * epoch, 0.2 + 0.01 * epoch);
                    log.write(v);
                    listener.validation(v);
                }
                if (cancel.isCancelled()) {
                    return save(runDir, step, epoch, true, listener);
                }
            }
        }
        return save(runDir, step, (int) ((step - 1) / pairsPerEpoch), false, listener);
    }

    private static TrainingOutcome save(Path runDir, long step, int epoch, boolean cancelled, TrainingListener listener) {
        Path last = runDir.resolve("last.pt");
        AtomicFiles.writeString(last, "weights after step " + step);
        AtomicFiles.writeString(runDir.resolve("state.pt"), "state after step " + step);
        listener.checkpointSaved(last, epoch);
        return new TrainingOutcome(runDir, step, cancelled, last);
    }

    private void record(TrainingListener listener) {
        listenerThreads.add(Thread.currentThread().getName());
    }

    private void sleep() {
        listenerThreads.add(Thread.currentThread().getName());
        try {
            Thread.sleep(stepMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
