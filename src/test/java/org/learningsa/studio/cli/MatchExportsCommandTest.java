package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.export.MatchCsv;
import org.w3c.dom.Document;

/** {@code lsa match}'s figure (PNG, SVG, PDF), CSV and full-confidence JSON, with the default aligner. */
class MatchExportsCommandTest {

    private static final Path SOURCE = Path.of("assets", "samples", "motorcycle_left.png");
    private static final Path TARGET = Path.of("assets", "samples", "motorcycle_right.png");
    private static final String SVG = "http://www.w3.org/2000/svg";

    @Test
    void writesFiguresInEachFormatWithCsvAndAllConfidences(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path json = folder.resolve("m.json");
        Path csv = folder.resolve("m.csv");
        Path svg = folder.resolve("m.svg");
        CliRun run = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--confidence", "fb",
                "--top", "30", "--json", json.toString(), "--all-confidences", "--csv", csv.toString(),
                "--figure", svg.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("wrote " + csv) && run.out().contains("wrote " + svg), run.out());

        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertEquals("fb", root.get("confidence_kind").asText());
        assertEquals("forward–backward consistency", root.get("confidence_description").asText());
        JsonNode matches = root.get("matches");
        assertEquals(30, matches.size());
        for (JsonNode match : matches) {
            JsonNode all = match.get("confidences");
            assertEquals(List.of("peak", "fb", "level"), fieldNames(all));
            assertEquals(match.get("confidence").asDouble(), all.get("fb").asDouble(), 1e-12, "the chosen kind is one of them");
            JsonNode perReadout = match.get("per_readout");
            assertEquals(List.of("fused", "1", "2", "3", "4"), perReadout.findValuesAsText("readout"));
            JsonNode fused = perReadout.get(0);
            assertEquals(match.get("target"), fused.get("target"), "the fused row is the match itself");
            assertEquals(all, objectWithout(fused, "readout", "target"));
        }

        List<String> rows = Files.readAllLines(csv);
        assertEquals(MatchCsv.HEADER, rows.get(0));
        assertEquals(31, rows.size());
        String[] first = rows.get(1).split(",");
        JsonNode m0 = matches.get(0);
        assertEquals(m0.get("source").get(0).asDouble(), Double.parseDouble(first[0]), 1e-3);
        assertEquals(m0.get("target").get(1).asDouble(), Double.parseDouble(first[3]), 1e-3);
        assertEquals(m0.get("confidence").asDouble(), Double.parseDouble(first[4]), 1e-6);
        assertEquals(m0.get("mutual").asBoolean(), Boolean.parseBoolean(first[5]));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals(30, document.getElementsByTagNameNS(SVG, "line").getLength(), "one line per match");
        assertEquals(2, document.getElementsByTagNameNS(SVG, "image").getLength());
        assertTrue(document.getDocumentElement().getTextContent().contains("Default aligner"), "caption names the model");
        assertEquals("175.000mm", document.getDocumentElement().getAttribute("width"), "two-column default");
    }

    @Test
    void pngAndPdfFollowWidthDpiLayoutAndCaptionOptions(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path stacked = folder.resolve("stacked.png");
        Path pdf = folder.resolve("m.pdf");
        assertEquals(0, CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--top", "20",
                "--figure", stacked.toString(), "--figure-width-mm", "83", "--dpi", "200", "--layout", "stacked",
                "--no-caption").exitCode());
        assertEquals(0, CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--top", "20",
                "--figure", pdf.toString()).exitCode());
        BufferedImage tall = ImageIO.read(stacked.toFile());
        assertEquals(654, tall.getWidth(), "83 mm at 200 dpi");
        // two 741×500 images one above the other, panels narrower than the figure: taller than wide
        assertTrue(tall.getHeight() > tall.getWidth(), tall.getWidth() + "x" + tall.getHeight());
        byte[] head = Files.readAllBytes(pdf);
        assertEquals("%PDF-", new String(head, 0, 5, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void figurePanelsAddTheDenseFlowFromTheRefinedMap(@TempDir Path folder) throws Exception {
        assumeTrue(Files.isRegularFile(SOURCE), "sample images not found (run from the project folder)");
        Path svg = folder.resolve("dense.svg");
        CliRun run = CliRun.of("match", SOURCE.toString(), TARGET.toString(), "--default-aligner", "--top", "20",
                "--figure", svg.toString(), "--figure-panels", "flow,difference");
        assertEquals(0, run.exitCode(), run.err());
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document = factory.newDocumentBuilder().parse(svg.toFile());
        assertEquals(2 + 2 + 1, document.getElementsByTagNameNS(SVG, "image").getLength(),
                "the pair, the two dense panels and the colour wheel");
        String text = document.getDocumentElement().getTextContent();
        assertTrue(text.contains("Middlebury") && text.contains("refined per pixel"), text);
        assertTrue(text.contains("dense flow") && text.contains("|warped − source|"), "panel titles: " + text);
    }

    @Test
    void badFigureOptionsFailBeforeAnyWorkAndWriteNothing(@TempDir Path folder) throws Exception {
        Path json = folder.resolve("m.json");
        for (List<String> bad : List.of(List.of("--figure", folder.resolve("m.jpeg").toString()),
                List.of("--figure", folder.resolve("m.png").toString(), "--dpi", "5"),
                List.of("--figure", folder.resolve("m.png").toString(), "--figure-width-mm", "0"),
                List.of("--figure", folder.resolve("m.png").toString(), "--layout", "diagonal"),
                List.of("--figure", folder.resolve("m.png").toString(), "--figure-panels", "flow,wheel"),
                List.of("--figure-panels", "all"))) {
            List<String> args = new java.util.ArrayList<>(List.of("match", SOURCE.toString(), TARGET.toString(),
                    "--default-aligner", "--json", json.toString()));
            args.addAll(bad);
            CliRun run = CliRun.of(args.toArray(String[]::new));
            assertEquals(2, run.exitCode(), bad + ": " + run.err());
            assertEquals(1, run.err().strip().lines().filter(l -> !l.isBlank()).limit(1).count(), run.err());
            try (var files = Files.list(folder)) {
                assertEquals(0, files.count(), bad + " wrote something");
            }
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new java.util.ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static JsonNode objectWithout(JsonNode node, String... leftOut) {
        var copy = ((com.fasterxml.jackson.databind.node.ObjectNode) node).deepCopy();
        copy.remove(List.of(leftOut));
        return copy;
    }
}
