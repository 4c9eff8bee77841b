package org.learningsa.studio.export;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.learningsa.studio.core.AtomicFiles;
import org.learningsa.studio.core.UserFacingException;
import org.learningsa.studio.image.RgbImage;

/**
 * Files of the style transfer: the result as a plain PNG at the input's size, and a triptych in the
 * paper's order (exemplar | input | stylisation) with a caption under each panel, all panels scaled to
 * one height.
 */
public final class StyleImages {

    /** Height of each triptych panel in pixels (the images are scaled to it, aspect kept). */
    public static final int PANEL_HEIGHT = 320;
    private static final int GAP = 8;
    private static final int CAPTION_HEIGHT = 26;

    private StyleImages() {
    }

    /** Writes an image as PNG, atomically; the name must end in .png. */
    public static void writePng(RgbImage image, Path file) {
        write(toBufferedImage(image), file);
    }

    /** The triptych figure: panels left to right with their captions. */
    public static BufferedImage triptych(List<RgbImage> panels, List<String> captions) {
        if (panels.size() != captions.size() || panels.isEmpty()) {
            throw new IllegalArgumentException("one caption per panel");
        }
        int[] widths = new int[panels.size()];
        int total = GAP;
        for (int i = 0; i < panels.size(); i++) {
            RgbImage p = panels.get(i);
            widths[i] = Math.max(1, (int) Math.round((double) PANEL_HEIGHT * p.width() / p.height()));
            total += widths[i] + GAP;
        }
        BufferedImage figure = new BufferedImage(total, GAP + PANEL_HEIGHT + CAPTION_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = figure.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, figure.getWidth(), figure.getHeight());
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
            FontMetrics metrics = g.getFontMetrics();
            int x = GAP;
            for (int i = 0; i < panels.size(); i++) {
                g.drawImage(toBufferedImage(panels.get(i)), x, GAP, widths[i], PANEL_HEIGHT, null);
                String caption = captions.get(i);
                g.setColor(Color.DARK_GRAY);
                g.drawString(caption, x + Math.max(0, (widths[i] - metrics.stringWidth(caption)) / 2),
                        GAP + PANEL_HEIGHT + CAPTION_HEIGHT - 8);
                x += widths[i] + GAP;
            }
        } finally {
            g.dispose();
        }
        return figure;
    }

    /** Writes the triptych exemplar | input | stylisation as PNG, atomically. */
    public static void writeTriptychPng(RgbImage exemplar, RgbImage input, RgbImage result, String resultCaption,
                                        Path file) {
        write(triptych(List.of(exemplar, input, result), List.of("Exemplar", "Input", resultCaption)), file);
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
