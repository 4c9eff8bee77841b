package org.learningsa.studio.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.ModelManifest;
import org.learningsa.studio.torch.DType;
import org.learningsa.studio.torch.PyDict;
import org.learningsa.studio.torch.PyTuple;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TorchFile;
import org.learningsa.studio.torch.TorchFormatException;
import org.learningsa.studio.torch.TorchWriter;

/**
 * {@code RUN_DIR/state.pt}: what a resume needs besides last.pt, in PyTorch's own layouts so that a PyTorch-written
 * state can be read and ours loaded by PyTorch: {@code 'optimizer'} = {@code Adam.state_dict()} (per parameter
 * index {@code step} as a float tensor, {@code exp_avg}, {@code exp_avg_sq}; {@code param_groups} with the indices
 * of the 75 trainable parameters in {@code net.parameters()} order), {@code 'scheduler'} =
 * {@code MultiStepLR.state_dict()} (milestones as a {@code collections.Counter}), plus the position in the run
 * ({@code epoch}, {@code next_pair}, {@code step}), the parameter names and the run's settings.
 */
final class RunState {

    static final String FILE_NAME = "state.pt";
    static final int FORMAT = 1;

    /** Where the run stands: the next step is pair {@code nextPair} of epoch {@code epoch}; {@code step} steps are done. */
    record Position(int epoch, int nextPair, long step) {
    }

    /** One parameter's Adam state as read from a file. */
    record SavedSlot(long step, TensorData expAvg, TensorData expAvgSq) {
    }

    /**
     * A state read from state.pt.
     *
     * @param weights the fingerprint of the last.pt saved with it; null in a state written before it was recorded
     */
    record Saved(Position position, Map<String, Object> settings, double baseLearningRate, double gamma,
                 Map<Integer, Integer> milestones, int lastEpoch, int stepCount, double learningRate,
                 Map<String, SavedSlot> adam, WeightsFingerprint weights) {

        /**
         * @throws UserFacingException when {@code last} is not the file this state was saved with: the run was stopped
         *                             between writing the two, or last.pt was replaced
         */
        void checkWeights(Path last, Path stateFile) {
            if (weights == null) {
                return;
            }
            WeightsFingerprint found = WeightsFingerprint.of(last);
            if (!found.equals(weights)) {
                throw new UserFacingException(last + " is not the weights " + stateFile + " was saved with (state.pt: "
                        + "step " + position.step() + ", " + weights + "; last.pt: " + found + "): the run stopped "
                        + "between writing the two, or last.pt was replaced. Resuming would train a different run; "
                        + "start a new one from it with --checkpoint " + last + " --out ANOTHER_FOLDER");
            }
        }
    }

    private RunState() {
    }

    /** @param weights the fingerprint of the last.pt just written for this position */
    static void write(Path file, Position position, Map<String, Object> settings, MultiStepSchedule schedule,
                      TorchAdam adam, WeightsFingerprint weights) {
        List<String> order = ModelManifest.load().trainableParameters();
        PyDict state = PyDict.dict();
        for (Map.Entry<String, TorchAdam.Slot> e : adam.state().entrySet()) {
            TorchAdam.Slot slot = e.getValue();
            if (e.getKey().endsWith("sum_gamma")) {
                float[] m = slot.expAvg.toFloatArray();
                float[] v = slot.expAvgSq.toFloatArray();
                for (int k = 0; k < 2; k++) {
                    state.put((long) order.indexOf(e.getKey() + k), slotDict(slot.step,
                            TensorData.ofFloats(new long[0], new float[] {m[k]}),
                            TensorData.ofFloats(new long[0], new float[] {v[k]})));
                }
                continue;
            }
            long[] shape = ModelManifest.load().entry(e.getKey()).shape();
            state.put((long) order.indexOf(e.getKey()), slotDict(slot.step, tensorOf(slot.expAvg, shape),
                    tensorOf(slot.expAvgSq, shape)));
        }
        PyDict group = PyDict.dict();
        group.put("lr", schedule.learningRate());
        group.put("betas", PyTuple.of(List.of(TorchAdam.BETA1, TorchAdam.BETA2)));
        group.put("eps", TorchAdam.EPS);
        group.put("weight_decay", 0L);
        group.put("amsgrad", false);
        group.put("maximize", false);
        group.put("foreach", null);
        group.put("capturable", false);
        group.put("differentiable", false);
        group.put("fused", null);
        group.put("initial_lr", schedule.baseLearningRate());
        List<Object> indices = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            indices.add((long) i);
        }
        group.put("params", indices);
        PyDict optimizer = PyDict.dict();
        optimizer.put("state", state);
        optimizer.put("param_groups", new ArrayList<>(List.of(group)));

        PyDict milestones = PyDict.counter();
        schedule.milestones().forEach((m, count) -> milestones.put((long) m, (long) count));
        PyDict scheduler = PyDict.dict();
        scheduler.put("milestones", milestones);
        scheduler.put("gamma", schedule.gamma());
        scheduler.put("base_lrs", new ArrayList<>(List.of(schedule.baseLearningRate())));
        scheduler.put("last_epoch", (long) schedule.lastEpoch());
        scheduler.put("verbose", false);
        scheduler.put("_step_count", (long) schedule.stepCount());
        scheduler.put("_get_lr_called_within_step", false);
        scheduler.put("_last_lr", new ArrayList<>(List.of(schedule.learningRate())));

        PyDict root = PyDict.dict();
        root.put("format", "lsa-train-state");
        root.put("format_version", (long) FORMAT);
        root.put("optimizer", optimizer);
        root.put("scheduler", scheduler);
        root.put("epoch", (long) position.epoch());
        root.put("next_pair", (long) position.nextPair());
        root.put("step", position.step());
        root.put("weights_step", position.step());
        root.put("weights_bytes", weights.bytes());
        root.put("weights_crc32c", weights.crc32c());
        root.put("param_names", new ArrayList<Object>(order));
        PyDict settingsDict = PyDict.dict();
        settingsDict.putAll(settings);
        root.put("settings", settingsDict);
        TorchWriter.writeZip(file, root);
    }

    private static PyDict slotDict(long step, TensorData expAvg, TensorData expAvgSq) {
        PyDict d = PyDict.dict();
        d.put("step", TensorData.ofFloats(new long[0], new float[] {step}));
        d.put("exp_avg", expAvg);
        d.put("exp_avg_sq", expAvgSq);
        return d;
    }

    private static TensorData tensorOf(NDArray array, long[] shape) {
        if (array.size() < 4096) {
            return TensorData.ofFloats(shape, array.toFloatArray());
        }
        return TensorData.of(DType.FLOAT32, shape, ModelCheckpoints.bytesOf(array));
    }

    /** Reads a state.pt (ours, or one with PyTorch's optimizer/scheduler layouts and the same keys). */
    static Saved read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UserFacingException(file + " does not exist: not a run folder of lsa train (nothing to resume)");
        }
        Object root;
        try {
            root = TorchFile.read(file).root();
        } catch (TorchFormatException e) {
            throw new UserFacingException(e.getMessage(), e);
        }
        try {
            PyDict r = dict(root, "the file");
            PyDict optimizer = dict(r.get("optimizer"), "'optimizer'");
            PyDict scheduler = dict(r.get("scheduler"), "'scheduler'");
            List<String> names = new ArrayList<>();
            Object storedNames = r.get("param_names");
            if (storedNames instanceof List<?> list) {
                list.forEach(n -> names.add(String.valueOf(n)));
            } else {
                names.addAll(ModelManifest.load().trainableParameters());
            }
            Map<String, SavedSlot> adam = new LinkedHashMap<>();
            for (Map.Entry<Object, Object> e : dict(optimizer.get("state"), "'optimizer']['state'").entrySet()) {
                int index = (int) number(e.getKey(), "a parameter index");
                if (index < 0 || index >= names.size()) {
                    throw new IllegalArgumentException("optimizer state for parameter index " + index + " of "
                            + names.size());
                }
                PyDict slot = dict(e.getValue(), "the state of parameter " + index);
                Object step = slot.get("step");
                long steps = step instanceof TensorData t ? Math.round(t.getDouble(0)) : (long) number(step, "'step'");
                adam.put(names.get(index), new SavedSlot(steps, tensor(slot.get("exp_avg"), "exp_avg"),
                        tensor(slot.get("exp_avg_sq"), "exp_avg_sq")));
            }
            Map<Integer, Integer> milestones = new LinkedHashMap<>();
            Object m = scheduler.get("milestones");
            if (m instanceof Map<?, ?> counter) {
                counter.forEach((k, v) -> milestones.put((int) number(k, "a milestone"), (int) number(v, "a milestone count")));
            } else if (m instanceof List<?> list) {
                list.forEach(k -> milestones.merge((int) number(k, "a milestone"), 1, Integer::sum));
            }
            List<?> baseLrs = (List<?>) scheduler.get("base_lrs");
            List<?> groups = (List<?>) optimizer.get("param_groups");
            double lr = number(dict(groups.get(0), "param_groups[0]").get("lr"), "'lr'");
            Map<String, Object> settings = new LinkedHashMap<>();
            if (r.get("settings") instanceof PyDict s) {
                s.forEach((k, v) -> settings.put(String.valueOf(k), v));
            }
            Position position = new Position((int) number(r.get("epoch"), "'epoch'"),
                    (int) number(r.get("next_pair"), "'next_pair'"), (long) number(r.get("step"), "'step'"));
            WeightsFingerprint weights = null;
            if (r.get("weights_crc32c") != null) {
                if ((long) number(r.get("weights_step"), "'weights_step'") != position.step()) {
                    throw new IllegalArgumentException("its weights are of step " + r.get("weights_step")
                            + " but its position is step " + position.step());
                }
                weights = new WeightsFingerprint((long) number(r.get("weights_bytes"), "'weights_bytes'"),
                        (long) number(r.get("weights_crc32c"), "'weights_crc32c'"));
            }
            return new Saved(position, settings, number(baseLrs.get(0), "base_lrs[0]"), number(scheduler.get("gamma"),
                    "'gamma'"), milestones, (int) number(scheduler.get("last_epoch"), "'last_epoch'"),
                    (int) number(scheduler.get("_step_count"), "'_step_count'"), lr, adam, weights);
        } catch (RuntimeException e) {
            if (e instanceof UserFacingException u) {
                throw u;
            }
            throw new UserFacingException(file + " is not a training state this version can resume: " + e.getMessage(), e);
        }
    }

    /** A saved Adam tensor as a writable native array of {@code shape}. */
    static NDArray toArray(TensorData tensor, Shape shape, NDManager manager) {
        if (tensor.numel() != shape.size()) {
            throw new UserFacingException("optimizer state of " + tensor.numel() + " values for a parameter of "
                    + shape.size());
        }
        if (tensor.dtype() == DType.FLOAT32 && tensor.isContiguous()) {
            ByteBuffer bytes = tensor.contiguousBytes().order(ByteOrder.LITTLE_ENDIAN);
            ByteBuffer direct = bytes;
            if (!bytes.isDirect() || bytes.alignmentOffset(0, 4) != 0 || ByteOrder.nativeOrder() != ByteOrder.LITTLE_ENDIAN) {
                direct = ByteBuffer.allocateDirect(bytes.remaining()).order(ByteOrder.nativeOrder());
                direct.asFloatBuffer().put(bytes.asFloatBuffer());
            }
            direct = direct.order(ByteOrder.nativeOrder());
            NDArray shared = manager.create(direct, shape, DataType.FLOAT32);
            NDArray copy = shared.duplicate();
            shared.close();
            return copy;
        }
        return manager.create(tensor.toFloatArray(), shape);
    }

    private static PyDict dict(Object value, String what) {
        if (value instanceof PyDict d) {
            return d;
        }
        throw new IllegalArgumentException(what + " is not a dict");
    }

    private static TensorData tensor(Object value, String what) {
        if (value instanceof TensorData t) {
            return t;
        }
        throw new IllegalArgumentException(what + " is not a tensor");
    }

    private static double number(Object value, String what) {
        if (value instanceof Number n) {
            return n.doubleValue();
        }
        if (value instanceof TensorData t && t.numel() == 1) {
            return t.getDouble(0);
        }
        throw new IllegalArgumentException(what + " is not a number");
    }
}
