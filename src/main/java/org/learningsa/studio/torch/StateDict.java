package org.learningsa.studio.torch;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The tensors of a model checkpoint by name, in file order: a bare state_dict, or the one under
 * {@code 'net'} or {@code 'state_dict'} of a training checkpoint. Tensor data stays memory-mapped.
 */
public final class StateDict implements AutoCloseable {

    /** Keys under which training checkpoints keep the model's state_dict, in the order tried. */
    private static final String[] WRAPPER_KEYS = {"net", "state_dict", "model", "model_state_dict"};

    private final Path file;
    private final TorchFile.Format format;
    private final Map<String, TensorData> tensors;

    private StateDict(Path file, TorchFile.Format format, Map<String, TensorData> tensors) {
        this.file = file;
        this.format = format;
        this.tensors = Collections.unmodifiableMap(tensors);
    }

    /** Opens a checkpoint (zip or legacy); throws {@link TorchFormatException} for bad input. */
    public static StateDict load(Path file) {
        TorchFile torchFile = TorchFile.read(file);
        PyDict dict = unwrap(torchFile.root());
        if (dict == null) {
            throw new TorchFormatException(file, "holds a " + PickleTypes.describe(torchFile.root())
                    + " without a state_dict of tensors");
        }
        Map<String, TensorData> tensors = new LinkedHashMap<>();
        for (Map.Entry<Object, Object> entry : dict.entrySet()) {
            if (entry.getKey() instanceof String key && entry.getValue() instanceof TensorData tensor) {
                tensors.put(key, tensor);
            }
        }
        return new StateDict(file, torchFile.format(), tensors);
    }

    private static PyDict unwrap(Object root) {
        if (!(root instanceof PyDict dict)) {
            return null;
        }
        for (String key : WRAPPER_KEYS) {
            if (dict.get(key) instanceof PyDict inner && holdsTensors(inner)) {
                return inner;
            }
        }
        return holdsTensors(dict) ? dict : null;
    }

    private static boolean holdsTensors(PyDict dict) {
        return dict.values().stream().anyMatch(TensorData.class::isInstance);
    }

    /**
     * Writes {@code {'net': stateDict}} (the layout of the LearningSA checkpoints) in the zip format,
     * or the legacy format when {@code legacy}; atomically (temp file, then move).
     */
    public static void save(Path file, LinkedHashMap<String, TensorData> stateDict, boolean legacy) {
        PyDict net = PyDict.orderedDict();
        net.putAll(stateDict);
        PyDict root = PyDict.dict();
        root.put("net", net);
        if (legacy) {
            TorchWriter.writeLegacy(file, root);
        } else {
            TorchWriter.writeZip(file, root);
        }
    }

    public Path file() {
        return file;
    }

    public TorchFile.Format format() {
        return format;
    }

    /** Tensor names in file order. */
    public Set<String> keys() {
        return tensors.keySet();
    }

    public boolean contains(String key) {
        return tensors.containsKey(key);
    }

    /** The tensor under {@code key}; throws {@link TorchFormatException} naming the key when absent. */
    public TensorData get(String key) {
        TensorData tensor = tensors.get(key);
        if (tensor == null) {
            throw new TorchFormatException(file, "has no tensor '" + key + "'");
        }
        return tensor;
    }

    public int size() {
        return tensors.size();
    }

    /** Mapped buffers are released by the garbage collector; nothing to free eagerly. */
    @Override
    public void close() {
        // the file channel was closed after reading; mappings live as long as their buffers
    }
}
