package org.learningsa.studio.train;

import java.util.List;
import java.util.function.Consumer;
import org.learningsa.studio.align.LearningSaAligner;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.data.Dataset;
import org.learningsa.studio.data.DatasetLocator;
import org.learningsa.studio.data.KeypointPair;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.eval.AlignerPairMatcher;
import org.learningsa.studio.eval.EvaluationReport;
import org.learningsa.studio.eval.EvaluationRunner;
import org.learningsa.studio.eval.EvaluationSettings;
import org.learningsa.studio.eval.ThresholdKind;

/**
 * train.py's end-of-epoch validation through the app's evaluation code: PCK@0.1 on the validation CSV and PCK@0.05
 * on the test CSV, bounding-box threshold (original pixels), the paper's keypoint transfer, mean over pairs.
 */
final class Validation {

    static final Validation NONE = new Validation(null, null);
    static final double VAL_ALPHA = 0.10;
    static final double TEST_ALPHA = 0.05;

    private final Dataset val;
    private final Dataset test;

    private Validation(Dataset val, Dataset test) {
        this.val = val;
        this.test = test;
    }

    /** Opens the sets once; a set that cannot be opened is left out with a message (training goes on). */
    static Validation open(TrainingSettings s, Consumer<String> messages) {
        Dataset val = openOrNull(s, s.valCsv(), "val", messages);
        Dataset test = openOrNull(s, s.testCsv(), "test", messages);
        return new Validation(val, test);
    }

    private static Dataset openOrNull(TrainingSettings s, java.nio.file.Path csv, String split, Consumer<String> messages) {
        try {
            return DatasetLocator.open(s.benchmark(), s.dataDir(), csv, split);
        } catch (UserFacingException e) {
            messages.accept("no " + split + " validation: " + e.getMessage());
            return null;
        }
    }

    /** The epoch's PCKs, or null when there is nothing to validate on. Uses the network's current weights. */
    ValidationMetrics run(LearningSaNetwork network, int epoch, CancelToken cancel) {
        if (val == null && test == null) {
            return null;
        }
        network.refreshPositionTerms();
        Double pckVal = pck(network, val, VAL_ALPHA, cancel);
        Double pckTest = pck(network, test, TEST_ALPHA, cancel);
        return new ValidationMetrics(epoch, pckVal, pckTest);
    }

    private static Double pck(LearningSaNetwork network, Dataset dataset, double alpha, CancelToken cancel) {
        if (dataset == null) {
            return null;
        }
        // a shared (non-owning) aligner: the network stays with the trainer; its cached features are dropped after
        LearningSaAligner aligner = new LearningSaAligner(network, "LearningSA (training)", true);
        EvaluationSettings settings = new EvaluationSettings(dataset.benchmark(), ThresholdKind.BOUNDING_BOX,
                Mapping.PAPER, List.of(alpha));
        try {
            EvaluationReport report = new EvaluationRunner(AlignerPairMatcher.shared(aligner), settings)
                    .run(dataset, 0, ProgressListener.NONE, cancel, r -> { }, false);
            return report.results().isEmpty() ? null : report.pck()[0];
        } finally {
            for (KeypointPair pair : dataset.pairs()) {
                aligner.forget(pair.sourceImage());
                aligner.forget(pair.targetImage());
            }
        }
    }
}
