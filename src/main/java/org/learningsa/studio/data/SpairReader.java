package org.learningsa.studio.data;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.learningsa.studio.core.UserFacingException;

/**
 * Reads SPair-71k: one JSON per pair in {@code PairAnnotation/<split>/<id>-<src>-<trg>:<category>.json}
 * ({@code src_kps}, {@code trg_kps} as [[x, y], …], {@code src_bndbox}/{@code trg_bndbox} as
 * [x1, y1, x2, y2], {@code category}, {@code kps_ids}), images in {@code JPEGImages/<category>/}.
 * The pair list and order come from {@code Layout/large/<split>.txt} when it exists, else from the
 * folder in name order. The bbox threshold is max(w, h) of the target box, as DIFT, DHPF and
 * GeoAware use it for target→source transfer.
 */
final class SpairReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** SPair-71k's per-pair difficulty annotations (0 = none; viewpoint and scale 0..2, truncation and occlusion 0..4). */
    static final java.util.List<String> DIFFICULTY_FLAGS =
            java.util.List.of("viewpoint_variation", "scale_variation", "truncation", "occlusion");

    private SpairReader() {
    }

    static Dataset read(Path root, String split) {
        Path annotations = root.resolve("PairAnnotation").resolve(split);
        Path layout = root.resolve("Layout").resolve("large").resolve(split + ".txt");
        List<String> names = new ArrayList<>();
        List<SkippedPair> skipped = new ArrayList<>();
        try {
            if (Files.isRegularFile(layout)) {
                for (String line : Files.readAllLines(layout, StandardCharsets.UTF_8)) {
                    if (!line.isBlank()) {
                        names.add(line.trim().endsWith(".json") ? line.trim() : line.trim() + ".json");
                    }
                }
            } else {
                try (Stream<Path> files = Files.list(annotations)) {
                    files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".json")).sorted().forEach(names::add);
                }
            }
        } catch (IOException e) {
            throw new UserFacingException("cannot read the SPair-71k " + split + " split under " + root + ": " + e.getMessage(), e);
        }
        ImageResolver images = new ImageResolver(List.of(root.resolve("JPEGImages")));
        List<KeypointPair> pairs = new ArrayList<>();
        for (String name : names) {
            Path file = annotations.resolve(name);
            String where = "PairAnnotation/" + split + "/" + name;
            if (!Files.isRegularFile(file)) {
                skipped.add(new SkippedPair(where, "annotation listed in " + layout.getFileName() + " not found: " + file));
                continue;
            }
            try {
                KeypointPair pair = pair(JSON.readTree(file.toFile()), where, images);
                List<String> missing = new ArrayList<>();
                if (pair.sourceImage() == null) {
                    missing.add("source image not found: " + root.resolve("JPEGImages").resolve(pair.category()).resolve(pair.sourceName()));
                }
                if (pair.targetImage() == null) {
                    missing.add("target image not found: " + root.resolve("JPEGImages").resolve(pair.category()).resolve(pair.targetName()));
                }
                if (missing.isEmpty()) {
                    pairs.add(pair);
                } else {
                    skipped.add(new SkippedPair(where, String.join("; ", missing)));
                }
            } catch (IOException | IllegalArgumentException e) {
                skipped.add(new SkippedPair(where, "unreadable annotation: " + e.getMessage()));
            }
        }
        String description = "SPair-71k " + split + " split (" + (Files.isRegularFile(layout) ? "Layout/large/" + split + ".txt"
                : "all of PairAnnotation/" + split) + "), images under " + root.resolve("JPEGImages");
        return new Dataset(Benchmark.SPAIR, description, annotations, pairs, skipped);
    }

    private static KeypointPair pair(JsonNode json, String where, ImageResolver images) {
        String category = text(json, "category");
        String sourceName = text(json, "src_imname");
        String targetName = text(json, "trg_imname");
        double[][] source = points(json, "src_kps");
        double[][] target = points(json, "trg_kps");
        if (source[0].length != target[0].length) {
            throw new IllegalArgumentException("src_kps has " + source[0].length + " points, trg_kps " + target[0].length);
        }
        JsonNode box = json.get("trg_bndbox");
        if (box == null || box.size() != 4) {
            throw new IllegalArgumentException("trg_bndbox missing or not [x1, y1, x2, y2]");
        }
        double boxSide = Math.max(box.get(2).asDouble() - box.get(0).asDouble(), box.get(3).asDouble() - box.get(1).asDouble());
        int[] ids = null;
        JsonNode idNode = json.get("kps_ids");
        if (idNode != null && idNode.isArray() && idNode.size() == source[0].length) {
            ids = new int[idNode.size()];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = idNode.get(i).isNumber() ? idNode.get(i).asInt() : Integer.parseInt(idNode.get(i).asText().trim());
            }
        }
        java.util.Map<String, Integer> difficulty = new java.util.TreeMap<>();
        for (String flag : DIFFICULTY_FLAGS) {
            JsonNode value = json.get(flag);
            if (value != null && value.isNumber()) {
                difficulty.put(flag, value.asInt());
            }
        }
        return new KeypointPair(where, sourceName, targetName, images.resolve(category + "/" + sourceName).orElse(null),
                images.resolve(category + "/" + targetName).orElse(null), category, null,
                source[0], source[1], target[0], target[1], ids, boxSide, difficulty);
    }

    private static String text(JsonNode json, String key) {
        JsonNode node = json.get(key);
        if (node == null || node.asText().isBlank()) {
            throw new IllegalArgumentException("no '" + key + "'");
        }
        return node.asText();
    }

    private static double[][] points(JsonNode json, String key) {
        JsonNode node = json.get(key);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("no '" + key + "' list");
        }
        double[] xs = new double[node.size()];
        double[] ys = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            JsonNode point = node.get(i);
            if (point.size() < 2) {
                throw new IllegalArgumentException(key + "[" + i + "] is not [x, y]");
            }
            xs[i] = (float) point.get(0).asDouble();
            ys[i] = (float) point.get(1).asDouble();
        }
        return new double[][] {xs, ys};
    }
}
