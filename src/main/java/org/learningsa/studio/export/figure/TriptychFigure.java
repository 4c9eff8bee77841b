package org.learningsa.studio.export.figure;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;

/** The style-transfer triptych: exemplar | input | result, titled, in one row, with an optional caption. */
public final class TriptychFigure implements Figure {

    private final FrameStripFigure strip;

    public TriptychFigure(BufferedImage exemplar, BufferedImage input, BufferedImage result, String caption,
                          FigureSize size, FigureStyle style) {
        strip = new FrameStripFigure(List.of(exemplar, input, result), List.of("exemplar", "input", "result"), caption,
                size, style);
    }

    @Override
    public double widthPt() {
        return strip.widthPt();
    }

    @Override
    public double heightPt() {
        return strip.heightPt();
    }

    @Override
    public void paint(Graphics2D g) {
        strip.paint(g);
    }
}
