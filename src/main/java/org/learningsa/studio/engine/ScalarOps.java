package org.learningsa.studio.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * Multiplication and division by a constant that stay correct under autograd. DJL's {@code mul(Number)} and
 * {@code div(Number)} wrap the number in a 0-D tensor over a 4-byte direct buffer and close that tensor right after the
 * op. Autograd keeps the tensor for the backward pass (d(x·s)/dx = s, d(x/s)/dx = 1/s), but only the closed Java
 * object kept the buffer alive: once the garbage collector frees it, the backward reads freed memory. Measured on the
 * fine-tuning fixture: a collection between forward and backward made every gradient NaN, which is how a run that
 * went on after an epoch's save (a heap-heavy moment) broke. Here the constant lives in libtorch's own memory, which
 * the saved tensor keeps alive; the result is the same float32 op on a 0-D float32 operand, so bit-identical.
 */
public final class ScalarOps {

    private ScalarOps() {
    }

    /** {@code x · s}. */
    public static NDArray times(NDArray x, float s) {
        try (NDArray constant = nativeScalar(x, s)) {
            return x.mul(constant);
        }
    }

    /** {@code x / s}. */
    public static NDArray dividedBy(NDArray x, float s) {
        try (NDArray constant = nativeScalar(x, s)) {
            return x.div(constant);
        }
    }

    private static NDArray nativeScalar(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
