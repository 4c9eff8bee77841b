package org.learningsa.studio.ui.train;

import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.ToIntFunction;
import org.learningsa.studio.train.StepMetrics;
import org.learningsa.studio.train.TrainingListener;
import org.learningsa.studio.train.TrainingSettings;
import org.learningsa.studio.train.ValidationMetrics;

/**
 * The panel's {@link TrainingListener}: runs on the training thread, keeps the running numbers there
 * (epoch mean loss, mean step time) and hands the UI thread only the latest {@link RunStatus}, at most
 * one pending hand-over at a time, so the training never waits for the UI and the UI is never flooded.
 * Saved checkpoints are handed over one by one (each must reach the model selector).
 */
final class StatusRelay implements TrainingListener {

    /** What the UI side receives. */
    interface Receiver {
        void status(RunStatus status);

        void message(String text);

        void checkpointSaved(Path file, int epoch);
    }

    /** Step times averaged for the ETA: long enough to smooth a slow first step, short enough to follow the cache. */
    private static final int STEP_TIME_WINDOW = 20;

    private final Executor uiThread;
    private final Receiver receiver;
    private final ToIntFunction<TrainingSettings> pairsPerEpoch;
    private final AtomicReference<RunStatus> pendingStatus = new AtomicReference<>();
    private final AtomicReference<String> pendingMessage = new AtomicReference<>();
    private final double[] recentStepMillis = new double[STEP_TIME_WINDOW];
    private long stepsSeen;
    private long totalSteps;
    private int pairs = -1;
    private int epoch = -1;
    private double epochLossSum;
    private int epochSteps;

    /**
     * @param pairsPerEpoch the number of pairs in one epoch of these settings, or a negative value when unknown
     *                      (called once per run, on the training thread)
     */
    StatusRelay(Executor uiThread, Receiver receiver, ToIntFunction<TrainingSettings> pairsPerEpoch) {
        this.uiThread = uiThread;
        this.receiver = receiver;
        this.pairsPerEpoch = pairsPerEpoch;
    }

    @Override
    public void started(TrainingSettings settings, long steps, long firstStep) {
        totalSteps = steps;
        pairs = pairsPerEpoch.applyAsInt(settings);
        message("training " + (firstStep > 1 ? "resumed at step " + firstStep : "started") + ", " + steps + " steps planned");
    }

    @Override
    public void step(StepMetrics m) {
        if (m.epoch() != epoch) {
            epoch = m.epoch();
            epochLossSum = 0;
            epochSteps = 0;
        }
        epochLossSum += m.loss();
        epochSteps++;
        recentStepMillis[(int) (stepsSeen % STEP_TIME_WINDOW)] = m.timeMs();
        stepsSeen++;
        int window = (int) Math.min(stepsSeen, STEP_TIME_WINDOW);
        double sum = 0;
        for (int i = 0; i < window; i++) {
            sum += recentStepMillis[i];
        }
        double stepMillis = sum / window;
        double eta = totalSteps > 0 ? Math.max(0, totalSteps - m.step()) * stepMillis / 1000 : Double.NaN;
        double fraction = pairs > 0 ? Math.min(1, (m.pair() + 1) / (double) pairs) : -1;
        handOver(pendingStatus, new RunStatus(m.epoch(), m.step(), totalSteps, epochLossSum / epochSteps, stepMillis, eta, fraction),
                receiver::status);
    }

    @Override
    public void validation(ValidationMetrics v) {
        message(String.format(java.util.Locale.ROOT, "epoch %d validated: PCK@0.1 (val) %s, PCK@0.05 (test) %s", v.epoch(),
                percent(v.pckVal010()), percent(v.pckTest005())));
    }

    @Override
    public void checkpointSaved(Path file, int savedEpoch) {
        uiThread.execute(() -> receiver.checkpointSaved(file, savedEpoch));
    }

    @Override
    public void message(String text) {
        handOver(pendingMessage, text, receiver::message);
    }

    private <T> void handOver(AtomicReference<T> pending, T value, Consumer<T> deliver) {
        if (pending.getAndSet(value) == null) {
            uiThread.execute(() -> {
                T latest = pending.getAndSet(null);
                if (latest != null) {
                    deliver.accept(latest);
                }
            });
        }
    }

    private static String percent(Double fraction) {
        return fraction == null || fraction.isNaN() ? "–" : String.format(java.util.Locale.ROOT, "%.1f %%", 100 * fraction);
    }
}
