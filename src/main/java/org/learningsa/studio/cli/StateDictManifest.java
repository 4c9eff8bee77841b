package org.learningsa.studio.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.learningsa.studio.core.UserFacingException;

/**
 * The LearningSA state_dict key set (name, shape, dtype, alias) from {@code state_dict_manifest.tsv}
 * (generated from the authors' code; the engine bundles it as a resource, which this reads).
 */
record StateDictManifest(List<StateDictManifest.Row> rows) {

    static final String BUNDLED = "/org/learningsa/studio/engine/state_dict_manifest.tsv";

    /** One key; {@code aliasOf} names the key whose storage it shares, or is null. */
    record Row(String name, long[] shape, String dtype, String aliasOf) {
        long numel() {
            return Arrays.stream(shape).reduce(1, Math::multiplyExact);
        }
    }

    static StateDictManifest bundled() {
        try (InputStream in = StateDictManifest.class.getResourceAsStream(BUNDLED)) {
            return parse(in, "bundled " + BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("bundled manifest unreadable", e);
        }
    }

    static StateDictManifest read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (IOException e) {
            throw new UserFacingException(file + ": cannot read the manifest: " + e.getMessage(), e);
        }
    }

    private static StateDictManifest parse(InputStream in, String source) throws IOException {
        List<Row> rows = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        int lineNumber = 0;
        while ((line = reader.readLine()) != null) {
            lineNumber++;
            if (line.isBlank() || line.startsWith("#") || line.startsWith("name\t")) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 3) {
                throw new UserFacingException(source + ": line " + lineNumber + " has " + columns.length + " columns");
            }
            long[] shape = columns[1].equals("scalar") ? new long[0]
                    : Arrays.stream(columns[1].split("x")).mapToLong(Long::parseLong).toArray();
            String note = columns.length > 7 ? columns[7].trim() : "";
            String aliasOf = note.startsWith("alias of ") ? note.substring("alias of ".length()).trim() : null;
            rows.add(new Row(columns[0], shape, columns[2], aliasOf));
        }
        return new StateDictManifest(List.copyOf(rows));
    }
}
