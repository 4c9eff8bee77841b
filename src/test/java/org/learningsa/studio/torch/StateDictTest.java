package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StateDictTest {

    @ParameterizedTest
    @ValueSource(strings = {"checkpoint_zip.pt", "checkpoint_legacy.pt"})
    void unwrapsTheNetStateDictOfATrainingCheckpoint(String name) {
        try (StateDict stateDict = StateDict.load(TorchFixtures.file(name))) {
            assertEquals(List.of("conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var",
                    "bn1.num_batches_tracked", "layer1.0.weight", "layer1.1.weight", "layer1.1.bias",
                    "layer1.1.running_mean", "layer1.1.running_var", "layer1.1.num_batches_tracked", "fc.weight",
                    "fc.bias"), List.copyOf(stateDict.keys()));
            TensorData weight = stateDict.get("conv1.weight");
            assertEquals(DType.FLOAT32, weight.dtype());
            assertArrayEquals(new long[] {4, 3, 3, 3}, weight.shape());
            assertArrayEquals(new long[] {27, 9, 3, 1}, weight.strides());
            // first values from the fixture's expected JSON, exact (float32 widened to double)
            float[] values = weight.toFloatArray();
            assertEquals(5.999346467433497e-05, values[0], 0.0);
            assertEquals(0.18074771761894226, values[1], 0.0);
            assertEquals(2L, stateDict.get("bn1.num_batches_tracked").getLong(0));
            assertTrue(stateDict.contains("fc.bias"));
            assertFalse(stateDict.contains("epoch"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"views_zip.pt", "views_legacy.pt"})
    void tensorsSharingAStorageShareOneBuffer(String name) {
        StateDict stateDict = StateDict.load(TorchFixtures.file(name));
        assertSame(stateDict.get("full").storage(), stateDict.get("slice_b").storage());
        assertArrayEquals(new float[] {2.5f, 2.75f, 3.0f, 3.25f, 3.5f, 3.75f}, stateDict.get("slice_b").toFloatArray());
        TensorData transposed = stateDict.get("transposed");
        assertFalse(transposed.isContiguous());
        float[] logical = transposed.toFloatArray();
        assertArrayEquals(new float[] {0.0f, 1.5f, 3.0f, 4.5f}, java.util.Arrays.copyOf(logical, 4));
        ByteBuffer gathered = transposed.contiguousBytes();
        assertEquals(1.5f, gathered.getFloat(4));
    }

    @ParameterizedTest
    @ValueSource(strings = {"views_zip.pt", "dtypes_zip.pt"})
    void contiguousBytesAreAZeroCopySliceOfTheMapping(String name) {
        StateDict stateDict = StateDict.load(TorchFixtures.file(name));
        TensorData tensor = stateDict.get(stateDict.keys().iterator().next());
        ByteBuffer bytes = tensor.contiguousBytes();
        assertTrue(bytes.isDirect(), "a slice of the memory mapping is a direct buffer");
        assertTrue(bytes.isReadOnly());
        assertEquals(tensor.numel() * tensor.dtype().elementSize(), bytes.remaining());
    }

    @ParameterizedTest
    @ValueSource(strings = {"views_zip.pt"})
    void missingKeyIsAnErrorNamingIt(String name) {
        StateDict stateDict = StateDict.load(TorchFixtures.file(name));
        TorchFormatException error = assertThrows(TorchFormatException.class, () -> stateDict.get("nope"));
        assertTrue(error.getMessage().contains("'nope'"), error.getMessage());
    }
}
