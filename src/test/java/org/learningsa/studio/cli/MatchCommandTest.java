package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.align.ConfidenceKind;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.align.ModelRegistry;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.export.MatchJson;
import org.learningsa.studio.image.ImageDecoder;

/** {@code lsa match} end to end with the weight-free default aligner on a sample pair. */
class MatchCommandTest {

    private static final Path SOURCE = Path.of("assets", "samples", "motorcycle_left.png");
    private static final Path TARGET = Path.of("assets", "samples", "motorcycle_right.png");

    @Test
    void writesTheDocumentedJsonAndAFigure(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path json = folder.resolve("matches.json");
        Path figure = folder.resolve("matches.png");
        CliRun result = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--readout", "2",
                "--confidence", "fb", "--top", "40", "--json", json.toString(), "--figure", figure.toString());
        assertEquals(0, result.exitCode(), result.err());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        List<String> keys = new ArrayList<>();
        root.fieldNames().forEachRemaining(keys::add);
        assertEquals(List.of("model", "readout", "mapping", "pixel_convention", "confidence_kind", "confidence_description",
                "source", "target", "matches"), keys);
        assertEquals("fb", root.get("confidence_kind").asText());
        assertEquals(DefaultAligner.NAME, root.get("model").asText());
        assertEquals("2", root.get("readout").asText());
        assertEquals("exact", root.get("mapping").asText());
        assertEquals(741, root.get("source").get("width").asInt());
        assertEquals(500, root.get("target").get("height").asInt());
        assertEquals(40, root.get("matches").size());
        double previous = Double.MAX_VALUE;
        for (JsonNode match : root.get("matches")) {
            double x = match.get("target").get(0).asDouble();
            double y = match.get("target").get(1).asDouble();
            assertTrue(x >= -0.5 && x <= 740.5 && y >= -0.5 && y <= 499.5, match.toString());
            double confidence = match.get("confidence").asDouble();
            assertTrue(confidence <= previous && confidence >= 0 && confidence <= 1, "sorted by confidence");
            previous = confidence;
            assertTrue(match.get("mutual").isBoolean());
        }

        BufferedImage png = ImageIO.read(figure.toFile());
        assertTrue(png.getWidth() > 900 && png.getHeight() > 480, png.getWidth() + "x" + png.getHeight());
        try (var leftovers = Files.list(folder)) {
            assertEquals(2, leftovers.count(), "no temporary files left behind");
        }
    }

    @Test
    void cliAndServiceGiveIdenticalMatches(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path json = folder.resolve("cli.json");
        CliRun result = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--mapping", "paper",
                "--json", json.toString());
        assertEquals(0, result.exitCode(), result.err());
        try (ModelRegistry registry = new ModelRegistry(org.learningsa.studio.engine.DeviceChoice.CPU)) {
            MatchService.Result service = new MatchService(registry).match(registry.defaultAligner(),
                    ImageDecoder.decodeForNetwork(SOURCE), ImageDecoder.decodeForNetwork(TARGET), Readout.FUSED,
                    Mapping.PAPER, ConfidenceKind.PEAK_PROBABILITY, 0, ProgressListener.NONE, CancelToken.NEVER);
            assertEquals(MatchJson.toJson(service), new ObjectMapper().readTree(json.toFile()));
        }
    }

    @Test
    void runsTheNetworkPathWithHashedWeights(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path json = folder.resolve("network.json");
        CliRun result = CliRun.of("match", "assets/samples/dog.jpg", "assets/samples/horses.jpg", "--hashed-weights",
                "--device", "cpu", "--readout", "4", "--confidence", "level", "--json", json.toString());
        assertEquals(0, result.exitCode(), result.err());
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals(ModelRegistry.HASHED_WEIGHTS_NAME, root.get("model").asText());
        assertEquals(768, root.get("source").get("width").asInt());
        assertEquals(512, root.get("target").get("height").asInt());
        assertEquals(324, root.get("matches").size());
    }

    @Test
    void modelOptionsExcludeEachOther() {
        CliRun result = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--hashed-weights");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("exclude each other"), result.err());
    }

    @Test
    void unreadableImageIsOneLineAndExitTwo(@TempDir Path folder) throws Exception {
        Path broken = folder.resolve("broken.jpg");
        Files.writeString(broken, "this is not a JPEG");
        CliRun result = CliRun.of("match", broken.toString(), TARGET.toString(), "--default-aligner");
        assertEquals(2, result.exitCode());
        assertEquals(1, result.err().strip().lines().count(), result.err());
        assertTrue(result.err().contains("broken.jpg"), result.err());
    }

    @Test
    void missingImageIsOneLineAndExitTwo(@TempDir Path folder) {
        CliRun result = CliRun.of("match", folder.resolve("nope.png").toString(), TARGET.toString(), "--default-aligner");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("nope.png") && result.err().contains("no such file"), result.err());
    }

    @Test
    void badReadoutIsAUsageError() {
        CliRun result = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--readout", "7");
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("readout"), result.err());
    }
}
