package org.learningsa.studio.torch;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Writes an object tree as a protocol-2 pickle the way {@code torch.save} does: tensors through
 * {@code torch._utils._rebuild_tensor_v2} with storages as persistent ids (one per distinct
 * {@link TensorStorage}), parameters through {@code _rebuild_parameter}.
 */
final class PickleWriter {

    private static final int BATCH = 1000;
    private static final int MAX_DEPTH = ReaderLimits.MAX_NESTING;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final boolean legacy;
    private final Map<TensorStorage, String> storageKeys = new IdentityHashMap<>();
    private final Map<String, TensorStorage> orderedStorages = new LinkedHashMap<>();

    PickleWriter(boolean legacy) {
        this.legacy = legacy;
    }

    /** One complete pickle (PROTO 2 ... STOP) of {@code value}. */
    byte[] pickle(Object value) {
        out.reset();
        out.write(0x80);
        out.write(2);
        write(value, 0);
        out.write('.');
        return out.toByteArray();
    }

    /** The storages met so far, by key, in order of first appearance. */
    Map<String, TensorStorage> storages() {
        return orderedStorages;
    }

    private void write(Object value, int depth) {
        if (depth > MAX_DEPTH) {
            throw new IllegalArgumentException("object tree nested deeper than " + MAX_DEPTH + " (or a cycle)");
        }
        if (value == null) {
            out.write('N');
        } else if (value instanceof Boolean flag) {
            out.write(flag ? 0x88 : 0x89);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            writeInt(((Number) value).longValue());
        } else if (value instanceof BigInteger big) {
            writeBigInt(big);
        } else if (value instanceof Double || value instanceof Float) {
            out.write('G');
            long bits = Double.doubleToRawLongBits(((Number) value).doubleValue());
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (bits >>> shift));
            }
        } else if (value instanceof String text) {
            writeString(text);
        } else if (value instanceof byte[] bytes) {
            writeGlobal("_codecs", "encode");
            writeString(new String(bytes, StandardCharsets.ISO_8859_1));
            writeString("latin1");
            out.write(0x86);
            out.write('R');
        } else if (value instanceof TensorData tensor) {
            writeTensor(tensor);
        } else if (value instanceof PyTuple tuple) {
            writeTuple(tuple.items(), depth);
        } else if (value instanceof List<?> list) {
            out.write(']');
            writeBatches(list, depth, 'e', 'a');
        } else if (value instanceof Set<?> set) {
            writeGlobal("builtins", "set");
            out.write(']');
            writeBatches(new ArrayList<>(set), depth, 'e', 'a');
            out.write(0x85);
            out.write('R');
        } else if (value instanceof Map<?, ?> map) {
            writeMap(map, depth);
        } else {
            throw new IllegalArgumentException("cannot write a " + value.getClass().getName() + " into a torch file");
        }
    }

    private void writeMap(Map<?, ?> map, int depth) {
        if (map instanceof PyDict dict && dict.isCounter()) {
            // Counter.__reduce__: (Counter, (dict(self),))
            writeGlobal("collections", "Counter");
            PyDict plain = PyDict.dict();
            plain.putAll(dict);
            writeMap(plain, depth + 1);
            out.write(0x85);
            out.write('R');
            return;
        }
        boolean ordered = map instanceof PyDict dict ? dict.isOrdered() : map instanceof LinkedHashMap;
        if (ordered) {
            writeEmptyOrderedDict();
        } else {
            out.write('}');
        }
        List<Object> keysAndValues = new ArrayList<>(2 * map.size());
        map.forEach((key, item) -> {
            keysAndValues.add(key);
            keysAndValues.add(item);
        });
        writeBatches(keysAndValues, depth, 'u', 's');
        if (map instanceof PyDict dict && !dict.attributes().isEmpty()) {
            PyDict attributes = PyDict.dict();
            attributes.putAll(dict.attributes());
            write(attributes, depth + 1);
            out.write('b');
        }
    }

    /** Appends items to the container on the stack: MARK items MANY, batches of 1000 (pairs for dicts). */
    private void writeBatches(List<?> items, int depth, int many, int one) {
        int step = many == 'u' ? 2 : 1;
        for (int from = 0; from < items.size(); from += BATCH * step) {
            int to = Math.min(items.size(), from + BATCH * step);
            if (to - from == step) {
                for (int i = from; i < to; i++) {
                    write(items.get(i), depth + 1);
                }
                out.write(one);
                continue;
            }
            out.write('(');
            for (int i = from; i < to; i++) {
                write(items.get(i), depth + 1);
            }
            out.write(many);
        }
    }

    private void writeTuple(List<?> items, int depth) {
        if (items.isEmpty()) {
            out.write(')');
            return;
        }
        if (items.size() > 3) {
            out.write('(');
        }
        for (Object item : items) {
            write(item, depth + 1);
        }
        out.write(switch (items.size()) {
            case 1 -> 0x85;
            case 2 -> 0x86;
            case 3 -> 0x87;
            default -> 't';
        });
    }

    private void writeTensor(TensorData tensor) {
        if (tensor.isParameter()) {
            writeGlobal("torch._utils", "_rebuild_parameter");
            out.write('(');
        }
        writeGlobal("torch._utils", "_rebuild_tensor_v2");
        out.write('(');
        writeStorage(tensor.storage());
        writeInt(tensor.storageOffset());
        writeTuple(boxed(tensor.shape()), 0);
        writeTuple(boxed(tensor.strides()), 0);
        out.write(!tensor.isParameter() && tensor.requiresGrad() ? 0x88 : 0x89);
        writeEmptyOrderedDict();
        out.write('t');
        out.write('R');
        if (tensor.isParameter()) {
            out.write(tensor.requiresGrad() ? 0x88 : 0x89);
            writeEmptyOrderedDict();
            out.write('t');
            out.write('R');
        }
    }

    private void writeStorage(TensorStorage storage) {
        String key = storageKeys.get(storage);
        if (key == null) {
            key = Integer.toString(storageKeys.size());
            storageKeys.put(storage, key);
            orderedStorages.put(key, storage);
        }
        out.write('(');
        writeString("storage");
        writeGlobal("torch", storage.dtype().storageClass());
        writeString(key);
        writeString("cpu");
        writeInt(storage.numel());
        if (legacy) {
            out.write('N');
        }
        out.write('t');
        out.write('Q');
    }

    private void writeEmptyOrderedDict() {
        writeGlobal("collections", "OrderedDict");
        out.write(')');
        out.write('R');
    }

    private void writeGlobal(String module, String name) {
        out.write('c');
        out.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private void writeString(String text) {
        byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
        out.write('X');
        writeLittleEndian(utf8.length, 4);
        out.writeBytes(utf8);
    }

    private void writeInt(long value) {
        if (value >= 0 && value < 0x100) {
            out.write('K');
            out.write((int) value);
        } else if (value >= 0 && value < 0x10000) {
            out.write('M');
            writeLittleEndian(value, 2);
        } else if (value >= Integer.MIN_VALUE && value <= Integer.MAX_VALUE) {
            out.write('J');
            writeLittleEndian(value, 4);
        } else {
            writeBigInt(BigInteger.valueOf(value));
        }
    }

    private void writeBigInt(BigInteger value) {
        byte[] bigEndian = value.toByteArray();
        if (bigEndian.length > 0xff) {
            out.write(0x8b);
            writeLittleEndian(bigEndian.length, 4);
        } else {
            out.write(0x8a);
            out.write(bigEndian.length);
        }
        for (int i = bigEndian.length - 1; i >= 0; i--) {
            out.write(bigEndian[i]);
        }
    }

    private void writeLittleEndian(long value, int bytes) {
        for (int i = 0; i < bytes; i++) {
            out.write((int) (value >>> (8 * i)));
        }
    }

    private static List<Long> boxed(long[] values) {
        List<Long> boxed = new ArrayList<>(values.length);
        for (long value : values) {
            boxed.add(value);
        }
        return boxed;
    }
}
