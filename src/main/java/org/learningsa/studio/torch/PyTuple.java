package org.learningsa.studio.torch;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple in a pickle tree. Immutable; its nesting depth is fixed at construction, so
 * hashing and equality (tuples can be dict keys) never recurse deeper than the reader's limit.
 */
public final class PyTuple {

    private final Object[] items;
    private final int depth;
    private int hash;

    public PyTuple(Object... items) {
        this.items = items.clone();
        int deepest = 0;
        for (Object item : this.items) {
            if (item instanceof PyTuple tuple) {
                deepest = Math.max(deepest, tuple.depth);
            }
        }
        this.depth = deepest + 1;
    }

    public static PyTuple of(List<?> items) {
        return new PyTuple(items.toArray());
    }

    public int size() {
        return items.length;
    }

    public Object get(int index) {
        return items[index];
    }

    public List<Object> items() {
        return Collections.unmodifiableList(Arrays.asList(items));
    }

    /** Nesting depth counting only tuples inside tuples (1 for a flat tuple). */
    int depth() {
        return depth;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PyTuple tuple && Arrays.equals(items, tuple.items);
    }

    @Override
    public int hashCode() {
        if (hash == 0) {
            hash = Arrays.hashCode(items) | 1;
        }
        return hash;
    }

    @Override
    public String toString() {
        return "tuple of " + items.length;
    }
}
