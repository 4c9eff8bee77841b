package org.learningsa.studio.ui.task;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.learningsa.studio.core.CancelToken;

/**
 * A submitted task as the UI sees it: its title, the stage it reports, its progress (negative while
 * unknown), whether it still runs, when it started, and Cancel. Properties change on the thread the
 * runner delivers results on, so views can bind to them.
 */
public final class TaskHandle {

    private final String title;
    private final CancelToken cancelToken = new CancelToken();
    private final long startedNanos = System.nanoTime();
    private final ReadOnlyStringWrapper stage = new ReadOnlyStringWrapper("starting");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(true);

    TaskHandle(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    /** Asks the work to stop at its next check; a native stage that is running finishes first. */
    public void cancel() {
        cancelToken.cancel();
        if (running.get()) {
            stage.set("cancelling…");
        }
    }

    public boolean isCancelRequested() {
        return cancelToken.isCancelled();
    }

    CancelToken cancelToken() {
        return cancelToken;
    }

    /** Seconds since the task was submitted. */
    public double elapsedSeconds() {
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    public ReadOnlyStringProperty stageProperty() {
        return stage.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    void report(String stageText, double fraction) {
        if (!cancelToken.isCancelled()) {
            stage.set(stageText);
        }
        progress.set(fraction);
    }

    void finish() {
        running.set(false);
    }
}
