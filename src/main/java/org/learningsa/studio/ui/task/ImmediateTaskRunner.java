package org.learningsa.studio.ui.task;

import org.learningsa.studio.core.CancelledException;

/** Runs each task at once on the caller's thread: for view-model tests and for work that is already quick. */
public final class ImmediateTaskRunner implements TaskRunner {

    @Override
    public <T> TaskHandle submit(BackgroundTask<T> task) {
        TaskHandle handle = new TaskHandle(task.title());
        T result;
        try {
            result = task.work().run(handle::report, handle.cancelToken());
        } catch (CancelledException e) {
            handle.finish();
            task.cancelled();
            return handle;
        } catch (Exception | Error e) {
            handle.finish();
            task.failed(e);
            return handle;
        }
        handle.finish();
        task.succeeded(result);
        return handle;
    }
}
