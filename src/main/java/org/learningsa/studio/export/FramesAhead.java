package org.learningsa.studio.export;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.learningsa.studio.core.CancelToken;

/**
 * Frames in order, each drawn on a worker thread while the caller encodes the one before, so drawing and a
 * single-threaded encoder (H.264, PNG) overlap on a machine with two or more cores. Two buffers alternate.
 */
final class FramesAhead implements AutoCloseable {

    private final FrameSource frames;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lsa-frames-ahead");
        thread.setDaemon(true);
        return thread;
    });
    private final int[][] buffers;
    private Future<?> pending;
    private int next;

    FramesAhead(FrameSource frames) {
        this.frames = frames;
        int pixels = frames.width() * frames.height();
        this.buffers = new int[][] {new int[pixels], new int[pixels]};
        schedule();
    }

    private void schedule() {
        if (next < frames.frameCount()) {
            int index = next;
            int[] buffer = buffers[index & 1];
            pending = worker.submit(() -> frames.render(index, buffer));
        } else {
            pending = null;
        }
    }

    /** The next frame's pixels; valid until the call after the next one. */
    int[] next(CancelToken cancel) {
        cancel.throwIfCancelled();
        if (pending == null) {
            throw new IllegalStateException("no frame left");
        }
        try {
            pending.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new org.learningsa.studio.core.CancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
        }
        int[] ready = buffers[next & 1];
        next++;
        schedule();
        return ready;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
