package org.learningsa.studio.batch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.core.AtomicFiles;

/**
 * What a finished row says about itself, {@code <name>/row.json}: which pair, which model, how confident, how long
 * it took and which files it holds. The index is rebuilt from these, so shards never write a shared file while
 * they run.
 *
 * @param meanConfidence mean confidence of the row's matches (the run's confidence kind); NaN without matches
 * @param seconds        wall time of the row: decoding, aligning and writing its files
 * @param files          the row's files besides row.json, as named in its folder
 */
public record RowRecord(int row, String name, Path source, Path target, String model, String confidenceKind,
                        int matches, double meanConfidence, double seconds, List<String> files) {

    /** The file's name in a row folder. */
    public static final String FILE = "row.json";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public RowRecord {
        files = List.copyOf(files);
    }

    void write(Path folder) {
        ObjectNode json = MAPPER.createObjectNode();
        json.put("row", row);
        json.put("name", name);
        json.put("source", source.toString());
        json.put("target", target.toString());
        json.put("model", model);
        json.put("confidence_kind", confidenceKind);
        json.put("matches", matches);
        if (Double.isNaN(meanConfidence)) {
            json.putNull("mean_confidence");
        } else {
            json.put("mean_confidence", Math.round(meanConfidence * 1e6) / 1e6);
        }
        json.put("seconds", Math.round(seconds * 1000) / 1000.0);
        files.forEach(json.putArray("files")::add);
        AtomicFiles.write(folder.resolve(FILE), out -> MAPPER.writeValue(out, json));
    }

    /** The record in a row folder, or null when there is none or it cannot be read (the row is then not done). */
    public static RowRecord read(Path folder) {
        Path file = folder.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try {
            JsonNode json = MAPPER.readTree(file.toFile());
            List<String> files = new ArrayList<>();
            json.path("files").forEach(f -> files.add(f.asText()));
            JsonNode mean = json.path("mean_confidence");
            return new RowRecord(json.path("row").asInt(), json.path("name").asText(), Path.of(json.path("source").asText()),
                    Path.of(json.path("target").asText()), json.path("model").asText(),
                    json.path("confidence_kind").asText(), json.path("matches").asInt(),
                    mean.isNumber() ? mean.asDouble() : Double.NaN, json.path("seconds").asDouble(), files);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
