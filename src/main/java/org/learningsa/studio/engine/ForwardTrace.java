package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Optional instrumentation of a forward pass: wall time per stage (for {@code lsa bench}) and, when a sink is
 * given, the intermediate tensors under the fixture names ({@code feat{k}}, {@code down{k}},
 * {@code t2t{k}_1}, {@code t2t{k}_2}, {@code adap{k}}; batch-first, all images of the call).
 */
public final class ForwardTrace {

    /** A trace that records nothing. */
    public static final ForwardTrace NONE = new ForwardTrace(null, false);

    private final BiConsumer<String, NDArray> intermediates;
    private final boolean timing;
    private final Map<String, Long> stageNanos = new LinkedHashMap<>();

    private ForwardTrace(BiConsumer<String, NDArray> intermediates, boolean timing) {
        this.intermediates = intermediates;
        this.timing = timing;
    }

    /** A trace that records stage times. */
    public static ForwardTrace timing() {
        return new ForwardTrace(null, true);
    }

    /** A trace that hands intermediates to {@code sink} (which must copy what it keeps). */
    public static ForwardTrace intermediates(BiConsumer<String, NDArray> sink) {
        return new ForwardTrace(sink, false);
    }

    void record(String name, NDArray value) {
        if (intermediates != null) {
            intermediates.accept(name, value);
        }
    }

    boolean wantsIntermediates() {
        return intermediates != null;
    }

    void addTime(String stage, long nanos) {
        if (timing) {
            stageNanos.merge(stage, nanos, Long::sum);
        }
    }

    /** Stage name → accumulated nanoseconds, in first-seen order. */
    public Map<String, Long> stageNanos() {
        return Map.copyOf(new LinkedHashMap<>(stageNanos));
    }

    public Map<String, Long> orderedStageNanos() {
        return new LinkedHashMap<>(stageNanos);
    }

    public void reset() {
        stageNanos.clear();
    }
}
