package org.learningsa.studio.torch;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The only pickle globals the reader knows: what state_dicts and training checkpoints need
 * (tensor and parameter rebuilders, storage classes, OrderedDict, torch.Size, sets, bytes, NumPy
 * scalars). Every
 * other global, e.g. {@code os.system} or {@code builtins.eval}, is refused by name; nothing is
 * ever imported or executed.
 */
final class GlobalWhitelist {

    /** Marker values of whitelisted classes that are only passed around, never called. */
    record PyType(String qualifiedName) {
    }

    private record Builder(String qualifiedName, Function<PyTuple, Object> body) implements PyCallable {
        @Override
        public Object call(PyTuple args) {
            return body.apply(args);
        }
    }

    private static final PyType TENSOR = new PyType("torch.Tensor");
    private static final PyType PARAMETER = new PyType("torch.nn.parameter.Parameter");

    private final Map<String, Object> known = new HashMap<>();

    GlobalWhitelist() {
        for (DType dtype : DType.values()) {
            known.put("torch." + dtype.storageClass(), new StorageType(dtype));
        }
        callable("torch._utils._rebuild_tensor_v2", TensorRebuilder::rebuildTensorV2);
        callable("torch._utils._rebuild_tensor", TensorRebuilder::rebuildTensor);
        callable("torch._utils._rebuild_parameter", args -> TensorRebuilder.rebuildParameter(args, false));
        callable("torch._utils._rebuild_parameter_with_state", args -> TensorRebuilder.rebuildParameter(args, true));
        callable("torch._tensor._rebuild_from_type_v2", GlobalWhitelist::rebuildFromType);
        known.put(TENSOR.qualifiedName(), TENSOR);
        known.put("torch.nn.parameter.Parameter", PARAMETER);
        callable("collections.OrderedDict", GlobalWhitelist::orderedDict);
        callable("collections.Counter", GlobalWhitelist::counter);
        callable("torch.Size", GlobalWhitelist::size);
        callable("torch.device", GlobalWhitelist::device);
        for (String builtins : List.of("builtins", "__builtin__")) {
            callable(builtins + ".set", GlobalWhitelist::set);
            callable(builtins + ".frozenset", GlobalWhitelist::set);
        }
        callable("_codecs.encode", GlobalWhitelist::encode);
        callable("numpy.dtype", NumpyScalars::dtype);
        callable("numpy.core.multiarray.scalar", NumpyScalars::scalar);
        callable("numpy._core.multiarray.scalar", NumpyScalars::scalar);
    }

    private void callable(String qualifiedName, Function<PyTuple, Object> body) {
        known.put(qualifiedName, new Builder(qualifiedName, body));
    }

    /** The value of global {@code module.name}, or an error naming it when it is not whitelisted. */
    Object resolve(String module, String name) {
        String qualifiedName = module + "." + name;
        Object value = known.get(qualifiedName);
        if (value == null) {
            boolean looksLikeClass = !name.isEmpty() && Character.isUpperCase(name.charAt(0));
            throw new MalformedInputException("unsafe or unsupported pickle global "
                    + org.learningsa.studio.core.EchoedText.name(qualifiedName)
                    + " refused (only tensors, storages and plain containers are read; nothing was executed)"
                    + (looksLikeClass ? "; if this is a whole pickled model, save model.state_dict() instead" : ""));
        }
        return value;
    }

    private static Object rebuildFromType(PyTuple args) {
        if (args.size() != 4 || !(args.get(0) instanceof PyCallable function) || !(args.get(2) instanceof PyTuple functionArgs)) {
            throw new MalformedInputException("_rebuild_from_type_v2 with unexpected arguments");
        }
        Object type = args.get(1);
        if (type != TENSOR && type != PARAMETER) {
            throw new MalformedInputException("_rebuild_from_type_v2 to type " + PickleTypes.describe(type));
        }
        if (args.get(3) instanceof Map<?, ?> state && !state.isEmpty()) {
            throw new MalformedInputException("_rebuild_from_type_v2 with tensor attributes " + state.keySet());
        }
        Object result = function.call(functionArgs);
        if (type == PARAMETER && result instanceof TensorData tensor && !tensor.isParameter()) {
            return tensor.asParameter(tensor.requiresGrad());
        }
        return result;
    }

    private static Object orderedDict(PyTuple args) {
        PyDict dict = PyDict.orderedDict();
        if (args.size() == 0) {
            return dict;
        }
        if (args.size() == 1 && args.get(0) instanceof PyDict source) {
            dict.putAll(source);
            return dict;
        }
        if (args.size() == 1 && args.get(0) instanceof List<?> pairs) {
            for (Object pair : pairs) {
                List<Object> keyValue = sequence(pair);
                if (keyValue == null || keyValue.size() != 2 || !isHashable(keyValue.get(0))) {
                    throw new MalformedInputException("OrderedDict item is not a (key, value) pair");
                }
                dict.put(keyValue.get(0), keyValue.get(1));
            }
            return dict;
        }
        throw new MalformedInputException("OrderedDict with unexpected arguments");
    }

    /** Counter() or Counter({key: count}), as pickle protocol 2 writes it (Counter.__reduce__). */
    private static Object counter(PyTuple args) {
        PyDict counter = PyDict.counter();
        if (args.size() == 0) {
            return counter;
        }
        if (args.size() == 1 && args.get(0) instanceof PyDict source) {
            for (Map.Entry<Object, Object> entry : source.entrySet()) {
                if (!isHashable(entry.getKey()) || !(entry.getValue() instanceof Long || entry.getValue() instanceof Double
                        || entry.getValue() instanceof java.math.BigInteger)) {
                    throw new MalformedInputException("Counter item is not a key with a numeric count");
                }
                counter.put(entry.getKey(), entry.getValue());
            }
            return counter;
        }
        throw new MalformedInputException("Counter with unexpected arguments");
    }

    private static Object size(PyTuple args) {
        if (args.size() == 1 && args.get(0) instanceof PyTuple dims) {
            for (Object dim : dims.items()) {
                TensorRebuilder.requireLong(dim, "torch.Size dimension");
            }
            return dims;
        }
        throw new MalformedInputException("torch.Size with unexpected arguments");
    }

    private static Object device(PyTuple args) {
        if (args.size() == 1 && args.get(0) instanceof String type) {
            return type;
        }
        if (args.size() == 2 && args.get(0) instanceof String type && args.get(1) instanceof Long index) {
            return type + ":" + index;
        }
        throw new MalformedInputException("torch.device with unexpected arguments");
    }

    private static Object set(PyTuple args) {
        Set<Object> set = new LinkedHashSet<>();
        if (args.size() == 0) {
            return set;
        }
        Collection<?> items = args.size() == 1 ? sequence(args.get(0)) : null;
        if (items == null) {
            throw new MalformedInputException("set with unexpected arguments");
        }
        for (Object item : items) {
            if (!isHashable(item)) {
                throw new MalformedInputException("unhashable set item (" + PickleTypes.describe(item) + ")");
            }
            set.add(item);
        }
        return set;
    }

    private static Object encode(PyTuple args) {
        if (args.size() == 2 && args.get(0) instanceof String text && args.get(1) instanceof String codec
                && (codec.equals("latin1") || codec.equals("latin-1"))) {
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) > 0xff) {
                    throw new MalformedInputException("_codecs.encode of a non-latin1 string");
                }
            }
            return text.getBytes(StandardCharsets.ISO_8859_1);
        }
        throw new MalformedInputException("_codecs.encode with unexpected arguments");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sequence(Object value) {
        if (value instanceof List<?> list) {
            return (List<Object>) list;
        }
        if (value instanceof PyTuple tuple) {
            return tuple.items();
        }
        return null;
    }

    /** Hashable and small enough to hash and compare (see {@link ReaderLimits#MAX_KEY_VALUES}); never walks a tuple. */
    private static boolean isHashable(Object key) {
        if (key instanceof PyTuple tuple) {
            return tuple.isHashable() && tuple.expandedSize() <= ReaderLimits.MAX_KEY_VALUES;
        }
        return PyTuple.isHashableLeaf(key);
    }
}
