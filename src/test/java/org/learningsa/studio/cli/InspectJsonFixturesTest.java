package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.learningsa.studio.torch.TorchFixtures;

/**
 * {@code lsa inspect --json} against every fixture's expected JSON: equal trees, floats bit-exact,
 * except float sums, compared with a relative tolerance of 1e-12 because torch sums in a different
 * order than we do. {@code torch_version} is not compared: a torch.save file does not record it.
 */
class InspectJsonFixturesTest {

    private static final double SUM_RELATIVE_TOLERANCE = 1e-12;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static List<Path> checkpoints() {
        return TorchFixtures.checkpoints();
    }

    @ParameterizedTest
    @MethodSource("checkpoints")
    void inspectJsonEqualsTheFixturesExpectedJson(Path checkpoint) throws Exception {
        CliRun run = CliRun.of("inspect", "--json", checkpoint.toString());
        assertEquals(0, run.exitCode(), run.err());
        JsonNode actual = MAPPER.readTree(run.out());
        String expectedName = checkpoint.getFileName().toString().replace(".pt", ".expected.json");
        JsonNode expected = MAPPER.readTree(checkpoint.resolveSibling(expectedName).toFile());
        assertTrue(actual.get("torch_version").isNull(), "the file does not record the torch version");
        compare(expected, actual, "$", false);
    }

    private static void compare(JsonNode expected, JsonNode actual, String where, boolean floatSum) {
        if (expected.isObject()) {
            assertTrue(actual.isObject(), where + ": expected an object, got " + actual);
            List<String> expectedFields = fieldNames(expected);
            expectedFields.remove("torch_version");
            List<String> actualFields = fieldNames(actual);
            actualFields.remove("torch_version");
            assertEquals(expectedFields, actualFields, where + ": fields");
            boolean floatTensor = expected.has("dtype") && expected.get("dtype").asText().startsWith("float")
                    || expected.has("dtype") && expected.get("dtype").asText().equals("bfloat16");
            for (String field : expectedFields) {
                compare(expected.get(field), actual.get(field), where + "." + field, floatTensor && field.equals("sum"));
            }
        } else if (expected.isArray()) {
            assertTrue(actual.isArray(), where + ": expected an array, got " + actual);
            assertEquals(expected.size(), actual.size(), where + ": length");
            for (int i = 0; i < expected.size(); i++) {
                compare(expected.get(i), actual.get(i), where + "[" + i + "]", false);
            }
        } else if (expected.isNumber()) {
            assertTrue(actual.isNumber(), where + ": expected a number, got " + actual);
            if (floatSum) {
                double scale = Math.max(Math.abs(expected.doubleValue()), Double.MIN_NORMAL);
                assertEquals(expected.doubleValue(), actual.doubleValue(), SUM_RELATIVE_TOLERANCE * scale, where);
            } else if (expected.isIntegralNumber()) {
                assertTrue(actual.isIntegralNumber(), where + ": expected an integer, got " + actual);
                assertEquals(expected.bigIntegerValue(), actual.bigIntegerValue(), where);
            } else {
                assertEquals(Double.doubleToRawLongBits(expected.doubleValue()), Double.doubleToRawLongBits(actual.doubleValue()),
                        where + ": " + expected + " vs " + actual);
            }
        } else if (!expected.equals(actual)) {
            fail(where + ": expected " + expected + ", got " + actual);
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            names.add(it.next().getKey());
        }
        return names;
    }
}
