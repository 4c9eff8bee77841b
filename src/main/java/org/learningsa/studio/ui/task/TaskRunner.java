package org.learningsa.studio.ui.task;

/**
 * Runs {@link BackgroundTask}s. The app uses {@link FxTaskRunner} (a worker thread, results on the
 * JavaFX thread); view-model tests use {@link ImmediateTaskRunner} (everything on the caller's thread).
 */
public interface TaskRunner {

    /** Starts the work and returns a handle that reports its progress and can cancel it. */
    <T> TaskHandle submit(BackgroundTask<T> task);
}
