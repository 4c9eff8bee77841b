package org.learningsa.studio.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.AppPaths;

/** Reads the catalogue of sample pairs ({@code assets/samples/pairs.tsv}). */
public final class SamplePairs {

    private SamplePairs() {
    }

    /** The sample pairs of the installed assets folder; empty when the folder is missing. */
    public static List<SamplePair> installed() {
        return read(AppPaths.assetsDir().resolve("samples"));
    }

    /** The pairs listed in {@code folder/pairs.tsv} whose two images exist. */
    public static List<SamplePair> read(Path folder) {
        Path catalogue = folder.resolve("pairs.tsv");
        if (!Files.isRegularFile(catalogue)) {
            return List.of();
        }
        List<SamplePair> pairs = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(catalogue, StandardCharsets.UTF_8)) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length < 4) {
                    continue;
                }
                Path source = folder.resolve(cells[2]);
                Path target = folder.resolve(cells[3]);
                if (Files.isRegularFile(source) && Files.isRegularFile(target)) {
                    pairs.add(new SamplePair(cells[0], cells[1], source, target, cells.length > 4 ? cells[4] : ""));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + catalogue, e);
        }
        return pairs;
    }
}
