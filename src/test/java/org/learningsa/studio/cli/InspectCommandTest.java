package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.torch.StateDict;
import org.learningsa.studio.torch.TensorData;
import org.learningsa.studio.torch.TorchFixtures;

class InspectCommandTest {

    @TempDir
    Path dir;

    @Test
    void tableShowsFormatTensorsValuesAndTotals() {
        CliRun result = CliRun.of("inspect", TorchFixtures.file("checkpoint_legacy.pt").toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("Format:    legacy, top level dict"), result.out());
        assertTrue(result.out().matches("(?s).*net/conv1\\.weight\\s+float32\\s+4x3x3x3\\s+0\\.000.*"), result.out());
        assertTrue(result.out().contains("epoch = 7 (int)"), result.out());
        assertTrue(result.out().contains("best_pck = 0.8134 (float)"), result.out());
        assertTrue(result.out().contains("Totals:    38 tensors"), result.out());
    }

    @Test
    void verifyChecksTheZipChecksums() {
        CliRun zip = CliRun.of("inspect", "--verify", TorchFixtures.file("views_zip.pt").toString());
        assertEquals(0, zip.exitCode(), zip.err());
        assertTrue(zip.out().contains("Checksums: all 10 zip entries match their CRC-32"), zip.out());
        CliRun legacy = CliRun.of("inspect", "--verify", TorchFixtures.file("views_legacy.pt").toString());
        assertTrue(legacy.out().contains("Checksums: none to verify"), legacy.out());
    }

    @Test
    void learningSaCheckpointGetsAPartsAndScalarsSummary() {
        Path file = dir.resolve("tiny_lsa.pt");
        LinkedHashMap<String, TensorData> tensors = new LinkedHashMap<>();
        tensors.put("g_f", TensorData.ofFloats(new long[] {1, 4, 1, 1}, new float[] {0.5f, 1f, 1.5f, 2f}));
        tensors.put("feature_extraction.model.conv1.0.weight", TensorData.ofFloats(new long[] {2}, new float[] {1, 2}));
        tensors.put("tokens_to_token1_1.attention1.attn.gamma", TensorData.ofFloats(new long[] {}, new float[] {0.25f}));
        tensors.put("conv_embed_1.0.bias", TensorData.ofFloats(new long[] {1}, new float[] {0}));
        StateDict.save(file, tensors, true);
        CliRun result = CliRun.of("inspect", file.toString());
        assertEquals(0, result.exitCode(), result.err());
        assertTrue(result.out().contains("LearningSA checkpoint:"), result.out());
        assertTrue(result.out().matches("(?s).*g_f \\(level gains\\):\\s+\\[0\\.500000, 1\\.00000, 1\\.50000, 2\\.00000\\].*"), result.out());
        assertTrue(result.out().matches("(?s).*tokens_to_token1_1\\.attention1\\.attn\\.gamma\\s+0\\.250000.*"), result.out());
        assertTrue(result.out().matches("(?s).*unused head conv_embed_\\*:\\s+1 keys.*"), result.out());
    }

    @Test
    void unsafeFileExitsWithTwoAndOneLineNamingTheGlobal() throws Exception {
        // protocol 2: GLOBAL os.system, 'echo', TUPLE1, REDUCE, STOP
        byte[] pickle = "\u0080\u0002cos\nsystem\nX\u0004\u0000\u0000\u0000echo\u0085R.".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        byte[] legacy = concat(Files.readAllBytes(TorchFixtures.file("tensor_bare_legacy.pt")), 0, headerLength(), pickle);
        Path file = Files.write(dir.resolve("evil.pt"), legacy);
        CliRun result = CliRun.of("inspect", file.toString());
        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("os.system") && result.err().contains(file.toString()), result.err());
    }

    @Test
    void truncatedAndForeignFilesExitWithTwo() throws Exception {
        byte[] zip = Files.readAllBytes(TorchFixtures.file("views_zip.pt"));
        Path truncated = Files.write(dir.resolve("truncated.pt"), java.util.Arrays.copyOf(zip, zip.length / 2));
        Path text = Files.writeString(dir.resolve("notes.pt"), "just some text\n");
        for (Path file : new Path[] {truncated, text, dir.resolve("missing.pt")}) {
            CliRun result = CliRun.of("inspect", "--json", file.toString());
            assertEquals(2, result.exitCode(), file + ": " + result.out());
            assertEquals(1, result.err().strip().lines().count(), result.err());
            assertTrue(result.err().startsWith("lsa: " + file), result.err());
        }
    }

    /** Length of the three header pickles (magic, protocol, sys info) of a legacy fixture. */
    private static int headerLength() throws Exception {
        byte[] bytes = Files.readAllBytes(TorchFixtures.file("tensor_bare_legacy.pt"));
        int stops = 0;
        for (int i = 0; i < bytes.length; i++) {
            // the header pickles contain no '.' byte except their STOP opcodes
            if (bytes[i] == '.' && ++stops == 3) {
                return i + 1;
            }
        }
        throw new IllegalStateException("no legacy header");
    }

    private static byte[] concat(byte[] head, int from, int to, byte[] tail) {
        byte[] result = new byte[to - from + tail.length];
        System.arraycopy(head, from, result, 0, to - from);
        System.arraycopy(tail, 0, result, to - from, tail.length);
        return result;
    }
}
