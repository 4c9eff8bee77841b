package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCheckpointIoCommandTest {

    @TempDir
    Path dir;

    @Test
    void benchmarkReportsBothFormatsAndDeletesItsFiles() throws Exception {
        Path manifest = Files.writeString(dir.resolve("manifest.tsv"), String.join("\n",
                "# tiny manifest in the layout of state_dict_manifest.tsv",
                "name\tshape\tdtype\tkind\ttrain_status\tused_by_eval_forward\tnumel\tnote",
                "g_f\t1x4x1x1\tfloat32\tparameter\ttrainable\tyes\t4\t",
                "a.weight\t8x3\tfloat32\tparameter\tfrozen\tyes\t24\t",
                "b.weight\t8x3\tfloat32\tparameter\tfrozen\tyes\t24\talias of a.weight",
                "a.num_batches_tracked\tscalar\tint64\tbuffer\t-\tno\t1\t", ""));
        Path work = Files.createDirectory(dir.resolve("work"));
        CliRun run = CliRun.of("bench-io", "--dir", work.toString(), "--manifest", manifest.toString());
        String out = run.out();
        assertEquals(0, run.exitCode(), out);
        assertTrue(out.contains("4 keys (1 aliases sharing storage)"), out);
        assertTrue(out.matches("(?s).*\\nzip\\s+\\d.*\\nlegacy\\s+\\d.*"), out);
        // pattern (i % 1000) * 1e-3 - 0.5: g_f holds i < 4, a.weight i < 24; the sum -13.718 (checked with numpy), equal in both formats
        assertTrue(out.contains("checksums (sum of all float values): zip -13.7180, legacy -13.7180"), out);
        try (Stream<Path> left = Files.list(work)) {
            assertEquals(0, left.count(), "temporary checkpoints are deleted");
        }
    }

    @Test
    void bundledManifestIsTheLearningSaKeySet() {
        StateDictManifest manifest = StateDictManifest.bundled();
        assertEquals(1351, manifest.rows().size());
        assertEquals(638, manifest.rows().stream().filter(r -> r.aliasOf() != null).count());
        long distinctBytes = manifest.rows().stream().filter(r -> r.aliasOf() == null)
                .mapToLong(r -> r.numel() * (r.dtype().equals("int64") ? 8 : 4)).sum();
        assertEquals(1302425384L, distinctBytes, "the manifest header's 'distinct fp32 bytes' (int64 buffers included)");
    }
}
