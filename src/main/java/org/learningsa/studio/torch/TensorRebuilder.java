package org.learningsa.studio.torch;

import java.util.Map;

/**
 * The arguments of {@code torch._utils._rebuild_tensor_v2} and {@code _rebuild_parameter}, checked
 * and turned into {@link TensorData}. Every element the tensor views must lie inside its storage.
 */
final class TensorRebuilder {

    private TensorRebuilder() {
    }

    /** {@code _rebuild_tensor_v2(storage, storage_offset, size, stride, requires_grad, backward_hooks[, metadata])}. */
    static TensorData rebuildTensorV2(PyTuple args) {
        arity(args, 6, 7, "_rebuild_tensor_v2");
        TensorData tensor = tensor(args, requireBool(args.get(4), "requires_grad"));
        requireDictOrNone(args.get(5), "backward_hooks");
        return tensor;
    }

    /** {@code _rebuild_tensor(storage, storage_offset, size, stride)} of older torch versions. */
    static TensorData rebuildTensor(PyTuple args) {
        arity(args, 4, 4, "_rebuild_tensor");
        return tensor(args, false);
    }

    /** {@code _rebuild_parameter(data, requires_grad, backward_hooks)} and {@code _rebuild_parameter_with_state(..., state)}. */
    static TensorData rebuildParameter(PyTuple args, boolean withState) {
        arity(args, withState ? 4 : 3, withState ? 4 : 3, withState ? "_rebuild_parameter_with_state" : "_rebuild_parameter");
        if (!(args.get(0) instanceof TensorData data)) {
            throw new MalformedInputException("_rebuild_parameter of a " + PickleTypes.describe(args.get(0)));
        }
        requireDictOrNone(args.get(2), "backward_hooks");
        return data.asParameter(requireBool(args.get(1), "requires_grad"));
    }

    private static TensorData tensor(PyTuple args, boolean requiresGrad) {
        if (!(args.get(0) instanceof TensorStorage storage)) {
            throw new MalformedInputException("tensor storage is a " + PickleTypes.describe(args.get(0)));
        }
        long offset = requireLong(args.get(1), "storage_offset");
        long[] shape = longs(args.get(2), "size");
        long[] strides = longs(args.get(3), "stride");
        TensorLayout.check(storage.numel(), offset, shape, strides);
        return new TensorData(storage, offset, shape, strides, requiresGrad, false);
    }

    private static void arity(PyTuple args, int min, int max, String function) {
        if (args.size() < min || args.size() > max) {
            throw new MalformedInputException(function + " with " + args.size() + " arguments");
        }
    }

    static long requireLong(Object value, String what) {
        if (value instanceof Long number) {
            return number;
        }
        throw new MalformedInputException(what + " is a " + PickleTypes.describe(value) + ", not an int");
    }

    private static boolean requireBool(Object value, String what) {
        if (value instanceof Boolean flag) {
            return flag;
        }
        throw new MalformedInputException(what + " is a " + PickleTypes.describe(value) + ", not a bool");
    }

    private static void requireDictOrNone(Object value, String what) {
        if (value != null && !(value instanceof Map<?, ?>)) {
            throw new MalformedInputException(what + " is a " + PickleTypes.describe(value));
        }
    }

    private static long[] longs(Object value, String what) {
        if (!(value instanceof PyTuple tuple)) {
            throw new MalformedInputException(what + " is a " + PickleTypes.describe(value) + ", not a tuple");
        }
        if (tuple.size() > TensorLayout.MAX_DIMENSIONS) {
            throw new MalformedInputException(what + " has " + tuple.size() + " dimensions");
        }
        long[] result = new long[tuple.size()];
        for (int i = 0; i < result.length; i++) {
            result[i] = requireLong(tuple.get(i), what);
        }
        return result;
    }
}
