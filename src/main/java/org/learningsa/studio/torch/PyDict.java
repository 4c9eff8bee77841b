package org.learningsa.studio.torch;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Python {@code dict} or {@code collections.OrderedDict} in a pickle tree, in insertion order,
 * with the instance attributes a pickle may set on it (a state_dict carries {@code _metadata}).
 * Keys are strings, ints (Long), floats, bools, None or tuples.
 */
public final class PyDict extends LinkedHashMap<Object, Object> {

    private static final long serialVersionUID = 1L;

    private final boolean ordered;
    private final boolean counter;
    private final Map<String, Object> attributes = new LinkedHashMap<>();

    public PyDict(boolean ordered) {
        this(ordered, false);
    }

    private PyDict(boolean ordered, boolean counter) {
        this.ordered = ordered;
        this.counter = counter;
    }

    /**
     * A {@code collections.Counter} (a dict of counts): PyTorch's {@code MultiStepLR.state_dict()} keeps its
     * milestones in one, and {@code torch.load(weights_only=True)} accepts it.
     */
    public static PyDict counter() {
        return new PyDict(false, true);
    }

    /** True for a {@code collections.Counter}. */
    public boolean isCounter() {
        return counter;
    }

    /** A plain {@code dict}. */
    public static PyDict dict() {
        return new PyDict(false);
    }

    /** A {@code collections.OrderedDict}. */
    public static PyDict orderedDict() {
        return new PyDict(true);
    }

    /** True for {@code collections.OrderedDict}, false for a plain {@code dict}. */
    public boolean isOrdered() {
        return ordered;
    }

    /** Instance attributes (set by the pickle's BUILD), e.g. {@code _metadata} of a state_dict. */
    public Map<String, Object> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object other) {
        return this == other;
    }

    @Override
    public int hashCode() {
        return System.identityHashCode(this);
    }
}
