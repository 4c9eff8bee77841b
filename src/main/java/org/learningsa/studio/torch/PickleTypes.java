package org.learningsa.studio.torch;

import java.math.BigInteger;
import java.util.List;
import java.util.Set;

/** Python type names of the values in a pickle tree, for messages and for {@code lsa inspect}. */
public final class PickleTypes {

    private PickleTypes() {
    }

    /** The Python type name of a tree value: dict, OrderedDict, list, tuple, set, int, float, bool, str, bytes, None, Tensor, Parameter. */
    public static String describe(Object value) {
        if (value == null) {
            return "None";
        }
        if (value instanceof PyDict dict) {
            return dict.isCounter() ? "Counter" : dict.isOrdered() ? "OrderedDict" : "dict";
        }
        if (value instanceof List<?>) {
            return "list";
        }
        if (value instanceof PyTuple) {
            return "tuple";
        }
        if (value instanceof Set<?>) {
            return "set";
        }
        if (value instanceof Long || value instanceof Integer || value instanceof BigInteger) {
            return "int";
        }
        if (value instanceof Double || value instanceof Float) {
            return "float";
        }
        if (value instanceof Boolean) {
            return "bool";
        }
        if (value instanceof String) {
            return "str";
        }
        if (value instanceof byte[]) {
            return "bytes";
        }
        if (value instanceof TensorData tensor) {
            return tensor.isParameter() ? "Parameter" : "Tensor";
        }
        if (value instanceof PyCallable callable) {
            return callable.qualifiedName();
        }
        if (value instanceof StorageType type) {
            return "torch." + type.dtype().storageClass() + " (class)";
        }
        if (value instanceof TensorStorage) {
            return "storage";
        }
        return value.getClass().getSimpleName();
    }
}
