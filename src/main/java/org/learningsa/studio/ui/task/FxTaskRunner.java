package org.learningsa.studio.ui.task;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.concurrent.Task;
import org.learningsa.studio.core.CancelledException;
import org.learningsa.studio.core.ProgressListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs tasks on daemon worker threads and delivers progress and results on the
 * JavaFX thread. Progress reports are coalesced: however often the work reports, the JavaFX thread
 * sees at most one pending update per task.
 */
public final class FxTaskRunner implements TaskRunner, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskRunner.class);
    private final ExecutorService workers;

    public FxTaskRunner() {
        AtomicInteger count = new AtomicInteger();
        // a thread per task: decoding an image or exporting must not wait behind a long inference
        // (the view model allows one alignment at a time, so the heavy work does not pile up)
        this.workers = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "lsa-worker-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle(task.title());
        AtomicReference<Object[]> pendingReport = new AtomicReference<>();
        ProgressListener listener = (stage, fraction) -> {
            if (pendingReport.getAndSet(new Object[] {stage, fraction}) == null) {
                Platform.runLater(() -> {
                    Object[] report = pendingReport.getAndSet(null);
                    if (report != null && handle.isRunning()) {
                        handle.report((String) report[0], (Double) report[1]);
                    }
                });
            }
        };
        Task<T> fxTask = new Task<>() {
            @Override
            protected T call() throws Exception {
                return task.work().run(listener, handle.cancelToken());
            }
        };
        fxTask.setOnSucceeded(e -> {
            handle.finish();
            if (handle.isCancelRequested()) {
                task.cancelled();
            } else {
                task.succeeded(fxTask.getValue());
            }
        });
        fxTask.setOnFailed(e -> {
            handle.finish();
            Throwable error = fxTask.getException();
            if (error instanceof CancelledException || handle.isCancelRequested() && isCancellation(error)) {
                task.cancelled();
            } else {
                if (error instanceof org.learningsa.studio.core.UserFacingException) {
                    LOG.info("{} failed: {}", task.title(), error.getMessage());
                } else {
                    LOG.warn("{} failed", task.title(), error);
                }
                task.failed(error);
            }
        });
        try {
            workers.submit(fxTask);
        } catch (RejectedExecutionException closed) {
            // the window closed while a result was on its way, and that result asked for more work (a refined
            // map after a run): there is no one left to show it to, so the task ends before it starts
            LOG.debug("{} not started: the task runner is closed", task.title());
            handle.cancel();
            handle.finish();
        }
        return handle;
    }

    private static boolean isCancellation(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CancelledException || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
