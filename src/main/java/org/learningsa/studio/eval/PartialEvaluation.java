package org.learningsa.studio.eval;

import java.util.List;
import org.learningsa.studio.core.Shard;

/**
 * The evaluation of one shard of a run, with what a merge needs to rebuild the unsharded report: where each
 * result and each skipped pair stands among the run's pairs.
 *
 * @param report             the shard's own report (its pairs only, in run order)
 * @param pairsInRun         pairs the whole run sets out to evaluate (the dataset's, or the first --limit)
 * @param imagesInRun        distinct image files among those pairs
 * @param resultPositions    0-based position in the run of each of {@code report.results()}
 * @param skippedInDataset   how many of {@code report.skipped()} are the dataset's own (rows that could not be read;
 *                           every shard lists them), the first ones
 * @param skippedPositions   position in the run of each pair skipped during the evaluation (the rest of the skipped)
 */
public record PartialEvaluation(EvaluationReport report, Shard shard, int pairsInRun, int imagesInRun,
                                List<Integer> resultPositions, int skippedInDataset, List<Integer> skippedPositions) {

    public PartialEvaluation {
        resultPositions = List.copyOf(resultPositions);
        skippedPositions = List.copyOf(skippedPositions);
        if (resultPositions.size() != report.results().size()
                || skippedInDataset + skippedPositions.size() != report.skipped().size()) {
            throw new IllegalArgumentException("positions do not match the report's pairs");
        }
    }
}
