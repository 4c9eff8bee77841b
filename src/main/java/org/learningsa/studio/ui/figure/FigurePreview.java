package org.learningsa.studio.ui.figure;

import java.awt.image.BufferedImage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.learningsa.studio.export.figure.Background;
import org.learningsa.studio.export.figure.Figure;
import org.learningsa.studio.export.figure.FigureRenderer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders the dialog's preview off the JavaFX thread, latest request wins: while the user drags a
 * spinner only the newest settings are drawn, and a stale result never replaces a newer one.
 */
final class FigurePreview implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FigurePreview.class);

    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "lsa-figure-preview");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicLong latest = new AtomicLong();

    /** Draws {@code figure} at {@code dpi} and hands the image to {@code show} on the JavaFX thread. */
    void request(Figure figure, int dpi, Background background, Consumer<Image> show) {
        long request = latest.incrementAndGet();
        worker.execute(() -> {
            if (request != latest.get()) {
                return;
            }
            try {
                BufferedImage pixels = FigureRenderer.raster(figure, dpi, background);
                Image image = SwingFXUtils.toFXImage(pixels, null);
                Platform.runLater(() -> {
                    if (request == latest.get()) {
                        show.accept(image);
                    }
                });
            } catch (RuntimeException e) {
                LOG.warn("figure preview failed", e);
            }
        });
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }
}
