package org.learningsa.studio.export.figure;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.util.List;

/** A caption wrapped to the figure's width under its panels; empty (no height) when there is no text. */
record CaptionBlock(Font font, List<String> lines, double left, double top) {

    /** @param text null or blank for no caption */
    static CaptionBlock of(String text, FigureStyle style, double left, double top, double width) {
        Font font = FigureText.font(style.fontSizePt(), false);
        List<String> lines = text == null || text.isBlank() ? List.of() : FigureText.wrap(font, text, width);
        return new CaptionBlock(font, List.copyOf(lines), left, top);
    }

    /** Where the caption ends, or {@code top} without one. */
    double bottom() {
        return top + FigureText.height(font, lines.size());
    }

    void paint(Graphics2D g) {
        if (!lines.isEmpty()) {
            g.setColor(Color.BLACK);
            FigureText.drawLines(g, font, lines, left, top);
        }
    }
}
