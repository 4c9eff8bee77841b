package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every dtype of the dtypes fixture converts to the values torch reported (expected JSON), exactly:
 * doubles bit for bit, floats as the float nearest to them, integers and bools exactly.
 */
class DtypeConversionTest {

    @ParameterizedTest
    @ValueSource(strings = {"dtypes_zip", "dtypes_legacy", "views_zip"})
    void conversionsGiveTheValuesTorchReported(String name) throws Exception {
        JsonNode expected = new ObjectMapper().readTree(TorchFixtures.file(name + ".expected.json").toFile());
        StateDict stateDict = StateDict.load(TorchFixtures.file(name + ".pt"));
        for (JsonNode entry : expected.get("tensors")) {
            String key = entry.get("path").get(0).asText();
            TensorData tensor = stateDict.get(key);
            JsonNode values = entry.has("values") ? entry.get("values") : entry.get("first8");
            double[] doubles = tensor.toDoubleArray();
            float[] floats = tensor.toFloatArray();
            long[] longs = tensor.dtype().isFloatingPoint() ? null : tensor.toLongArray();
            for (int i = 0; i < values.size(); i++) {
                double value = decode(values.get(i));
                assertEquals(Double.doubleToLongBits(value), Double.doubleToLongBits(doubles[i]), key + "[" + i + "] as double");
                assertEquals(Float.floatToIntBits((float) value), Float.floatToIntBits(floats[i]), key + "[" + i + "] as float");
                if (longs != null) {
                    long exact = values.get(i).isBoolean() ? (values.get(i).asBoolean() ? 1 : 0) : values.get(i).asLong();
                    assertEquals(exact, longs[i], key + "[" + i + "] exactly");
                    assertEquals(exact, tensor.getLong(i), key + "[" + i + "] by index");
                }
            }
        }
    }

    private static double decode(JsonNode value) {
        if (value.isBoolean()) {
            return value.asBoolean() ? 1 : 0;
        }
        if (value.isTextual()) {
            return switch (value.asText()) {
                case "nan" -> Double.NaN;
                case "inf" -> Double.POSITIVE_INFINITY;
                case "-inf" -> Double.NEGATIVE_INFINITY;
                case "-0.0" -> -0.0;
                default -> throw new IllegalArgumentException(value.asText());
            };
        }
        return value.isIntegralNumber() ? (double) value.asLong() : value.asDouble();
    }
}
