package org.learningsa.studio.engine;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one forward pass (or one {@link MultiScaleMatcher} run) produced, as immutable Java arrays keyed by
 * the reference names: the 40 outputs of {@code SFNet.forward(train=False)} ({@link #OUTPUT_NAMES}, same
 * shapes and layouts as the parity fixtures) and diagnostics: {@code corr1}..{@code corr4} (ReLU'd cosine
 * correlation, S2T layout {@code [1, t, ys, xs]}), {@code corr_fused} (T2S layout {@code [1, s, yt, xt]}),
 * {@code cams} and {@code cams_weighted} ({@code 1×4×20×20}, level weights on target cells),
 * {@code pre_sam_S2T}/{@code pre_sam_T2S} (fused volumes after L2 norm and Gaussian kernel),
 * {@code gauss_argmax_X} (kernel centres, as float) and {@code sam_pmax_X} ({@code 1×20×20}) for every
 * stage X in {@link #STAGES}.
 */
public final class NetworkOutputs {

    /** Readout suffixes: fused, then levels 1..4. */
    public static final List<String> SUFFIXES = List.of("", "_1", "_2", "_3", "_4");

    /** The 40 output names of the reference forward, in the reference dict order per suffix. */
    public static final List<String> OUTPUT_NAMES;

    /** Stage names of the ten kernel soft-argmax readouts: S2T, T2S, S2T_1, T2S_1, ... */
    public static final List<String> STAGES;

    static {
        java.util.ArrayList<String> names = new java.util.ArrayList<>();
        java.util.ArrayList<String> stages = new java.util.ArrayList<>();
        for (String sfx : SUFFIXES) {
            for (String base : List.of("grid_S2T", "grid_T2S", "flow_S2T", "flow_T2S", "smoothness_S2T",
                    "smoothness_T2S", "warped_flow_S2T", "warped_flow_T2S")) {
                names.add(base + sfx);
            }
            stages.add("S2T" + sfx);
            stages.add("T2S" + sfx);
        }
        OUTPUT_NAMES = List.copyOf(names);
        STAGES = List.copyOf(stages);
    }

    private record Entry(long[] shape, float[] values) { }

    private final Map<String, Entry> entries;

    private NetworkOutputs(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
    }

    /** The values of {@code name}, row-major (a copy). */
    public float[] get(String name) {
        return entry(name).values().clone();
    }

    /** One value of {@code name} at flat row-major index {@code index}, without copying the array. */
    public float value(String name, int index) {
        return entry(name).values()[index];
    }

    public long[] shape(String name) {
        return entry(name).shape().clone();
    }

    public boolean contains(String name) {
        return entries.containsKey(name);
    }

    public Set<String> names() {
        return entries.keySet();
    }

    private Entry entry(String name) {
        Entry e = entries.get(name);
        if (e == null) {
            throw new IllegalArgumentException("no network output named '" + name + "'");
        }
        return e;
    }

    /** A copy with only the 40 reference outputs (what {@code lsa infer} writes). */
    public Map<String, NpyArray> referenceOutputsAsNpy() {
        Map<String, NpyArray> out = new LinkedHashMap<>();
        for (String name : OUTPUT_NAMES) {
            Entry e = entry(name);
            out.put(name, NpyArray.ofFloats(e.shape(), e.values()));
        }
        return out;
    }

    /** Collects arrays; the arrays handed over are owned by the result afterwards. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        public Builder put(String name, long[] shape, float[] values) {
            long n = 1;
            for (long d : shape) {
                n *= d;
            }
            if (n != values.length) {
                throw new IllegalArgumentException(name + ": shape needs " + n + " values, got " + values.length);
            }
            entries.put(name, new Entry(shape.clone(), values));
            return this;
        }

        public NetworkOutputs build() {
            return new NetworkOutputs(new LinkedHashMap<>(entries));
        }
    }
}
