package org.learningsa.studio.data;

import java.nio.file.Path;
import java.util.List;

/**
 * The pairs of one benchmark split as read from disk, plus the rows that had to be skipped.
 *
 * @param benchmark   which benchmark
 * @param description what was read, in words ("bbox_test_pairs_pf_pascal.csv (LearningSA 8-column CSV), images under …")
 * @param annotations the file or folder the pairs come from
 * @param pairs       the usable pairs, in file order
 * @param skipped     rows that cannot be evaluated, with the reason
 */
public record Dataset(Benchmark benchmark, String description, Path annotations, List<KeypointPair> pairs,
                      List<SkippedPair> skipped) {

    public Dataset {
        pairs = List.copyOf(pairs);
        skipped = List.copyOf(skipped);
    }
}
