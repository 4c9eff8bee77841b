package org.learningsa.studio.export.figure;

import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ExactMapping;
import org.learningsa.studio.align.GridSampling;
import org.learningsa.studio.align.ImageRef;

/**
 * The inspected point's 20×20 heatmap as a translucent raster, upsampled bilinearly between cell centres
 * here (not by the viewer: PDF viewers show small images blocky, SVG viewers smooth them), stretched from
 * its minimum to its maximum like the app's, weak values more transparent.
 */
final class HeatmapImage {

    /** Output pixels per cell. */
    private static final int UPSAMPLE = 12;

    private HeatmapImage() {
    }

    static BufferedImage of(float[] values, FigureStyle style) {
        int cells = Alignment.CELLS;
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        int side = cells * UPSAMPLE;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_INT_ARGB);
        for (int py = 0; py < side; py++) {
            double v = (py + 0.5) / UPSAMPLE - 0.5;
            for (int px = 0; px < side; px++) {
                double u = (px + 0.5) / UPSAMPLE - 0.5;
                double value = GridSampling.bilinear(values, 1, u, v, 0);
                double t = max > min ? (value - min) / (max - min) : 0;
                int alpha = (int) Math.round(255 * (0.1 + 0.7 * t));
                image.setRGB(px, py, (alpha << 24) | (style.colourMap().applyAsInt(t) & 0xFFFFFF));
            }
        }
        return image;
    }

    /** The panel area the 20 cells cover: the whole padded canvas, so it reaches past the image's edges. */
    static Rectangle2D cover(ImageRef frame, Rectangle2D panel) {
        double edge = ExactMapping.CANVAS_SIZE - 0.5;
        double left = ExactMapping.originalFromCanvas(-0.5, frame.width()) + 0.5;
        double right = ExactMapping.originalFromCanvas(edge, frame.width()) + 0.5;
        double top = ExactMapping.originalFromCanvas(-0.5, frame.height()) + 0.5;
        double bottom = ExactMapping.originalFromCanvas(edge, frame.height()) + 0.5;
        double sx = panel.getWidth() / frame.width();
        double sy = panel.getHeight() / frame.height();
        return new Rectangle2D.Double(panel.getX() + left * sx, panel.getY() + top * sy, (right - left) * sx,
                (bottom - top) * sy);
    }
}
