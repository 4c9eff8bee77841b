package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.engine.NetworkOutputs;
import org.learningsa.studio.engine.NpzArchive;
import org.learningsa.studio.engine.ParityFixtures;
import org.learningsa.studio.engine.ParityReport;

/**
 * {@code lsa infer --hashed-weights} on a fixture pair writes the 40 outputs under the reference names and shapes,
 * and they pass the fixtures' protocol (1e-4 on stable elements; see the parity README §4).
 */
class InferCommandTest {

    @Test
    void inferWithHashedWeightsWritesOutputsThatMatchTheFixture(@TempDir Path dir) {
        Path fixtures = ParityFixtures.anyDir().orElse(null);
        Assumptions.assumeTrue(fixtures != null, "parity fixtures not found");
        Path output = dir.resolve("out.npz");
        CliRun run = CliRun.of("infer", "--hashed-weights", "--device", "cpu",
                "--inputs", fixtures.resolve("p2_dog_horse_inputs.npz").toString(), "--output", output.toString());
        assertEquals(0, run.exitCode(), run.out());
        NpzArchive written = NpzArchive.read(output);
        NpzArchive expected = ParityFixtures.expected(fixtures, "p2_dog_horse");
        assertEquals(NetworkOutputs.OUTPUT_NAMES, written.names().stream().toList(), "the 40 reference names");
        ParityReport report = new ParityReport();
        for (String name : NetworkOutputs.OUTPUT_NAMES) {
            assertEquals(Arrays.toString(expected.shape(name)), Arrays.toString(written.shape(name)), name);
            report.output(name, written.floats(name), expected);
        }
        assertTrue(report.failures().isEmpty(), report.failures().toString());
    }

    @Test
    void inferRejectsInputsWithoutTheTwoTensors(@TempDir Path dir) throws Exception {
        Path bad = dir.resolve("bad.npz");
        NpzArchive.write(bad, java.util.Map.of("source", org.learningsa.studio.engine.NpyArray.ofFloats(new long[] {2}, new float[2])));
        CliRun run = CliRun.of("infer", "--hashed-weights", "--inputs", bad.toString(), "--output", dir.resolve("o.npz").toString());
        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("bad.npz"), run.err());
    }
}
