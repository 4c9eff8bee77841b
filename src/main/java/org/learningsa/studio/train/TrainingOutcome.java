package org.learningsa.studio.train;

import java.nio.file.Path;

/**
 * How a call to {@link TrainingService#train} or {@link TrainingService#resume} ended.
 *
 * @param stepsDone      the global step count at the end (all steps of the run, resumed ones included)
 * @param cancelled      stopped by the cancel token; last.pt and state.pt hold the state to resume from
 * @param lastCheckpoint the last.pt written, or null when nothing was written
 */
public record TrainingOutcome(Path runDir, long stepsDone, boolean cancelled, Path lastCheckpoint) {
}
