package org.learningsa.studio.ui.morph;

import java.nio.IntBuffer;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import org.learningsa.studio.apps.Morph;

/**
 * The live morph image: frames are rendered on one background thread into our own {@code int[]}, then handed to
 * a {@link PixelBuffer}-backed image on the JavaFX thread ({@code updateBuffer} must run there). Requests are
 * coalesced: while a frame renders only the latest requested time is kept, so dragging the slider never queues
 * up stale frames and the JavaFX thread only ever copies one finished frame.
 */
final class MorphPreview implements AutoCloseable {

    private final Morph morph;
    private final int[] rendering;
    private final int[] finished;
    private final IntBuffer shown;
    private final PixelBuffer<IntBuffer> buffer;
    private final WritableImage image;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lsa-morph-preview");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<Double> pending = new AtomicReference<>();
    private final AtomicBoolean renderScheduled = new AtomicBoolean();
    private final AtomicBoolean copyScheduled = new AtomicBoolean();
    private final AtomicLong framesShown = new AtomicLong();
    private volatile double shownTime = Double.NaN;
    private double finishedTime = Double.NaN;

    MorphPreview(Morph morph) {
        this.morph = morph;
        int w = morph.canvas().width();
        int h = morph.canvas().height();
        this.rendering = new int[w * h];
        this.finished = new int[w * h];
        this.shown = java.nio.ByteBuffer.allocateDirect(4 * w * h).order(java.nio.ByteOrder.nativeOrder()).asIntBuffer();
        this.buffer = new PixelBuffer<>(w, h, shown, PixelFormat.getIntArgbPreInstance());
        this.image = new WritableImage(buffer);
    }

    WritableImage image() {
        return image;
    }

    /** Asks for frame t; returns at once. */
    void request(double t) {
        pending.set(t);
        if (renderScheduled.compareAndSet(false, true)) {
            worker.execute(this::renderPending);
        }
    }

    private void renderPending() {
        try {
            Double t;
            while ((t = pending.getAndSet(null)) != null) {
                morph.render(t, rendering);
                synchronized (finished) {
                    System.arraycopy(rendering, 0, finished, 0, finished.length);
                    finishedTime = t;
                }
                if (copyScheduled.compareAndSet(false, true)) {
                    Platform.runLater(this::show);
                }
            }
        } finally {
            renderScheduled.set(false);
            // a request that arrived between the last poll and the flag reset must not be lost
            if (pending.get() != null && renderScheduled.compareAndSet(false, true)) {
                worker.execute(this::renderPending);
            }
        }
    }

    /** On the JavaFX thread: the latest finished frame into the image. */
    private void show() {
        copyScheduled.set(false);
        buffer.updateBuffer(b -> {
            synchronized (finished) {
                shown.clear();
                shown.put(finished);
                shown.flip();
                shownTime = finishedTime;
            }
            return new Rectangle2D(0, 0, morph.canvas().width(), morph.canvas().height());
        });
        framesShown.incrementAndGet();
    }

    /** The time of the frame on screen (NaN before the first). */
    double shownTime() {
        return shownTime;
    }

    long framesShown() {
        return framesShown.get();
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
