package org.learningsa.studio.torch;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Python tuple in a pickle tree. Immutable; its nesting depth, its expanded size (values counted once per
 * occurrence, as hashing and equality visit them) and whether it is hashable are fixed at construction in
 * time linear in its own items, so a pickle whose tuples share sub-tuples (a DAG that doubles at each level)
 * is measured without being walked, and the reader refuses it before anything hashes or compares it.
 */
public final class PyTuple {

    private final Object[] items;
    private final int depth;
    private final long expandedSize;
    private final boolean hashable;
    private int hash;

    public PyTuple(Object... items) {
        this.items = items.clone();
        int deepest = 0;
        long expanded = 1;
        boolean allHashable = true;
        for (Object item : this.items) {
            if (item instanceof PyTuple tuple) {
                deepest = Math.max(deepest, tuple.depth);
                expanded = saturatedAdd(expanded, tuple.expandedSize);
                allHashable &= tuple.hashable;
            } else {
                expanded = saturatedAdd(expanded, 1);
                allHashable &= isHashableLeaf(item);
            }
        }
        this.depth = deepest + 1;
        this.expandedSize = expanded;
        this.hashable = allHashable;
    }

    private static long saturatedAdd(long a, long b) {
        return a > Long.MAX_VALUE - b ? Long.MAX_VALUE : a + b;
    }

    /** The immutable leaf types Python allows as dict keys and set items. */
    static boolean isHashableLeaf(Object value) {
        return value == null || value instanceof String || value instanceof Long || value instanceof java.math.BigInteger
                || value instanceof Double || value instanceof Boolean;
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

    /** Values a walk of this tuple visits, shared sub-tuples counted at each occurrence (saturates at Long.MAX_VALUE). */
    long expandedSize() {
        return expandedSize;
    }

    /** Whether Python could use this tuple as a dict key: only hashable leaves, at any depth. */
    boolean isHashable() {
        return hashable;
    }

    @Override
    public boolean equals(Object other) {
        // sizes first: tuples of different expanded size are never equal, and equal ones are compared by
        // Arrays.equals, which tries identity first (shared sub-tuples cost nothing)
        return other == this || other instanceof PyTuple tuple && tuple.expandedSize == expandedSize
                && tuple.hashCode() == hashCode() && Arrays.equals(items, tuple.items);
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
