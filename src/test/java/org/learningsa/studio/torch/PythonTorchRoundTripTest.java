package org.learningsa.studio.torch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our writer → {@code torch.load}, and {@code torch.save} → our reader, with the real PyTorch
 * (Debian's python3-torch). Skipped with a message where {@code python3 -c 'import torch'} fails.
 */
class PythonTorchRoundTripTest {

    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    Path dir;

    @Test
    void torchLoadReadsOurFilesAndWeReadTorchSaveFiles() throws Exception {
        Assumptions.assumeTrue(pythonHasTorch(), "skipped: '" + PYTHON + " -c \"import torch\"' does not work here "
                + "(install python3-torch to run the round trip against real PyTorch)");
        Path oursZip = dir.resolve("ours_zip.pt");
        Path oursLegacy = dir.resolve("ours_legacy.pt");
        Path pythonZip = dir.resolve("python_zip.pt");
        Path pythonLegacy = dir.resolve("python_legacy.pt");
        TorchWriter.writeZip(oursZip, SampleTree.build());
        TorchWriter.writeLegacy(oursLegacy, SampleTree.build());

        Process python = new ProcessBuilder(PYTHON, script().toString(), oursZip.toString(), oursLegacy.toString(),
                pythonZip.toString(), pythonLegacy.toString()).redirectErrorStream(true).start();
        boolean finished = python.waitFor(5, TimeUnit.MINUTES);
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(finished, "python did not finish: " + output);
        assertEquals(0, python.exitValue(), output);
        assertTrue(output.contains("OK"), output);

        for (Path written : List.of(pythonZip, pythonLegacy)) {
            TorchFile read = TorchFile.read(written);
            SampleTree.assertSameTree(SampleTree.build(), read.root(), written.getFileName().toString());
            SampleTree.assertSharing((PyDict) read.root());
        }
        assertEquals(TorchFile.Format.ZIP, TorchFile.read(pythonZip).format());
        assertEquals(TorchFile.Format.LEGACY, TorchFile.read(pythonLegacy).format());
    }

    private static boolean pythonHasTorch() throws InterruptedException {
        if (!Files.isExecutable(Path.of(PYTHON))) {
            return false;
        }
        try {
            Process probe = new ProcessBuilder(PYTHON, "-c", "import torch").redirectErrorStream(true).start();
            probe.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
            return probe.waitFor(2, TimeUnit.MINUTES) && probe.exitValue() == 0;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path script() throws URISyntaxException {
        return Path.of(PythonTorchRoundTripTest.class.getResource("/torch-roundtrip/roundtrip_check.py").toURI());
    }
}
