package org.learningsa.studio.torch;

import java.util.Arrays;

/** Shape and stride arithmetic with overflow and bounds checks. */
final class TensorLayout {

    /** More dimensions than any real checkpoint has; guards loops over absurd shapes. */
    static final int MAX_DIMENSIONS = 64;
    /**
     * An expanded view (stride 0) may repeat storage elements, but not without bound: walking
     * 2^40 repeats of one element would hang anything that reads the values.
     */
    static final long MAX_EXPANDED_NUMEL = 1L << 28;

    private TensorLayout() {
    }

    static long numel(long[] shape) {
        long numel = 1;
        for (long size : shape) {
            if (size < 0) {
                throw new MalformedInputException("negative size in shape " + Arrays.toString(shape));
            }
            try {
                numel = Math.multiplyExact(numel, size);
            } catch (ArithmeticException e) {
                throw new MalformedInputException("shape " + Arrays.toString(shape) + " has too many elements");
            }
        }
        return numel;
    }

    static long[] contiguousStrides(long[] shape) {
        long[] strides = new long[shape.length];
        long stride = 1;
        for (int dim = shape.length - 1; dim >= 0; dim--) {
            strides[dim] = stride;
            stride *= Math.max(shape[dim], 1);
        }
        return strides;
    }

    static boolean isContiguous(long[] shape, long[] strides) {
        long expected = 1;
        for (int dim = shape.length - 1; dim >= 0; dim--) {
            if (shape[dim] != 1 && strides[dim] != expected) {
                return shape[dim] == 0;
            }
            expected *= shape[dim];
        }
        return true;
    }

    /** Throws unless every element of the view lies inside a storage of {@code storageNumel} elements. */
    static void check(long storageNumel, long storageOffset, long[] shape, long[] strides) {
        if (shape.length != strides.length) {
            throw new MalformedInputException("shape " + Arrays.toString(shape) + " and stride "
                    + Arrays.toString(strides) + " differ in length");
        }
        if (shape.length > MAX_DIMENSIONS) {
            throw new MalformedInputException(shape.length + " dimensions (at most " + MAX_DIMENSIONS + ")");
        }
        if (storageOffset < 0) {
            throw new MalformedInputException("negative storage offset " + storageOffset);
        }
        long numel = numel(shape);
        if (numel == 0) {
            return;
        }
        if (numel > storageNumel && numel > MAX_EXPANDED_NUMEL) {
            throw new MalformedInputException("tensor of shape " + Arrays.toString(shape) + " repeats a storage of "
                    + storageNumel + " elements more than " + MAX_EXPANDED_NUMEL + " times over");
        }
        long last = storageOffset;
        try {
            for (int dim = 0; dim < shape.length; dim++) {
                if (strides[dim] < 0) {
                    throw new MalformedInputException("negative stride in " + Arrays.toString(strides));
                }
                last = Math.addExact(last, Math.multiplyExact(shape[dim] - 1, strides[dim]));
            }
        } catch (ArithmeticException e) {
            throw new MalformedInputException("stride " + Arrays.toString(strides) + " overflows");
        }
        if (last >= storageNumel) {
            throw new MalformedInputException("tensor of shape " + Arrays.toString(shape) + ", stride "
                    + Arrays.toString(strides) + ", offset " + storageOffset + " reaches element " + last
                    + " of a storage of " + storageNumel);
        }
    }
}
