package org.learningsa.studio.eval;

import java.nio.file.Files;
import java.nio.file.Path;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.LearningSaAligner;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.engine.DeviceChoice;
import org.learningsa.studio.engine.EngineRuntime;
import org.learningsa.studio.engine.LearningSaNetwork;
import org.learningsa.studio.engine.LearningSaWeights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Chooses the model an evaluation runs: a checkpoint, the hashed test weights, or the weight-free default aligner. */
public final class EvaluationModels {

    private static final Logger LOG = LoggerFactory.getLogger(EvaluationModels.class);

    private EvaluationModels() {
    }

    /**
     * @param checkpoint    a LearningSA checkpoint, or null
     * @param hashedWeights the fixtures' deterministic weights (tests, benchmarks) instead of a checkpoint
     * @param device        where to run; falls back to the CPU without CUDA
     */
    public static PairMatcher open(Path checkpoint, boolean hashedWeights, DeviceChoice device) {
        if (checkpoint != null && hashedWeights) {
            throw new UserFacingException("choose either a checkpoint or the hashed weights, not both");
        }
        if (checkpoint != null && !Files.isRegularFile(checkpoint)) {
            throw new UserFacingException("checkpoint " + checkpoint + " does not exist");
        }
        EngineRuntime runtime = EngineRuntime.start(device);
        runtime.fallbackMessage().ifPresent(m -> LOG.warn("{}", m));
        if (checkpoint == null && !hashedWeights) {
            return AlignerPairMatcher.owning(new DefaultAligner(runtime.device()));
        }
        LearningSaWeights weights = hashedWeights
                ? LearningSaWeights.hashed(runtime.device())
                : LearningSaWeights.fromCheckpoint(checkpoint, runtime.device());
        String name = hashedWeights ? "LearningSA (hashed test weights, not trained)"
                : "LearningSA (" + checkpoint.getFileName() + ")";
        return AlignerPairMatcher.owning(new LearningSaAligner(new LearningSaNetwork(weights), name, !hashedWeights));
    }
}
