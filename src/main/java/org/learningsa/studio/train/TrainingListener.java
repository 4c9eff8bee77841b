package org.learningsa.studio.train;

import java.nio.file.Path;

/**
 * What a training run reports while it goes. Every method is called on the training thread, so a UI
 * must hand the values over to its own thread; implementations must be quick.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener NONE = new TrainingListener() { };

    /**
     * @param totalSteps the number of steps the run will make when it is not cancelled (epochs × pairs, capped by maxSteps)
     * @param firstStep  the global number of the first step this call makes (1, or the one after a resumed state)
     */
    default void started(TrainingSettings settings, long totalSteps, long firstStep) {
    }

    /** After every optimiser step. */
    default void step(StepMetrics m) {
    }

    /** After the validation at the end of an epoch. */
    default void validation(ValidationMetrics v) {
    }

    /** After last.pt or epoch_NNN.pt was written (atomically). */
    default void checkpointSaved(Path file, int epoch) {
    }

    /** Something worth telling the user (a stage, a warning, a skipped pair), in words. */
    default void message(String text) {
    }
}
