package org.learningsa.studio.eval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.learningsa.studio.data.SkippedPair;

/**
 * The outcome of a run: every evaluated pair, the skipped rows, and PCK aggregated the paper's way
 * (mean over pairs of the per-pair fraction) overall, per category, per domain, plus per keypoint
 * and per point (fractions over points) for diagnosis.
 *
 * @param settings        how PCK was computed
 * @param modelName       which model aligned the pairs
 * @param dataset         what was read, in words
 * @param pairsInDataset  usable pairs in the dataset (before --limit)
 * @param results         the evaluated pairs in dataset order
 * @param skipped         rows and pairs that were not evaluated, with the reason
 * @param complete        false when the run was cancelled part way
 * @param seconds         wall time of the run
 * @param images          how many images the run encoded, and how many distinct images its pairs use
 */
public record EvaluationReport(EvaluationSettings settings, String modelName, String dataset, int pairsInDataset,
                               List<PairResult> results, List<SkippedPair> skipped, boolean complete, double seconds,
                               ImageEncodings images) {

    /**
     * Work of the network's encoder (backbone + enhancement transformers, the expensive part) in a run.
     *
     * @param encoded  images run through the encoder; -1 when the model has no encoder (the weight-free default)
     * @param distinct distinct image files among the pairs the run set out to evaluate
     */
    public record ImageEncodings(int encoded, int distinct) {

        public static final ImageEncodings NOT_COUNTED = new ImageEncodings(-1, 0);

        public boolean counted() {
            return encoded >= 0;
        }
    }

    /** A report without encoder counts (a live view of a run in progress). */
    public EvaluationReport(EvaluationSettings settings, String modelName, String dataset, int pairsInDataset,
                            List<PairResult> results, List<SkippedPair> skipped, boolean complete, double seconds) {
        this(settings, modelName, dataset, pairsInDataset, results, skipped, complete, seconds, ImageEncodings.NOT_COUNTED);
    }

    /** PCK of a group: how many pairs (or points) it averages, and the value per α (settings order). */
    public record GroupPck(int count, double[] pck) {
    }

    public EvaluationReport {
        results = List.copyOf(results);
        skipped = List.copyOf(skipped);
        images = images == null ? ImageEncodings.NOT_COUNTED : images;
    }

    /** The paper's number per α: the mean over pairs of the per-pair fraction. */
    public double[] pck() {
        return meanOverPairs(results);
    }

    /** Mean over all evaluated points (each point weighs the same), per α. */
    public double[] pckPerPoint() {
        int alphas = settings.alphas().size();
        double[] correct = new double[alphas];
        int points = 0;
        for (PairResult r : results) {
            points += r.evaluatedPoints();
            for (int a = 0; a < alphas; a++) {
                correct[a] += r.pck()[a] * r.evaluatedPoints();
            }
        }
        for (int a = 0; a < alphas; a++) {
            correct[a] = points == 0 ? Double.NaN : correct[a] / points;
        }
        return correct;
    }

    /** Per category (sorted by name), mean over that category's pairs. */
    public Map<String, GroupPck> perCategory() {
        Map<String, List<PairResult>> groups = new TreeMap<>();
        for (PairResult r : results) {
            groups.computeIfAbsent(r.pair().category(), k -> new ArrayList<>()).add(r);
        }
        return summarise(groups);
    }

    /** Per CroDom domain; empty when the dataset has no domain column. */
    public Map<String, GroupPck> perDomain() {
        Map<String, List<PairResult>> groups = new TreeMap<>();
        for (PairResult r : results) {
            if (r.pair().domain() != null && !r.pair().domain().isBlank()) {
                groups.computeIfAbsent(r.pair().domain(), k -> new ArrayList<>()).add(r);
            }
        }
        return summarise(groups);
    }

    /**
     * Per SPair-71k difficulty level, "viewpoint_variation=1" etc. (the breakdown SPair papers report);
     * empty when the pairs have no difficulty flags.
     */
    public Map<String, GroupPck> perDifficulty() {
        Map<String, List<PairResult>> groups = new TreeMap<>();
        for (PairResult r : results) {
            r.pair().difficulty().forEach((flag, level) ->
                    groups.computeIfAbsent(flag + "=" + level, k -> new ArrayList<>()).add(r));
        }
        return summarise(groups);
    }

    /**
     * Per keypoint "category/id" (id = SPair kps_id, else the index in the annotation): the fraction
     * of that keypoint's evaluated instances within α·L.
     */
    public Map<String, GroupPck> perKeypoint() {
        int alphas = settings.alphas().size();
        Map<String, int[]> correct = new TreeMap<>(PerKeypointOrder.INSTANCE);
        Map<String, Integer> counts = new TreeMap<>(PerKeypointOrder.INSTANCE);
        for (PairResult r : results) {
            for (int i = 0; i < r.evaluatedPoints(); i++) {
                String key = r.pair().category() + "/" + r.pair().keypointId(i);
                int[] c = correct.computeIfAbsent(key, k -> new int[alphas]);
                counts.merge(key, 1, Integer::sum);
                for (int a = 0; a < alphas; a++) {
                    if (r.correct(i, settings.alphas().get(a))) {
                        c[a]++;
                    }
                }
            }
        }
        Map<String, GroupPck> out = new LinkedHashMap<>();
        for (Map.Entry<String, int[]> e : correct.entrySet()) {
            int n = counts.get(e.getKey());
            double[] pck = new double[alphas];
            for (int a = 0; a < alphas; a++) {
                pck[a] = (double) e.getValue()[a] / n;
            }
            out.put(e.getKey(), new GroupPck(n, pck));
        }
        return out;
    }

    private Map<String, GroupPck> summarise(Map<String, List<PairResult>> groups) {
        Map<String, GroupPck> out = new LinkedHashMap<>();
        groups.forEach((name, pairs) -> out.put(name, new GroupPck(pairs.size(), meanOverPairs(pairs))));
        return out;
    }

    private double[] meanOverPairs(List<PairResult> pairs) {
        int alphas = settings.alphas().size();
        double[] mean = new double[alphas];
        for (PairResult r : pairs) {
            for (int a = 0; a < alphas; a++) {
                mean[a] += r.pck()[a];
            }
        }
        for (int a = 0; a < alphas; a++) {
            mean[a] = pairs.isEmpty() ? Double.NaN : mean[a] / pairs.size();
        }
        return mean;
    }

    /** "car/2" before "car/10": category by name, then the id as a number. */
    private enum PerKeypointOrder implements java.util.Comparator<String> {
        INSTANCE;

        @Override
        public int compare(String a, String b) {
            int sa = a.lastIndexOf('/');
            int sb = b.lastIndexOf('/');
            int byCategory = a.substring(0, sa).compareTo(b.substring(0, sb));
            if (byCategory != 0) {
                return byCategory;
            }
            return Integer.compare(Integer.parseInt(a.substring(sa + 1)), Integer.parseInt(b.substring(sb + 1)));
        }
    }
}
