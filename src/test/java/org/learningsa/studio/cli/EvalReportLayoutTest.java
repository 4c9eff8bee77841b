package org.learningsa.studio.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.learningsa.studio.data.BenchmarkFolders;

/** The eval summary table keeps its columns for long group names; the report names α one way everywhere. */
class EvalReportLayoutTest {

    @TempDir
    Path dir;

    @Test
    void longDomainNamesKeepTheTableColumnsAndTheReportWritesAlphaOneWay() throws Exception {
        BenchmarkFolders.writeCrodom(dir);
        Path report = dir.resolve("report.json");
        CliRun result = CliRun.of("eval", "--benchmark", "crodom", "--data", dir.toString(), "--report", report.toString(),
                "--device", "cpu");
        assertEquals(0, result.exitCode(), result.err());
        List<String> table = new ArrayList<>();
        boolean inTable = false;
        for (String line : result.out().split("\n")) {
            inTable |= line.startsWith("PCK");
            if (inTable && line.startsWith("(")) {
                break;
            }
            if (inTable) {
                table.add(line);
            }
        }
        assertTrue(table.stream().anyMatch(l -> l.contains("domain photo-painting")), String.join("\n", table));
        int width = table.get(0).length();
        for (String line : table) {
            assertEquals(width, line.length(), "every row ends under the header's last column:\n" + String.join("\n", table));
        }

        JsonNode root = new ObjectMapper().readTree(report.toFile());
        List<String> alphas = new ArrayList<>();
        root.get("alphas").forEach(a -> alphas.add(a.asText()));
        List<String> keys = new ArrayList<>();
        for (Iterator<String> it = root.get("pck").fieldNames(); it.hasNext(); ) {
            keys.add(it.next());
        }
        assertEquals(keys, alphas, "\"alphas\" lists α exactly as the pck keys write it");
        assertTrue(alphas.contains("0.10"), alphas.toString());
    }
}
