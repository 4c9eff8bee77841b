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
import org.learningsa.studio.core.InputLimits;
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

    static Dataset read(Path root, String split, boolean allowOutside) {
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
        ImageResolver images = new ImageResolver(List.of(root.resolve("JPEGImages")), allowOutside);
        List<KeypointPair> pairs = new ArrayList<>();
        for (String name : names) {
            Path file = annotations.resolve(name);
            String where = "PairAnnotation/" + split + "/" + name;
            if (!Files.isRegularFile(file)) {
                skipped.add(new SkippedPair(where, "annotation listed in " + layout.getFileName() + " not found: " + file));
                continue;
            }
            try {
                if (Files.size(file) > InputLimits.SPAIR_MAX_ANNOTATION_BYTES) {
                    throw new IllegalArgumentException("the file has " + Files.size(file) + " bytes (a pair annotation has "
                            + "a few KB; at most " + InputLimits.SPAIR_MAX_ANNOTATION_BYTES + ")");
                }
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
        if (!json.isObject()) {
            throw new IllegalArgumentException("the annotation is a JSON " + json.getNodeType().name().toLowerCase(
                    java.util.Locale.ROOT) + ", not an object");
        }
        String category = text(json, "category");
        String sourceName = text(json, "src_imname");
        String targetName = text(json, "trg_imname");
        double[][] source = points(json, "src_kps");
        double[][] target = points(json, "trg_kps");
        if (source[0].length != target[0].length) {
            throw new IllegalArgumentException("src_kps has " + source[0].length + " points, trg_kps " + target[0].length);
        }
        JsonNode box = json.get("trg_bndbox");
        if (box == null || !box.isArray() || box.size() != 4) {
            throw new IllegalArgumentException("trg_bndbox missing or not [x1, y1, x2, y2]");
        }
        double[] corners = new double[4];
        for (int i = 0; i < 4; i++) {
            corners[i] = number(box.get(i), "trg_bndbox[" + i + "]");
        }
        double boxSide = Math.max(corners[2] - corners[0], corners[3] - corners[1]);
        int[] ids = null;
        JsonNode idNode = json.get("kps_ids");
        if (idNode != null && idNode.isArray() && idNode.size() == source[0].length) {
            ids = new int[idNode.size()];
            for (int i = 0; i < ids.length; i++) {
                JsonNode id = idNode.get(i);
                if (id.isIntegralNumber() && id.canConvertToInt()) {
                    ids[i] = id.asInt();
                } else if (id.isTextual()) {
                    try {
                        ids[i] = Integer.parseInt(id.asText().trim());
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("kps_ids[" + i + "] is not an integer");
                    }
                } else {
                    throw new IllegalArgumentException("kps_ids[" + i + "] is a " + kind(id) + ", not an integer");
                }
            }
        }
        java.util.Map<String, Integer> difficulty = new java.util.TreeMap<>();
        for (String flag : DIFFICULTY_FLAGS) {
            JsonNode value = json.get(flag);
            if (value != null && value.isNumber()) {
                difficulty.put(flag, value.asInt());
            }
        }
        String sourcePath = category + "/" + sourceName;
        String targetPath = category + "/" + targetName;
        return new KeypointPair(where, sourceName, targetName, images.resolve(sourcePath).orElse(null),
                images.resolve(targetPath).orElse(null), category, null,
                source[0], source[1], target[0], target[1], ids, boxSide, difficulty);
    }

    private static String kind(JsonNode node) {
        return node == null ? "missing value" : node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }

    /** A JSON string value, capped and escaped for messages; names of files are checked by {@link ImageResolver}. */
    private static String text(JsonNode json, String key) {
        JsonNode node = json.get(key);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new IllegalArgumentException("'" + key + "' is " + (node == null ? "missing" : "a " + kind(node)
                    + ", not a non-empty string"));
        }
        return node.asText();
    }

    /** A finite JSON number; strings, NaN and values beyond float range are refused (they used to read as 0.0). */
    private static double number(JsonNode node, String what) {
        if (node == null || !node.isNumber()) {
            throw new IllegalArgumentException(what + " is a " + kind(node) + ", not a number");
        }
        double value = (float) node.asDouble();
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(what + " is out of float32 range (" + node.asText() + ")");
        }
        return value;
    }

    private static double[][] points(JsonNode json, String key) {
        JsonNode node = json.get(key);
        if (node == null || !node.isArray()) {
            throw new IllegalArgumentException("'" + key + "' is " + (node == null ? "missing" : "a " + kind(node)
                    + ", not a list of [x, y]"));
        }
        if (node.size() > InputLimits.MAX_KEYPOINTS_PER_PAIR) {
            throw new IllegalArgumentException(key + " has " + node.size() + " points (at most "
                    + InputLimits.MAX_KEYPOINTS_PER_PAIR + ")");
        }
        double[] xs = new double[node.size()];
        double[] ys = new double[node.size()];
        for (int i = 0; i < node.size(); i++) {
            JsonNode point = node.get(i);
            if (!point.isArray() || point.size() < 2) {
                throw new IllegalArgumentException(key + "[" + i + "] is not [x, y]");
            }
            xs[i] = number(point.get(0), key + "[" + i + "][0]");
            ys[i] = number(point.get(1), key + "[" + i + "][1]");
        }
        return new double[][] {xs, ys};
    }
}
