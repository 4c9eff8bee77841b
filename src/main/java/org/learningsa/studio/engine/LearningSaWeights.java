package org.learningsa.studio.engine;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.learningsa.studio.core.UserFacingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The tensors the eval forward needs, checked strictly against the model's manifest: every used key must be
 * present (under its canonical {@code feature_extraction.model.*} name or its alias, with or without a
 * {@code module.} prefix) with the manifest's shape, or loading is refused with the list of missing keys.
 * Unexpected keys are reported in the log. Arrays are float32 on one device, keyed by canonical name, and
 * owned by this object until {@link #take} hands one over.
 */
public final class LearningSaWeights implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LearningSaWeights.class);
    private static final String MODULE_PREFIX = "module.";
    private static final String BACKBONE_PREFIX = "feature_extraction.";

    private final NDManager manager;
    private final Map<String, NDArray> tensors;
    private final String description;
    private final List<String> unexpectedKeys;

    private LearningSaWeights(NDManager manager, Map<String, NDArray> tensors, String description,
            List<String> unexpectedKeys) {
        this.manager = manager;
        this.tensors = tensors;
        this.description = description;
        this.unexpectedKeys = List.copyOf(unexpectedKeys);
    }

    /** The fixture formula's weights on {@code device}. */
    public static LearningSaWeights hashed(Device device) {
        return load(HashedWeights.create(), device);
    }

    /**
     * Loads a torch checkpoint ({@code {'net': sd}}, {@code {'state_dict': sd}} or a bare state_dict; zip or legacy
     * format; GPU-saved tensors included) and checks it against the manifest.
     */
    public static LearningSaWeights fromCheckpoint(java.nio.file.Path file, Device device) {
        return fromCheckpoint(file, device, false);
    }

    /**
     * As {@link #fromCheckpoint(java.nio.file.Path, Device)}; with {@code writable} every tensor is copied into native
     * memory (for fine-tuning, whose optimiser updates in place) instead of reading the large projections straight
     * from the read-only memory-mapped file.
     */
    public static LearningSaWeights fromCheckpoint(java.nio.file.Path file, Device device, boolean writable) {
        try (StateDictWeights source = new StateDictWeights(org.learningsa.studio.torch.StateDict.load(file))) {
            return load(source, device, writable);
        }
    }

    /** Loads and checks every used tensor of {@code source}; the source can be closed afterwards. */
    public static LearningSaWeights load(WeightSource source, Device device) {
        return load(source, device, false);
    }

    /** As {@link #load(WeightSource, Device)}; {@code allWritable} asks the source for writable copies of every tensor. */
    public static LearningSaWeights load(WeightSource source, Device device, boolean allWritable) {
        ModelManifest manifest = ModelManifest.load();
        Map<String, String> sourceKeyOfCanonical = new LinkedHashMap<>();
        List<String> unexpected = new ArrayList<>();
        for (String key : source.keys()) {
            String bare = key.startsWith(MODULE_PREFIX) ? key.substring(MODULE_PREFIX.length()) : key;
            ModelManifest.Entry entry = manifest.entry(bare);
            if (entry == null) {
                unexpected.add(key);
                continue;
            }
            String canonical = manifest.canonical(bare);
            // prefer the canonical name when both it and an alias are present (they share storage in torch)
            if (!sourceKeyOfCanonical.containsKey(canonical) || bare.equals(canonical)) {
                sourceKeyOfCanonical.put(canonical, key);
            }
        }
        List<String> missing = new ArrayList<>();
        List<String> badShape = new ArrayList<>();
        for (String canonical : manifest.usedCanonicalKeys()) {
            String key = sourceKeyOfCanonical.get(canonical);
            if (key == null) {
                missing.add(canonical);
            } else if (!sameShape(source.shape(key), manifest.entry(canonical).shape())) {
                badShape.add(key + " " + Arrays.toString(source.shape(key)) + " (expected "
                        + Arrays.toString(manifest.entry(canonical).shape()) + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new UserFacingException(source.description() + ": not a LearningSA checkpoint for this model: "
                    + missing.size() + " tensor(s) the network needs are missing: " + abbreviate(missing, 12));
        }
        if (!badShape.isEmpty()) {
            throw new UserFacingException(source.description() + ": " + badShape.size()
                    + " tensor(s) have the wrong shape: " + abbreviate(badShape, 8));
        }
        if (!unexpected.isEmpty()) {
            LOG.warn("{}: {} key(s) not in the LearningSA manifest were ignored: {}", source.description(),
                    unexpected.size(), abbreviate(unexpected, 10));
        }
        NDManager manager = NDManager.newBaseManager(device);
        Map<String, NDArray> tensors = new LinkedHashMap<>();
        try {
            for (String canonical : manifest.usedCanonicalKeys()) {
                // the backbone folds its batch norms into the convolution weights in place
                boolean writable = allWritable || canonical.startsWith(BACKBONE_PREFIX);
                NDArray array = source.load(sourceKeyOfCanonical.get(canonical), manager, writable);
                array.setName(canonical);
                tensors.put(canonical, array);
            }
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
        LearningSaWeights weights = new LearningSaWeights(manager, tensors, source.description(), unexpected);
        LOG.info("Loaded {} tensors from {}; {}", tensors.size(), source.description(), weights.trainedScalars());
        return weights;
    }

    private static boolean sameShape(long[] actual, long[] expected) {
        long a = 1;
        for (long d : actual) {
            a *= d;
        }
        long e = 1;
        for (long d : expected) {
            e *= d;
        }
        // 0-D scalars may be saved as shape [1]; everything else must match exactly
        return Arrays.equals(actual, expected) || (expected.length == 0 && a == 1 && e == 1);
    }

    private static String abbreviate(List<String> items, int max) {
        return items.size() <= max ? String.join(", ", items)
                : String.join(", ", items.subList(0, max)) + ", ... (" + (items.size() - max) + " more)";
    }

    /** The tensor under canonical {@code key}, still owned by this object. */
    public NDArray get(String key) {
        NDArray a = tensors.get(key);
        if (a == null) {
            throw new IllegalArgumentException("no weight " + key);
        }
        return a;
    }

    /** Hands over the tensor under {@code key} to {@code owner}; this object forgets it. */
    public NDArray take(String key, NDManager owner) {
        NDArray a = tensors.remove(key);
        if (a == null) {
            throw new IllegalArgumentException("no weight " + key + " (already taken?)");
        }
        a.attach(owner);
        return a;
    }

    public Device device() {
        return manager.getDevice();
    }

    public String description() {
        return description;
    }

    public List<String> unexpectedKeys() {
        return unexpectedKeys;
    }

    /** The learned level gains g_f (4 values). */
    public float[] levelGains() {
        return get("g_f").toFloatArray();
    }

    /** g_f and the scalars of the eight T2T blocks, for the log. */
    public String trainedScalars() {
        StringBuilder s = new StringBuilder("g_f=").append(Arrays.toString(levelGains()));
        for (int level = 4; level >= 1; level--) {
            for (int block = 1; block <= 2; block++) {
                String prefix = EnhancementTransformer.blockPrefix(level, block);
                s.append(String.format(Locale.ROOT, "; L%d.%d", level, block));
                for (String name : new String[] {"gamma", "attn_gamma", "sum_gamma0", "sum_gamma1"}) {
                    NDArray a = tensors.get(prefix + name);
                    if (a != null) {
                        s.append(String.format(Locale.ROOT, " %s=%.6g", name, a.toFloatArray()[0]));
                    }
                }
            }
        }
        return s.toString();
    }

    @Override
    public void close() {
        manager.close();
    }
}
