package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The object tree of the round-trip tests, built the same way here and in
 * {@code torch-format/roundtrip_check.py}: a {'net': OrderedDict} checkpoint with every dtype, a
 * transposed view sharing a storage, a Parameter, 0-D and empty tensors, {@code _metadata}, and
 * nested dict/list/tuple/int/float/str/None/bool values.
 */
final class SampleTree {

    private SampleTree() {
    }

    static PyDict build() {
        PyDict net = PyDict.orderedDict();
        TensorData weight = floats(new long[] {2, 3}, 0f, 0.5f, 1f, 1.5f, 2f, 2.5f);
        net.put("w", weight);
        net.put("t", TensorData.view(weight.storage(), 0, new long[] {3, 2}, new long[] {1, 3}));
        net.put("b", tensor(DType.FLOAT64, new long[] {2}, b -> b.putDouble(1.5).putDouble(-2.0)));
        net.put("i64", tensor(DType.INT64, new long[] {2}, b -> b.putLong(1L << 40).putLong(-3)));
        net.put("i32", tensor(DType.INT32, new long[] {2}, b -> b.putInt(Integer.MIN_VALUE).putInt(7)));
        net.put("i16", tensor(DType.INT16, new long[] {2}, b -> b.putShort((short) -300).putShort((short) 300)));
        net.put("i8", tensor(DType.INT8, new long[] {2}, b -> b.put((byte) -128).put((byte) 127)));
        net.put("u8", tensor(DType.UINT8, new long[] {2}, b -> b.put((byte) 255).put((byte) 0)));
        net.put("flags", tensor(DType.BOOL, new long[] {3}, b -> b.put((byte) 1).put((byte) 0).put((byte) 1)));
        // float16 0.5, -1.25, 65504 and bfloat16 1.0, -2.5 (bit patterns)
        net.put("h", tensor(DType.FLOAT16, new long[] {3}, b -> b.putShort((short) 0x3800).putShort((short) 0xbd00).putShort((short) 0x7bff)));
        net.put("bf", tensor(DType.BFLOAT16, new long[] {2}, b -> b.putShort((short) 0x3f80).putShort((short) 0xc020)));
        net.put("p", floats(new long[] {2}, 3f, -4f).asParameter(true));
        net.put("scalar", floats(new long[] {}, 42f));
        net.put("empty", floats(new long[] {0}));
        PyDict version = PyDict.dict();
        version.put("version", 1L);
        PyDict metadata = PyDict.orderedDict();
        metadata.put("", version);
        net.attributes().put("_metadata", metadata);

        PyDict root = PyDict.dict();
        root.put("net", net);
        root.put("epoch", 7L);
        root.put("best", 0.8134);
        root.put("name", "lsa ünïcode");
        root.put("none", null);
        root.put("flag", Boolean.TRUE);
        root.put("big", BigInteger.TWO.pow(70).negate());
        root.put("tuple", new PyTuple(1L, 2.5, "x"));
        PyDict inner = PyDict.dict();
        inner.put("k", null);
        inner.put(3L, "int key");
        root.put("list", new ArrayList<>(List.of(1L, new ArrayList<>(List.of(2L, 3L)), inner)));
        return root;
    }

    private interface Fill {
        void fill(ByteBuffer buffer);
    }

    private static TensorData tensor(DType dtype, long[] shape, Fill fill) {
        long numel = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        ByteBuffer bytes = ByteBuffer.allocate((int) numel * dtype.elementSize()).order(ByteOrder.LITTLE_ENDIAN);
        fill.fill(bytes);
        return TensorData.of(dtype, shape, bytes.flip());
    }

    private static TensorData floats(long[] shape, float... values) {
        return TensorData.ofFloats(shape, values);
    }

    /** Asserts that two trees hold the same values, types, layouts and storage sharing. */
    static void assertSameTree(Object expected, Object actual, String where) {
        if (expected instanceof PyDict dict) {
            assertTrue(actual instanceof PyDict, where + ": expected a dict, got " + PickleTypes.describe(actual));
            PyDict other = (PyDict) actual;
            assertEquals(dict.isOrdered(), other.isOrdered(), where + ": dict kind");
            assertEquals(new ArrayList<>(dict.keySet()), new ArrayList<>(other.keySet()), where + ": keys");
            for (Map.Entry<Object, Object> entry : dict.entrySet()) {
                assertSameTree(entry.getValue(), other.get(entry.getKey()), where + "/" + entry.getKey());
            }
            assertEquals(dict.attributes().keySet(), other.attributes().keySet(), where + ": attributes");
            for (String name : dict.attributes().keySet()) {
                assertSameTree(dict.attributes().get(name), other.attributes().get(name), where + "@" + name);
            }
        } else if (expected instanceof List<?> list) {
            assertTrue(actual instanceof List<?>, where + ": expected a list");
            List<?> other = (List<?>) actual;
            assertEquals(list.size(), other.size(), where + ": length");
            for (int i = 0; i < list.size(); i++) {
                assertSameTree(list.get(i), other.get(i), where + "[" + i + "]");
            }
        } else if (expected instanceof PyTuple tuple) {
            assertTrue(actual instanceof PyTuple, where + ": expected a tuple");
            assertSameTree(tuple.items(), ((PyTuple) actual).items(), where);
        } else if (expected instanceof TensorData tensor) {
            assertTrue(actual instanceof TensorData, where + ": expected a tensor");
            TensorData other = (TensorData) actual;
            assertEquals(tensor.dtype(), other.dtype(), where + ": dtype");
            assertArrayEquals(tensor.shape(), other.shape(), where + ": shape");
            assertArrayEquals(tensor.strides(), other.strides(), where + ": strides");
            assertEquals(tensor.storageOffset(), other.storageOffset(), where + ": offset");
            assertEquals(tensor.isParameter(), other.isParameter(), where + ": Parameter");
            assertEquals(tensor.requiresGrad(), other.requiresGrad(), where + ": requires_grad");
            assertEquals(tensor.storage().numel(), other.storage().numel(), where + ": storage numel");
            assertEquals(tensor.contiguousBytes(), other.contiguousBytes(), where + ": values");
        } else if (expected == null) {
            assertEquals(null, actual, where);
        } else {
            assertEquals(expected, actual, where);
        }
    }

    /** The transposed view and the weight share one storage after a round trip. */
    static void assertSharing(PyDict root) {
        PyDict net = (PyDict) root.get("net");
        assertSame(((TensorData) net.get("w")).storage(), ((TensorData) net.get("t")).storage(), "w and t share a storage");
    }

    static void failIfNotDict(Object root) {
        if (!(root instanceof PyDict)) {
            fail("top level is a " + PickleTypes.describe(root));
        }
    }
}
