package org.learningsa.studio.export;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.export.figure.Background;
import org.learningsa.studio.export.figure.FigureRenderer;
import org.learningsa.studio.export.figure.FigureSize;
import org.learningsa.studio.export.figure.FigureStyle;
import org.learningsa.studio.export.figure.TriptychFigure;
import org.learningsa.studio.image.RgbImage;

/**
 * Files of the style transfer: the result as a plain PNG at the input's size, and a triptych in the
 * paper's order (exemplar | input | stylisation) drawn by the figure renderer.
 */
public final class StyleImages {

    private StyleImages() {
    }

    /** Writes an image as PNG, atomically; the name must end in .png. */
    public static void writePng(RgbImage image, Path file) {
        write(toBufferedImage(image), file);
    }

    /**
     * Writes the triptych exemplar | input | stylisation through the figure renderer (PNG at 300 dpi, SVG
     * or PDF by the extension; two columns wide), atomically.
     */
    public static void writeTriptych(RgbImage exemplar, RgbImage input, RgbImage result, String caption, Path file) {
        TriptychFigure figure = new TriptychFigure(toBufferedImage(exemplar), toBufferedImage(input),
                toBufferedImage(result), caption, FigureSize.twoColumn(), FigureStyle.defaults());
        FigureRenderer.write(figure, file, FigureSize.DEFAULT_DPI, Background.WHITE);
    }

    /** An AWT copy of the pixels. */
    public static BufferedImage toBufferedImage(RgbImage image) {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] packed = ((DataBufferInt) buffered.getRaster().getDataBuffer()).getData();
        byte[] rgb = image.rgb();
        for (int i = 0; i < packed.length; i++) {
            packed[i] = ((rgb[3 * i] & 0xFF) << 16) | ((rgb[3 * i + 1] & 0xFF) << 8) | (rgb[3 * i + 2] & 0xFF);
        }
        return buffered;
    }

    /** Rejects, as bad input, a file name that does not end in .png (checked before any long work). */
    public static void requirePng(Path file) {
        if (!String.valueOf(file.getFileName()).toLowerCase(Locale.ROOT).endsWith(".png")) {
            throw new UserFacingException("cannot write " + file + ": only PNG is supported (use a .png name)");
        }
    }

    private static void write(BufferedImage image, Path file) {
        requirePng(file);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new java.io.IOException("no PNG writer available");
            }
        });
    }
}
