package org.learningsa.studio.export.figure;

import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.learningsa.studio.image.RgbImage;

/** Drawing an image into a panel: full resolution in vector output, resampled without aliasing in rasters. */
public final class FigurePanels {

    /** Set by the raster path; vector paths embed every image at its own resolution. */
    static final RenderingHints.Key KEY_RASTER_OUTPUT = new RenderingHints.Key(0x4C5341) {
        @Override
        public boolean isCompatibleValue(Object value) {
            return value instanceof Boolean;
        }
    };

    private FigurePanels() {
    }

    /**
     * Draws {@code image} stretched over {@code panel} (points). In SVG and PDF the whole raster is
     * embedded; on a raster device a much larger image is first halved step by step to about the device
     * size, since a single bilinear step from, say, 4000 to 600 pixels would alias.
     */
    public static void drawImage(Graphics2D g, BufferedImage image, Rectangle2D panel) {
        BufferedImage drawn = image;
        if (Boolean.TRUE.equals(g.getRenderingHint(KEY_RASTER_OUTPUT))) {
            double deviceScale = Math.hypot(g.getTransform().getScaleX(), g.getTransform().getShearY());
            int deviceWidth = (int) Math.ceil(panel.getWidth() * deviceScale);
            drawn = shrinkTowards(image, deviceWidth);
        }
        AffineTransform place = new AffineTransform();
        place.translate(panel.getX(), panel.getY());
        place.scale(panel.getWidth() / drawn.getWidth(), panel.getHeight() / drawn.getHeight());
        g.drawImage(drawn, place, null);
    }

    /** Halves {@code image} (bilinear, i.e. a 2×2 box) while it stays at least twice {@code width} wide. */
    public static BufferedImage shrinkTowards(BufferedImage image, int width) {
        BufferedImage current = image;
        while (current.getWidth() >= 2 * Math.max(1, width) && current.getHeight() >= 2) {
            current = scaled(current, current.getWidth() / 2, current.getHeight() / 2);
        }
        return current;
    }

    /** A copy of {@code image} resampled to {@code width} × {@code height} (halving first when shrinking a lot). */
    public static BufferedImage resized(BufferedImage image, int width, int height) {
        BufferedImage halved = shrinkTowards(image, width);
        return halved.getWidth() == width && halved.getHeight() == height ? halved : scaled(halved, width, height);
    }

    private static BufferedImage scaled(BufferedImage image, int width, int height) {
        int type = image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
        BufferedImage out = new BufferedImage(Math.max(1, width), Math.max(1, height), type);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(image, 0, 0, out.getWidth(), out.getHeight(), null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** An {@link RgbImage} as a {@link BufferedImage} (TYPE_INT_RGB). */
    public static BufferedImage toBuffered(RgbImage image) {
        BufferedImage buffered = new BufferedImage(image.width(), image.height(), BufferedImage.TYPE_INT_RGB);
        int[] row = new int[image.width()];
        byte[] rgb = image.rgb();
        for (int y = 0; y < image.height(); y++) {
            for (int x = 0; x < image.width(); x++) {
                int i = (y * image.width() + x) * 3;
                row[x] = ((rgb[i] & 0xFF) << 16) | ((rgb[i + 1] & 0xFF) << 8) | (rgb[i + 2] & 0xFF);
            }
            buffered.setRGB(0, y, image.width(), 1, row, 0, image.width());
        }
        return buffered;
    }
}
