package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pickles of protocols 2, 4 and 5 as Python and torch 1.13 write them
 * (torch-protocols/make_protocol_fixtures.py): FRAME, SHORT_BINUNICODE, MEMOIZE, STACK_GLOBAL,
 * LONG_BINPUT/LONG_BINGET, sets, frozensets, bytes, big ints.
 */
class ProtocolOpcodesTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(ProtocolOpcodesTest.class.getResource("/torch-protocols/" + name).toURI());
    }

    @ParameterizedTest
    @ValueSource(strings = {"protocol4_zip.pt", "protocol4_legacy.pt"})
    void torchSaveWithPickleProtocol4ReadsLikeProtocol2(String name) throws Exception {
        TorchFile file = TorchFile.read(resource(name));
        SampleTree.assertSameTree(SampleTree.build(), file.root(), name);
        SampleTree.assertSharing((PyDict) file.root());
    }

    @Test
    void moreThan256MemoEntriesUseLongMemoOpcodes() throws Exception {
        try (StateDict stateDict = StateDict.load(resource("many_tensors_legacy.pt"))) {
            assertEquals(300, stateDict.size());
            for (int i = 0; i < 300; i++) {
                assertArrayEquals(new float[] {i, -(float) i}, stateDict.get("layer" + i + ".weight").toFloatArray());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4, 5})
    void plainValuesOfEveryProtocolDecode(int protocol) throws Exception {
        byte[] pickle = Files.readAllBytes(resource("plain_protocol" + protocol + ".pkl"));
        PyDict plain = (PyDict) Unpickler.load(ByteBuffer.wrap(pickle), new GlobalWhitelist(), id -> {
            throw new AssertionError("no persistent ids here");
        });
        assertEquals(Set.of(1L, 2L, 3L), plain.get("set"));
        assertEquals(Set.of("a"), plain.get("frozenset"));
        assertArrayEquals(new byte[] {0, (byte) 0xff, 'a', 'b'}, (byte[]) plain.get("bytes"));
        assertArrayEquals(new byte[300], (byte[]) plain.get("long_bytes"));
        assertEquals(BigInteger.TWO.pow(100), plain.get("big"));
        assertEquals(BigInteger.TWO.pow(64).negate(), plain.get("negative_big"));
        assertEquals(-100000L, plain.get("int32"));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits((Double) plain.get("float")));
        assertEquals("na\u00efve \u2603", plain.get("unicode"));
        assertEquals("x".repeat(300), plain.get("long_text"));
        assertEquals(new PyTuple(null, true, false), plain.get("tuple"));
        assertEquals(List.of(List.of(List.of())), plain.get("nested"));
        assertTrue(!plain.isOrdered());
    }

    @ParameterizedTest
    @ValueSource(ints = {2, 4})
    void numpyScalarsBecomeJavaNumbers(int protocol) throws Exception {
        byte[] pickle = Files.readAllBytes(resource("numpy_scalars_protocol" + protocol + ".pkl"));
        PyDict metrics = (PyDict) Unpickler.load(ByteBuffer.wrap(pickle), new GlobalWhitelist(), id -> {
            throw new AssertionError("no persistent ids here");
        });
        assertEquals(0.8134, metrics.get("best_pck"));
        assertEquals(-5L, metrics.get("epoch"));
        assertEquals(0.5, metrics.get("f32"));
        assertEquals(Boolean.TRUE, metrics.get("flag"));
        assertEquals(BigInteger.TWO.pow(64).subtract(BigInteger.ONE), metrics.get("u64"));
        assertEquals(1.5, metrics.get("h"));
    }
}
