package org.learningsa.studio.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.Shard;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.data.SkippedPair;

/**
 * Partial reports of {@code lsa eval --shard I/N} and their merge ({@code lsa eval --merge}). A partial report is
 * the usual report of the shard's pairs plus what a merge needs: the shard, each pair's position in the run, its
 * keypoint ids and distances (per-keypoint PCK is counted from them). The merge checks that the parts belong to
 * one run (same benchmark, model, threshold, mapping, α, dataset, pairs; every shard once, each complete) and
 * rebuilds the {@link EvaluationReport} the unsharded run gives: the same pairs in the same order, so the same
 * PCK per α, per category, per keypoint and per pair. Only the wall time and the encoder count differ.
 */
public final class PartialReports {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PartialReports() {
    }

    public static ObjectNode toJson(PartialEvaluation part) {
        ObjectNode root = ReportWriter.toJson(part.report());
        ObjectNode shard = JSON.createObjectNode();
        shard.put("index", part.shard().index());
        shard.put("count", part.shard().count());
        shard.put("pairs_in_run", part.pairsInRun());
        shard.put("images_in_run", part.imagesInRun());
        shard.put("skipped_in_dataset", part.skippedInDataset());
        root.set("shard", shard);
        ArrayNode pairs = (ArrayNode) root.get("pairs");
        List<PairResult> results = part.report().results();
        for (int i = 0; i < results.size(); i++) {
            ObjectNode pair = (ObjectNode) pairs.get(i);
            PairResult r = results.get(i);
            pair.put("position", part.resultPositions().get(i));
            ArrayNode ids = pair.putArray("keypoint_ids");
            for (int k = 0; k < r.sourceX().length; k++) {
                ids.add(r.pair().keypointId(k));
            }
            ArrayNode distances = pair.putArray("distances");
            for (double d : r.distances()) {
                distances.add(d);
            }
        }
        ArrayNode skipped = (ArrayNode) root.get("skipped");
        for (int i = 0; i < part.skippedPositions().size(); i++) {
            ((ObjectNode) skipped.get(part.skippedInDataset() + i)).put("position", part.skippedPositions().get(i));
        }
        return root;
    }

    public static void write(PartialEvaluation part, Path file) {
        try {
            ReportWriter.writeAtomically(file, JSON.writeValueAsString(toJson(part)) + "\n");
        } catch (IOException e) {
            throw new UserFacingException("cannot write the report " + file + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
    }

    /** @throws UserFacingException naming the file when it is not a partial report of {@code lsa eval --shard} */
    public static PartialEvaluation read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UserFacingException("cannot read the partial report " + file + ": " + e.getMessage(), e);
        }
        if (root == null || !root.has("shard")) {
            throw new UserFacingException(file + " is not a partial report (written by lsa eval --shard I/N)");
        }
        try {
            return parse(root);
        } catch (RuntimeException e) {
            throw new UserFacingException(file + " is not a readable partial report: " + e.getMessage(), e);
        }
    }

    private static PartialEvaluation parse(JsonNode root) {
        EvaluationSettings settings = new EvaluationSettings(Benchmark.parse(root.get("benchmark").asText()),
                ThresholdKind.parse(root.get("threshold").asText()),
                Mapping.valueOf(root.get("mapping").asText().toUpperCase(Locale.ROOT)), alphas(root.get("alphas")));
        JsonNode shard = root.get("shard");
        List<PairResult> results = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (JsonNode pair : root.get("pairs")) {
            results.add(pairResult(pair, settings));
            positions.add(pair.get("position").asInt());
        }
        int skippedInDataset = shard.get("skipped_in_dataset").asInt();
        List<SkippedPair> skipped = new ArrayList<>();
        List<Integer> skippedPositions = new ArrayList<>();
        JsonNode skippedArray = root.get("skipped");
        for (int i = 0; i < skippedArray.size(); i++) {
            JsonNode s = skippedArray.get(i);
            skipped.add(new SkippedPair(s.get("where").asText(), s.get("reason").asText()));
            if (i >= skippedInDataset) {
                skippedPositions.add(s.get("position").asInt());
            }
        }
        EvaluationReport.ImageEncodings images = root.has("images_encoded")
                ? new EvaluationReport.ImageEncodings(root.get("images_encoded").asInt(), root.get("images_distinct").asInt())
                : EvaluationReport.ImageEncodings.NOT_COUNTED;
        EvaluationReport report = new EvaluationReport(settings, root.get("model").asText(), root.get("dataset").asText(),
                root.get("pairs_in_dataset").asInt(), results, skipped, root.get("complete").asBoolean(),
                root.get("seconds").asDouble(), images);
        return new PartialEvaluation(report, new Shard(shard.get("index").asInt(), shard.get("count").asInt()),
                shard.get("pairs_in_run").asInt(), shard.get("images_in_run").asInt(), positions, skippedInDataset,
                skippedPositions);
    }

    private static List<Double> alphas(JsonNode node) {
        List<Double> alphas = new ArrayList<>();
        node.forEach(a -> alphas.add(Double.parseDouble(a.asText())));
        return alphas;
    }

    /** A pair's result as the report holds it; the pair keeps only what a report reads (names, category, ids). */
    private static PairResult pairResult(JsonNode p, EvaluationSettings settings) {
        double[][] source = points(p.get("source_keypoints"));
        double[][] target = points(p.get("target_keypoints"));
        double[][] predicted = points(p.get("predicted_source_keypoints"));
        int[] ids = new int[p.get("keypoint_ids").size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = p.get("keypoint_ids").get(i).asInt();
        }
        Map<String, Integer> difficulty = new TreeMap<>();
        if (p.has("difficulty")) {
            p.get("difficulty").fields().forEachRemaining(e -> difficulty.put(e.getKey(), e.getValue().asInt()));
        }
        String sourceName = p.get("source").asText();
        String targetName = p.get("target").asText();
        KeypointPair pair = new KeypointPair(p.get("where").asText(), sourceName, targetName, Path.of(sourceName),
                Path.of(targetName), p.get("category").asText(), p.has("domain") ? p.get("domain").asText() : null,
                source[0], source[1], target[0], target[1], ids, Double.NaN, difficulty);
        double[] distances = new double[p.get("distances").size()];
        for (int i = 0; i < distances.length; i++) {
            distances[i] = p.get("distances").get(i).asDouble();
        }
        double[] pck = new double[settings.alphas().size()];
        for (int a = 0; a < pck.length; a++) {
            JsonNode value = p.get("pck").get(EvaluationSettings.alphaKey(settings.alphas().get(a)));
            pck[a] = value == null || value.isNull() ? Double.NaN : value.asDouble();
        }
        JsonNode sourceSize = p.get("source_size");
        JsonNode targetSize = p.get("target_size");
        return new PairResult(pair, sourceSize.get(0).asInt(), sourceSize.get(1).asInt(), targetSize.get(0).asInt(),
                targetSize.get(1).asInt(), p.get("L_pck").asDouble(), source[0], source[1], target[0], target[1],
                predicted[0], predicted[1], p.get("evaluated_points").asInt(), distances, pck);
    }

    private static double[][] points(JsonNode array) {
        double[][] xy = new double[2][array.size()];
        for (int i = 0; i < array.size(); i++) {
            JsonNode point = array.get(i);
            xy[0][i] = point.isNull() ? Double.NaN : point.get(0).asDouble();
            xy[1][i] = point.isNull() ? Double.NaN : point.get(1).asDouble();
        }
        return xy;
    }

    /**
     * The report of the run the parts are shards of.
     *
     * @param files where each part was read from, for messages (same order as {@code parts})
     * @throws UserFacingException when the parts are not every shard of one run, once each, complete
     */
    public static EvaluationReport merge(List<PartialEvaluation> parts, List<Path> files) {
        if (parts.isEmpty()) {
            throw new UserFacingException("--merge needs the partial reports of every shard");
        }
        PartialEvaluation first = parts.get(0);
        Map<Integer, Path> byIndex = new TreeMap<>();
        for (int i = 0; i < parts.size(); i++) {
            PartialEvaluation part = parts.get(i);
            String differing = differingField(first, part);
            if (differing != null) {
                throw new UserFacingException("cannot merge " + files.get(i) + " with " + files.get(0)
                        + ": they are not shards of one run (" + differing + ")");
            }
            Path earlier = byIndex.put(part.shard().index(), files.get(i));
            if (earlier != null) {
                throw new UserFacingException(earlier + " and " + files.get(i) + " are both shard " + part.shard()
                        + "; give each shard once");
            }
            if (!part.report().complete()) {
                throw new UserFacingException(files.get(i) + " is shard " + part.shard() + " interrupted after "
                        + part.report().results().size() + " pairs (\"complete\": false); run that shard again");
            }
        }
        for (int index = 0; index < first.shard().count(); index++) {
            if (!byIndex.containsKey(index)) {
                throw new UserFacingException("shard " + index + "/" + first.shard().count() + " is missing: give the "
                        + "partial reports of all " + first.shard().count() + " shards");
            }
        }
        record Placed<T>(int position, T item) {
        }
        List<Placed<PairResult>> results = new ArrayList<>();
        List<Placed<SkippedPair>> skipped = new ArrayList<>();
        double seconds = 0;
        int encoded = 0;
        boolean counted = true;
        for (PartialEvaluation part : parts) {
            EvaluationReport report = part.report();
            for (int i = 0; i < report.results().size(); i++) {
                results.add(new Placed<>(part.resultPositions().get(i), report.results().get(i)));
            }
            for (int i = 0; i < part.skippedPositions().size(); i++) {
                skipped.add(new Placed<>(part.skippedPositions().get(i),
                        report.skipped().get(part.skippedInDataset() + i)));
            }
            seconds += report.seconds();
            counted &= report.images().counted();
            encoded += Math.max(0, report.images().encoded());
        }
        results.sort(Comparator.comparingInt(Placed::position));
        skipped.sort(Comparator.comparingInt(Placed::position));
        List<SkippedPair> allSkipped = new ArrayList<>(first.report().skipped().subList(0, first.skippedInDataset()));
        skipped.forEach(s -> allSkipped.add(s.item()));
        EvaluationReport report = first.report();
        // seconds: the shards' time added up (what one process would have taken), not the wall time of the run
        return new EvaluationReport(report.settings(), report.modelName(), report.dataset(), report.pairsInDataset(),
                results.stream().map(Placed::item).toList(), allSkipped, true, seconds,
                counted ? new EvaluationReport.ImageEncodings(encoded, first.imagesInRun())
                        : EvaluationReport.ImageEncodings.NOT_COUNTED);
    }

    /** The first field in which {@code other} is not a shard of {@code first}'s run, in words; null when none. */
    private static String differingField(PartialEvaluation first, PartialEvaluation other) {
        EvaluationReport a = first.report();
        EvaluationReport b = other.report();
        Map<String, Object[]> fields = new LinkedHashMap<>();
        fields.put("benchmark", new Object[] {a.settings().benchmark().cliName(), b.settings().benchmark().cliName()});
        fields.put("model", new Object[] {a.modelName(), b.modelName()});
        fields.put("threshold", new Object[] {a.settings().threshold().cliName(), b.settings().threshold().cliName()});
        fields.put("mapping", new Object[] {a.settings().mapping(), b.settings().mapping()});
        fields.put("alphas", new Object[] {a.settings().alphas(), b.settings().alphas()});
        fields.put("dataset", new Object[] {a.dataset(), b.dataset()});
        fields.put("pairs_in_dataset", new Object[] {a.pairsInDataset(), b.pairsInDataset()});
        fields.put("pairs in the run (--limit)", new Object[] {first.pairsInRun(), other.pairsInRun()});
        fields.put("shard count", new Object[] {first.shard().count(), other.shard().count()});
        fields.put("skipped dataset rows", new Object[] {a.skipped().subList(0, first.skippedInDataset()),
            b.skipped().subList(0, other.skippedInDataset())});
        for (Map.Entry<String, Object[]> field : fields.entrySet()) {
            Object[] values = field.getValue();
            if (!Objects.equals(values[0], values[1])) {
                return field.getKey() + " differs: '" + values[0] + "' vs '" + values[1] + "'";
            }
        }
        return null;
    }
}
