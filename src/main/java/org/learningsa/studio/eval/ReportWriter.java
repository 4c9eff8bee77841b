package org.learningsa.studio.eval;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.SkippedPair;

/**
 * Writes an {@link EvaluationReport} as JSON (the schema of issue 7) and as a per-pair CSV, each
 * atomically (a temporary file in the same folder, then a move).
 */
public final class ReportWriter {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ReportWriter() {
    }

    public static ObjectNode toJson(EvaluationReport report) {
        EvaluationSettings settings = report.settings();
        List<Double> alphas = settings.alphas();
        ObjectNode root = JSON.createObjectNode();
        root.put("benchmark", settings.benchmark().cliName());
        root.put("threshold", settings.threshold().cliName());
        root.put("mapping", settings.mapping().name().toLowerCase(java.util.Locale.ROOT));
        root.put("model", report.modelName());
        // α as the pck objects' keys write it ("0.05", "0.10"), so a reader can look them up as listed
        ArrayNode alphaArray = root.putArray("alphas");
        alphas.forEach(alpha -> alphaArray.add(EvaluationSettings.alphaKey(alpha)));
        root.set("pck", byAlpha(alphas, report.pck()));
        root.set("pck_per_point", byAlpha(alphas, report.pckPerPoint()));
        root.set("per_category", groups(alphas, report.perCategory()));
        root.set("per_category_pairs", counts(report.perCategory()));
        Map<String, EvaluationReport.GroupPck> domains = report.perDomain();
        if (!domains.isEmpty()) {
            root.set("per_domain", groups(alphas, domains));
            root.set("per_domain_pairs", counts(domains));
        }
        Map<String, EvaluationReport.GroupPck> difficulty = report.perDifficulty();
        if (!difficulty.isEmpty()) {
            root.set("per_difficulty", groups(alphas, difficulty));
            root.set("per_difficulty_pairs", counts(difficulty));
        }
        root.set("per_keypoint", groups(alphas, report.perKeypoint()));
        root.put("convention", settings.conventionInWords());
        root.put("threshold_length", settings.thresholdInWords());
        root.put("dataset", report.dataset());
        root.put("pairs_in_dataset", report.pairsInDataset());
        root.put("pairs_evaluated", report.results().size());
        root.put("pairs_skipped", report.skipped().size());
        root.put("complete", report.complete());
        root.put("seconds", Math.round(report.seconds() * 10) / 10.0);
        if (report.images().counted()) {
            root.put("images_encoded", report.images().encoded());
            root.put("images_distinct", report.images().distinct());
        }
        ArrayNode skipped = root.putArray("skipped");
        for (SkippedPair s : report.skipped()) {
            skipped.addObject().put("where", s.where()).put("reason", s.reason());
        }
        ArrayNode pairs = root.putArray("pairs");
        for (PairResult r : report.results()) {
            ObjectNode p = pairs.addObject();
            p.put("source", r.pair().sourceName());
            p.put("target", r.pair().targetName());
            p.put("category", r.pair().category());
            if (r.pair().domain() != null) {
                p.put("domain", r.pair().domain());
            }
            if (!r.pair().difficulty().isEmpty()) {
                ObjectNode flags = p.putObject("difficulty");
                r.pair().difficulty().forEach(flags::put);
            }
            p.put("where", r.pair().where());
            p.put("L_pck", r.thresholdLength());
            p.putArray("source_size").add(r.sourceWidth()).add(r.sourceHeight());
            p.putArray("target_size").add(r.targetWidth()).add(r.targetHeight());
            p.set("source_keypoints", points(r.sourceX(), r.sourceY()));
            p.set("target_keypoints", points(r.targetX(), r.targetY()));
            p.set("predicted_source_keypoints", points(r.predictedX(), r.predictedY()));
            p.put("evaluated_points", r.evaluatedPoints());
            p.set("pck", byAlpha(alphas, r.pck()));
        }
        return root;
    }

    public static void writeJson(EvaluationReport report, Path file) {
        try {
            writeAtomically(file, JSON.writeValueAsString(toJson(report)) + "\n");
        } catch (IOException e) {
            throw new UserFacingException("cannot write the report " + file + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
    }

    /** One line per evaluated pair: where, images, category, domain, L, points, PCK per α. */
    public static void writeCsv(EvaluationReport report, Path file) {
        StringBuilder csv = new StringBuilder("where,source,target,category,domain,L_pck,evaluated_points");
        for (double alpha : report.settings().alphas()) {
            csv.append(",pck@").append(EvaluationSettings.alphaKey(alpha));
        }
        csv.append('\n');
        for (PairResult r : report.results()) {
            csv.append(cell(r.pair().where())).append(',').append(cell(r.pair().sourceName())).append(',')
                    .append(cell(r.pair().targetName())).append(',').append(cell(r.pair().category())).append(',')
                    .append(cell(r.pair().domain() == null ? "" : r.pair().domain())).append(',')
                    .append(r.thresholdLength()).append(',').append(r.evaluatedPoints());
            for (double value : r.pck()) {
                csv.append(',').append(value);
            }
            csv.append('\n');
        }
        try {
            writeAtomically(file, csv.toString());
        } catch (IOException e) {
            throw new UserFacingException("cannot write the CSV " + file + ": " + org.learningsa.studio.core.IoReasons.describe(e), e);
        }
    }

    static void writeAtomically(Path file, String text) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.writeString(file, text);
    }

    private static ObjectNode byAlpha(List<Double> alphas, double[] values) {
        ObjectNode node = JSON.createObjectNode();
        for (int a = 0; a < alphas.size(); a++) {
            String key = EvaluationSettings.alphaKey(alphas.get(a));
            if (Double.isNaN(values[a])) {
                node.putNull(key);
            } else {
                node.put(key, values[a]);
            }
        }
        return node;
    }

    private static ObjectNode groups(List<Double> alphas, Map<String, EvaluationReport.GroupPck> groups) {
        ObjectNode node = JSON.createObjectNode();
        groups.forEach((name, group) -> node.set(name, byAlpha(alphas, group.pck())));
        return node;
    }

    private static ObjectNode counts(Map<String, EvaluationReport.GroupPck> groups) {
        ObjectNode node = JSON.createObjectNode();
        groups.forEach((name, group) -> node.put(name, group.count()));
        return node;
    }

    private static ArrayNode points(double[] xs, double[] ys) {
        ArrayNode array = JSON.createArrayNode();
        for (int i = 0; i < xs.length; i++) {
            if (Double.isNaN(xs[i]) || Double.isNaN(ys[i])) {
                array.addNull();
            } else {
                array.addArray().add(xs[i]).add(ys[i]);
            }
        }
        return array;
    }

    private static String cell(String text) {
        return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
