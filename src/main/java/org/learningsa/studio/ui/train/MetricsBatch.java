package org.learningsa.studio.ui.train;

import java.util.List;
import org.learningsa.studio.train.StepMetrics;
import org.learningsa.studio.train.ValidationMetrics;

/**
 * What a run's {@code metrics.jsonl} gained since the last read: the step and validation entries in
 * file order, and how many complete lines held neither (malformed, or a kind this version does not
 * know). {@code reset} says the file was replaced or truncated (a resume drops the steps a killed run
 * logged after its last saved state), so what was shown before must be dropped first.
 */
record MetricsBatch(boolean reset, List<StepMetrics> steps, List<ValidationMetrics> validations, int otherLines) {

    static final MetricsBatch EMPTY = new MetricsBatch(false, List.of(), List.of(), 0);

    MetricsBatch {
        steps = List.copyOf(steps);
        validations = List.copyOf(validations);
    }

    boolean isEmpty() {
        return !reset && steps.isEmpty() && validations.isEmpty() && otherLines == 0;
    }
}
