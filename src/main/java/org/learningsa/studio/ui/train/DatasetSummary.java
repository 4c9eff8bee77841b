package org.learningsa.studio.ui.train;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.learningsa.studio.data.Benchmark;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.DatasetLocator;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.data.SkippedPair;

/**
 * What the data section shows of a training folder: the layout found (as {@code lsa eval} and
 * {@code lsa train} detect it), the pairs per category, the rows that will be skipped and why, and a
 * few pairs to draw as thumbnails.
 *
 * @param categories pairs per category, by name
 * @param examples   the first pairs of distinct categories (at most {@link #EXAMPLES})
 */
record DatasetSummary(Benchmark benchmark, String description, Path annotations, int pairs,
                      Map<String, Integer> categories, List<SkippedPair> skipped, List<KeypointPair> examples) {

    static final int EXAMPLES = 4;
    /** The split a training run reads when no CSV is chosen ({@code train_pairs_pf_pascal.csv}, SPair's trn). */
    static final String TRAINING_SPLIT = "trn";

    /** Reads the folder (slow for SPair-71k: call it from a worker). */
    static DatasetSummary read(Benchmark benchmark, Path folder, Path csv) {
        return of(DatasetLocator.open(benchmark, folder, csv, TRAINING_SPLIT));
    }

    static DatasetSummary of(Dataset dataset) {
        Map<String, Integer> counts = new TreeMap<>();
        List<KeypointPair> examples = new java.util.ArrayList<>();
        java.util.Set<String> shownCategories = new java.util.HashSet<>();
        for (KeypointPair pair : dataset.pairs()) {
            counts.merge(pair.category(), 1, Integer::sum);
            if (examples.size() < EXAMPLES && shownCategories.add(pair.category())) {
                examples.add(pair);
            }
        }
        // fewer categories than thumbnails: fill up with further pairs
        for (KeypointPair pair : dataset.pairs()) {
            if (examples.size() >= EXAMPLES) {
                break;
            }
            if (!examples.contains(pair)) {
                examples.add(pair);
            }
        }
        return new DatasetSummary(dataset.benchmark(), dataset.description(), dataset.annotations(), dataset.pairs().size(),
                java.util.Collections.unmodifiableMap(counts), dataset.skipped(), List.copyOf(examples));
    }

    /** "2 pairs in 2 categories (cow 1, person 1); 1 skipped". */
    String inWords() {
        StringBuilder s = new StringBuilder();
        s.append(pairs).append(pairs == 1 ? " pair" : " pairs").append(" in ").append(categories.size())
                .append(categories.size() == 1 ? " category" : " categories");
        if (!skipped.isEmpty()) {
            s.append("; ").append(skipped.size()).append(" skipped");
        }
        return s.toString();
    }
}
