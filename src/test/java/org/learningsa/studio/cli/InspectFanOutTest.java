package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.torch.PyDict;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TorchWriter;

/**
 * {@code inspect --json} on a small file whose tree refers to one large tensor thousands of times used to hang
 * (each reference summed again); views are now summed once each, and a tree listing more entries than the
 * limit is refused in one line.
 */
class InspectFanOutTest {

    @TempDir
    Path dir;

    @Test
    void sumsEachDistinctViewOnceAndRefusesTreesOverTheEntryLimit() throws Exception {
        float[] values = new float[1 << 20];
        java.util.Arrays.fill(values, 0.5f);
        TensorData large = TensorData.ofFloats(new long[] {values.length}, values);
        List<Object> references = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            references.add(large);
        }
        PyDict root = PyDict.dict();
        root.put("refs", references);
        Path file = dir.resolve("fan-out.pt");
        TorchWriter.writeZip(file, root);
        // naively 5,000 x 1 M elements summed (minutes); with one sum per view it is one pass
        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("inspect", "--json", file.toString()));
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("\"sum\" : 524288.0"), run.out().substring(0, 400));

        List<Object> many = new ArrayList<>();
        TensorData small = TensorData.ofFloats(new long[] {1}, new float[] {1f});
        for (int i = 0; i < InputLimits.INSPECT_MAX_ENTRIES; i++) {
            many.add(small);
        }
        PyDict wide = PyDict.dict();
        wide.put("refs", many);
        Path wideFile = dir.resolve("wide.pt");
        TorchWriter.writeZip(wideFile, wide);
        CliRun refused = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> CliRun.of("inspect", wideFile.toString()));
        assertEquals(2, refused.exitCode(), refused.err());
        assertTrue(refused.err().contains("lists more than " + InputLimits.INSPECT_MAX_ENTRIES), refused.err());
        assertTrue(Files.size(wideFile) < 16 << 20);
    }
}
