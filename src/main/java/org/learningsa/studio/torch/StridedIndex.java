package org.learningsa.studio.torch;

/**
 * Walks a strided tensor in row-major logical order (what {@code t.reshape(-1)} gives) and yields
 * the storage element index of each position, without allocating per element.
 */
final class StridedIndex {

    private final long[] shape;
    private final long[] strides;
    private final long[] counter;
    private long current;
    private long remaining;

    StridedIndex(long[] shape, long[] strides, long storageOffset, long numel) {
        this.shape = shape;
        this.strides = strides;
        this.counter = new long[shape.length];
        this.current = storageOffset;
        this.remaining = numel;
    }

    boolean hasNext() {
        return remaining > 0;
    }

    /** The storage index of the next logical element. */
    long next() {
        long result = current;
        remaining--;
        for (int dim = shape.length - 1; dim >= 0; dim--) {
            counter[dim]++;
            current += strides[dim];
            if (counter[dim] < shape[dim]) {
                break;
            }
            current -= strides[dim] * shape[dim];
            counter[dim] = 0;
        }
        return result;
    }
}
