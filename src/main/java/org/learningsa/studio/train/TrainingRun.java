package org.learningsa.studio.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.DatasetLocator;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.data.SkippedPair;
import org.learningsa.studio.engine.EngineRuntime;
import org.learningsa.studio.engine.HashedWeights;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.LearningSaWeights;
import org.learningsa.studio.engine.TrainingForward;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.Preprocessing;
import org.learningsa.studio.torch.StateDict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call of {@link TrainingService#train} or {@link TrainingService#resume}: train.py's loop
 * ({@code for ep: scheduler.step(); for pair: zero_grad, forward(train=False), loss, backward, step}) with
 * the frozen features cached, checkpoints after every epoch, on the step limit and on cancel.
 */
final class TrainingRun {

    static final String LAST_CHECKPOINT = "last.pt";
    private static final Logger LOG = LoggerFactory.getLogger(TrainingRun.class);

    private final TrainingSettings settings;
    private final RunState.Saved saved;
    private final TrainingListener listener;
    private final CancelToken cancel;
    private final Path runDir;

    TrainingRun(TrainingSettings settings, RunState.Saved saved, TrainingListener listener, CancelToken cancel) {
        this.settings = settings;
        this.saved = saved;
        this.listener = listener;
        this.cancel = cancel;
        this.runDir = settings.runDir();
    }

    TrainingOutcome run() {
        Dataset training = DatasetLocator.open(settings.benchmark(), settings.dataDir(), settings.csv(), "trn");
        for (SkippedPair skipped : training.skipped()) {
            listener.message("skipped " + skipped);
        }
        List<KeypointPair> pairs = training.pairs();
        Validation validation = settings.validation() ? Validation.open(settings, listener::message) : Validation.NONE;
        EngineRuntime runtime = EngineRuntime.start(settings.device());
        runtime.fallbackMessage().ifPresent(listener::message);
        // grad mode is per thread in libtorch: off for everything but the collector's forward and backward
        JniUtils.setGradMode(false);
        Path last = runDir.resolve(LAST_CHECKPOINT);
        LearningSaWeights weights;
        if (saved != null) {
            weights = LearningSaWeights.fromCheckpoint(last, runtime.device(), true);
        } else if (settings.hashedWeights()) {
            weights = LearningSaWeights.load(HashedWeights.create(), runtime.device(), true);
        } else {
            weights = LearningSaWeights.fromCheckpoint(settings.checkpoint(), runtime.device(), true);
        }
        // the frozen features with torch's own batch norm: computed once per image, and the gradients are sensitive to them
        try (LearningSaNetwork network = new LearningSaNetwork(weights, true);
             TrainingForward forward = new TrainingForward(network);
             NDManager optimizerMemory = NDManager.newBaseManager(runtime.device());
             TorchAdam adam = new TorchAdam(optimizerMemory)) {
            Map<String, NDArray> parameters = network.trainableArrays();
            for (NDArray p : parameters.values()) {
                p.setRequiresGradient(true);
            }
            Set<String> trainedKeys = ModelCheckpoints.trainedKeys(parameters.keySet());
            ModelCheckpoints checkpoints = saved != null ? ModelCheckpoints.from(StateDict.load(last), trainedKeys)
                    : settings.hashedWeights() ? ModelCheckpoints.hashed(trainedKeys)
                    : ModelCheckpoints.from(StateDict.load(settings.checkpoint()), trainedKeys);
            MultiStepSchedule schedule;
            RunState.Position position;
            if (saved == null) {
                schedule = new MultiStepSchedule(settings.learningRate(), settings.gamma(), settings.decaySchedule());
                position = new RunState.Position(0, 0, 0);
            } else {
                schedule = MultiStepSchedule.restored(saved.baseLearningRate(), saved.gamma(), saved.milestones(),
                        saved.lastEpoch(), saved.stepCount(), saved.learningRate());
                position = saved.position();
                restoreAdam(adam, parameters);
            }
            Loop loop = new Loop(network, forward, adam, parameters, checkpoints, schedule, pairs, validation);
            try (MetricsLog metrics = MetricsLog.open(runDir.resolve(MetricsLog.FILE_NAME),
                    saved == null ? -1 : position.step(), listener::message)) {
                return loop.run(position, metrics);
            }
        }
    }

    private void restoreAdam(TorchAdam adam, Map<String, NDArray> parameters) {
        Map<String, RunState.SavedSlot> slots = saved.adam();
        for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
            String key = e.getKey();
            NDArray p = e.getValue();
            if (key.endsWith("sum_gamma")) {
                RunState.SavedSlot s0 = slots.get(key + "0");
                RunState.SavedSlot s1 = slots.get(key + "1");
                if (s0 == null || s1 == null) {
                    continue;
                }
                float[] m = {(float) s0.expAvg().getDouble(0), (float) s1.expAvg().getDouble(0)};
                float[] v = {(float) s0.expAvgSq().getDouble(0), (float) s1.expAvgSq().getDouble(0)};
                adam.restore(key, s0.step(), adam.manager().create(m), adam.manager().create(v));
                continue;
            }
            RunState.SavedSlot s = slots.get(key);
            if (s != null) {
                adam.restore(key, s.step(), RunState.toArray(s.expAvg(), p.getShape(), adam.manager()),
                        RunState.toArray(s.expAvgSq(), p.getShape(), adam.manager()));
            }
        }
    }

    /** The loop and what it needs, so that a cancel at any point can save the state it reached. */
    private final class Loop {
        private final LearningSaNetwork network;
        private final TrainingForward forward;
        private final TorchAdam adam;
        private final Map<String, NDArray> parameters;
        private final ModelCheckpoints checkpoints;
        private final MultiStepSchedule schedule;
        private final List<KeypointPair> pairs;
        private final Validation validation;
        private final FeatureCache cache = FeatureCache.sizedForHeap();
        private final Map<Integer, KeypointLoss.PairGeometry> geometries = new java.util.HashMap<>();
        private Path lastWritten;

        Loop(LearningSaNetwork network, TrainingForward forward, TorchAdam adam, Map<String, NDArray> parameters,
             ModelCheckpoints checkpoints, MultiStepSchedule schedule, List<KeypointPair> pairs, Validation validation) {
            this.network = network;
            this.forward = forward;
            this.adam = adam;
            this.parameters = parameters;
            this.checkpoints = checkpoints;
            this.schedule = schedule;
            this.pairs = pairs;
            this.validation = validation;
        }

        TrainingOutcome run(RunState.Position start, MetricsLog metrics) {
            int n = pairs.size();
            long planned = (long) settings.epochs() * n;
            long total = settings.maxSteps() > 0 ? Math.min(settings.maxSteps(), planned) : planned;
            listener.started(settings, total, start.step() + 1);
            int epoch = start.epoch();
            int pair = start.nextPair();
            long step = start.step();
            try {
                for (; epoch < settings.epochs(); epoch++) {
                    if (pair == 0) {
                        schedule.step();
                    }
                    List<Integer> order = order(epoch, n);
                    for (; pair < n; pair++) {
                        if (settings.maxSteps() > 0 && step >= settings.maxSteps()) {
                            return finish(new RunState.Position(epoch, pair, step), false);
                        }
                        cancel.throwIfCancelled();
                        StepMetrics m = step(step + 1, epoch, pair, order.get(pair));
                        step++;
                        metrics.write(m);
                        listener.step(m);
                    }
                    if (settings.maxSteps() > 0 && step >= settings.maxSteps() && epoch < settings.epochs()) {
                        // the limit falls on the last pair: stop before the end-of-epoch work, as a resume would
                        // continue with it
                        return finish(new RunState.Position(epoch, n, step), false);
                    }
                    ValidationMetrics v = validation.run(network, epoch, cancel);
                    if (v != null) {
                        metrics.write(v);
                        listener.validation(v);
                    }
                    pair = 0;
                    RunState.Position next = new RunState.Position(epoch + 1, 0, step);
                    save(next);
                    if (settings.saveEvery() > 0 && epoch % settings.saveEvery() == 0) {
                        Path file = runDir.resolve(String.format(Locale.ROOT, "epoch_%03d.pt", epoch));
                        // save(next) has just written these weights to last.pt: a second name, not a second 1.3 GB
                        EpochCheckpoint.save(runDir.resolve(LAST_CHECKPOINT), file, () -> checkpoints.write(file, parameters));
                        listener.checkpointSaved(file, epoch);
                    }
                }
                return new TrainingOutcome(runDir, step, false, lastWritten);
            } catch (CancelledException e) {
                listener.message("cancelled; saving " + LAST_CHECKPOINT + " and " + RunState.FILE_NAME);
                return finish(new RunState.Position(epoch, pair, step), true);
            }
        }

        private TrainingOutcome finish(RunState.Position position, boolean cancelled) {
            save(position);
            return new TrainingOutcome(runDir, position.step(), cancelled, lastWritten);
        }

        private void save(RunState.Position position) {
            Path last = runDir.resolve(LAST_CHECKPOINT);
            checkpoints.write(last, parameters);
            RunState.write(runDir.resolve(RunState.FILE_NAME), position, SettingsCodec.encode(settings), schedule, adam,
                    WeightsFingerprint.of(last));
            lastWritten = last;
            listener.checkpointSaved(last, position.nextPair() == 0 ? position.epoch() - 1 : position.epoch());
        }

        /** The pair order of an epoch: the CSV order, or a shuffle that depends on the seed and the epoch only. */
        private List<Integer> order(int epoch, int n) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                order.add(i);
            }
            if (settings.shuffleSeed() != null) {
                Collections.shuffle(order, new Random(settings.shuffleSeed() * 1_000_003L + epoch));
            }
            return order;
        }

        private StepMetrics step(long globalStep, int epoch, int pairInEpoch, int pairIndex) {
            KeypointPair pair = pairs.get(pairIndex);
            long start = System.nanoTime();
            FeatureCache.Entry source = cache.get(pair.sourceImage(), this::encode);
            FeatureCache.Entry target = cache.get(pair.targetImage(), this::encode);
            KeypointLoss.PairGeometry geometry = geometries.computeIfAbsent(pairIndex, k -> KeypointLoss.geometry(pair,
                    source.width(), source.height(), target.width(), target.height()));
            double learningRate = schedule.learningRate();
            KeypointLoss.Terms terms = TrainingStep.run(forward, adam, parameters, source, target, geometry, learningRate,
                    network.device());
            double[] values = terms.values();
            if (!adam.nonFiniteGradients().isEmpty()) {
                listener.message("step " + globalStep + ": the gradient of " + adam.nonFiniteGradients()
                        + " has NaN or infinite values; those weights are no longer finite");
            }
            double timeMs = (System.nanoTime() - start) / 1e6;
            if (terms.zeroDistancePoints() > 0) {
                LOG.info("step {}: {} keypoint distance(s) exactly 0; their gradient is taken as 0", globalStep,
                        terms.zeroDistancePoints());
            }
            return new StepMetrics(globalStep, epoch, pairInEpoch, learningRate, terms.totalValue(), values[0], values[1],
                    values[2], values[3], values[4], timeMs, terms.zeroDistancePoints());
        }

        private FeatureCache.Entry encode(Path file) {
            cancel.throwIfCancelled();
            DecodedImage image = ImageDecoder.decodeForNetwork(file);
            float[] input = Preprocessing.networkInput(image.pixels());
            return new FeatureCache.Entry(forward.frozenFeatures(input), image.originalWidth(), image.originalHeight());
        }
    }
}
