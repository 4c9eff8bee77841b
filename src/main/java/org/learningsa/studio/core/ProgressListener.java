package org.learningsa.studio.core;

/**
 * The one way long work (loading, inference, evaluation, training, export) reports where it is.
 * The UI adapts it to a ProgressBar and a stage label, the CLI to a terminal progress line.
 * Implementations must be cheap and thread-safe: they are called from worker threads.
 */
@FunctionalInterface
public interface ProgressListener {

    /** A listener that ignores everything. */
    ProgressListener NONE = (stage, fraction) -> { };

    /**
     * @param stage    what runs now, in words a user understands ("backbone", "transformer level 4")
     * @param fraction overall progress in [0, 1], or a negative value when unknown
     */
    void progress(String stage, double fraction);
}
