package org.learningsa.studio.ui.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.image.RgbImage;

/** Conversions between the app's pixel buffers and JavaFX images, and PNG writing. */
public final class FxImages {

    private FxImages() {
    }

    /** A JavaFX image with the pixels of {@code image} (one copy, row by row). */
    public static Image toFxImage(RgbImage image) {
        WritableImage fx = new WritableImage(image.width(), image.height());
        fx.getPixelWriter().setPixels(0, 0, image.width(), image.height(), PixelFormat.getByteRgbInstance(),
                image.rgb(), 0, image.width() * 3);
        return fx;
    }

    /**
     * A {@code side}×{@code side} image of {@code values} (row-major), stretched from its own minimum
     * to its maximum (correlations often lie in a narrow band), coloured by {@code map}; weak values
     * are more transparent so the image stays visible.
     */
    public static Image heatmap(float[] values, int side, ColorMap map) {
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float v : values) {
            max = Math.max(max, v);
            min = Math.min(min, v);
        }
        WritableImage fx = new WritableImage(side, side);
        int[] argb = new int[side * side];
        for (int i = 0; i < argb.length; i++) {
            double t = max > min ? (values[i] - min) / (max - min) : 0;
            argb[i] = map.argb(t, 0.1 + 0.8 * t);
        }
        fx.getPixelWriter().setPixels(0, 0, side, side, PixelFormat.getIntArgbInstance(), argb, 0, side);
        return fx;
    }

    /** Converts on the calling thread (the JavaFX thread for a snapshot) so the writer can run elsewhere. */
    public static BufferedImage toBufferedImage(Image image) {
        return SwingFXUtils.fromFXImage(image, null);
    }

    /**
     * Writes {@code image} as PNG to {@code file} atomically: a temporary file in the same folder
     * is moved over the target only once complete, so a failed write never leaves half a file.
     */
    public static void writePngAtomically(BufferedImage image, Path file) {
        try {
            AtomicFiles.write(file, out -> {
                if (!ImageIO.write(image, "png", out)) {
                    throw new IOException("no PNG writer available");
                }
            });
        } catch (UserFacingException e) {
            throw new UserFacingException(e.getMessage() + ". Choose a folder you can write to.", e);
        }
    }
}
