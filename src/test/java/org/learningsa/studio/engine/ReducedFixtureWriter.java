package org.learningsa.studio.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes the reduced parity fixtures committed under {@code src/test/resources/parity-reduced} (under 5 MB)
 * from the full shared fixtures, so the parity tests also run where the shared fixtures are absent (CI):
 * per pair the 320×320 RGB and float inputs, the 40 outputs with their stability masks, kernel argmax and
 * margins, soft-argmax peaks, level weights and the per-channel / per-position summaries of the intermediates;
 * plus {@code hashed_weights_testvectors.json} and {@code constants.npz}. Left out: the original-size images of p1 (500×741), the 400×400 volumes and the
 * channel heads (megabytes each).
 *
 * <p>Run: {@code mvn -o -q test -Dtest=ReducedFixtureWriter -Dlsa.writeReducedFixtures=true}.
 */
public final class ReducedFixtureWriter {

    public static void main(String[] args) throws IOException {
        Path full = Paths.get(args[0]);
        Path out = Paths.get(args[1]);
        write(full, out);
    }

    static void write(Path full, Path out) throws IOException {
        Files.createDirectories(out);
        for (String pair : ParityFixtures.PAIRS) {
            NpzArchive inputs = NpzArchive.read(full.resolve(pair + "_inputs.npz"));
            Map<String, NpyArray> keptInputs = new LinkedHashMap<>();
            for (String name : new String[] {"source", "target", "source_rgb", "target_rgb"}) {
                keptInputs.put(name, inputs.get(name));
            }
            // the original images only where small (p2: 380x320 and 270x330, up- and down-scaling): enough for
            // the bit-exact PIL resize check on CI
            if (inputs.get("source_orig").numel() + inputs.get("target_orig").numel() < 1_000_000) {
                keptInputs.put("source_orig", inputs.get("source_orig"));
                keptInputs.put("target_orig", inputs.get("target_orig"));
            }
            NpzArchive.write(out.resolve(pair + "_inputs.npz"), keptInputs);
            NpzArchive expected = NpzArchive.read(full.resolve(pair + "_expected.npz"));
            Map<String, NpyArray> keptExpected = new LinkedHashMap<>();
            for (String name : expected.names()) {
                if (keep(name)) {
                    keptExpected.put(name, expected.get(name));
                }
            }
            NpzArchive.write(out.resolve(pair + "_expected.npz"), keptExpected);
        }
        Files.copy(full.resolve("constants.npz"), out.resolve("constants.npz"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(full.resolve("hashed_weights_testvectors.json"), out.resolve("hashed_weights_testvectors.json"),
                StandardCopyOption.REPLACE_EXISTING);
    }

    private static boolean keep(String name) {
        if (NetworkOutputs.OUTPUT_NAMES.contains(name)) {
            return true;
        }
        return name.startsWith("stable_") || name.startsWith("gauss_argmax_") || name.startsWith("gauss_margin_")
                || name.startsWith("sam_pmax_") || name.equals("cams") || name.equals("cams_weighted")
                || name.endsWith("_chmean") || name.endsWith("_posnorm");
    }

    /** Runs the writer from Maven when asked to (it rewrites committed files, so never by default). */
    @org.junit.jupiter.api.Test
    void writeWhenRequested() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(Boolean.getBoolean("lsa.writeReducedFixtures"),
                "set -Dlsa.writeReducedFixtures=true to rewrite src/test/resources/parity-reduced");
        Path full = ParityFixtures.fullDir().orElseThrow(() -> new IllegalStateException("full fixtures not found"));
        write(full, Paths.get(System.getProperty("lsa.project", ".")).resolve("src/test/resources/parity-reduced"));
    }
}
