package org.learningsa.studio.train;

import java.nio.file.Path;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.UserFacingException;

/**
 * Fine-tuning exactly as the reference's train.py (spec §4): the one code path behind {@code lsa train} and
 * the training panel. One instance per app or CLI run; a run blocks the calling thread (the UI calls it
 * from a background task) and reports through its {@link TrainingListener} on that thread.
 */
public final class TrainingService {

    public TrainingService() {
    }

    /**
     * Runs a new training in {@code settings.runDir()} (created if needed; an existing state.pt there is refused,
     * use {@link #resume}).
     *
     * @throws UserFacingException for bad input, naming the file and the problem
     */
    public TrainingOutcome train(TrainingSettings settings, TrainingListener listener, CancelToken cancel) {
        throw new UserFacingException("training is not implemented yet");
    }

    /**
     * Continues the run in {@code runDir} from its state.pt and last.pt; ends bit-for-bit where an uninterrupted
     * run would end.
     *
     * @param maxStepsOverride a new step limit, or null to keep the run's
     */
    public TrainingOutcome resume(Path runDir, Long maxStepsOverride, TrainingListener listener, CancelToken cancel) {
        throw new UserFacingException("training is not implemented yet");
    }
}
