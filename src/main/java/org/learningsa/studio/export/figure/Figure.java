package org.learningsa.studio.export.figure;

import java.awt.Graphics2D;

/**
 * A laid-out figure in PostScript points (1/72 inch), origin top left, y down. {@link FigureRenderer}
 * paints the same figure onto a raster (PNG), an SVG or a PDF page, so the three formats show one drawing.
 * Implementations paint everything but the background, which the renderer owns (white or transparent).
 */
public interface Figure {

    double widthPt();

    double heightPt();

    /** Paints the figure with {@code g} in point units (the renderer has set any device scale). */
    void paint(Graphics2D g);
}
