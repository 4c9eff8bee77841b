package org.learningsa.studio.export.figure;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * Text in figures: one sans-serif family at point sizes, measured with fractional metrics so the layout
 * is the same whatever the output device, and wrapped to a width.
 */
final class FigureText {

    /** Line height as a multiple of the font size. */
    static final double LEADING = 1.25;

    private static final Graphics2D MEASURE;

    static {
        BufferedImage scratch = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        MEASURE = scratch.createGraphics();
        MEASURE.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        MEASURE.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    }

    private FigureText() {
    }

    static Font font(double sizePt, boolean bold) {
        return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 12).deriveFont((float) sizePt);
    }

    static synchronized double width(Font font, String text) {
        return font.getStringBounds(text, MEASURE.getFontRenderContext()).getWidth();
    }

    static synchronized double ascent(Font font) {
        FontMetrics metrics = MEASURE.getFontMetrics(font);
        return metrics.getLineMetrics("Ag", MEASURE).getAscent();
    }

    /** Greedy word wrap of each paragraph (split at '\n') to {@code maxWidth} points. */
    static List<String> wrap(Font font, String text, double maxWidth) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n", -1)) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (word.isEmpty()) {
                    continue;
                }
                String candidate = line.length() == 0 ? word : line + " " + word;
                if (line.length() > 0 && width(font, candidate) > maxWidth) {
                    lines.add(line.toString());
                    line = new StringBuilder(word);
                } else {
                    line = new StringBuilder(candidate);
                }
            }
            lines.add(line.toString());
        }
        return lines;
    }

    /**
     * Draws {@code text} with {@code g}'s font at a baseline point. On a raster the glyph outlines are
     * filled, as the PDF does (it draws text as outlines), so PNG and PDF agree to the pixel instead of
     * differing by the raster text path's hinting; SVG keeps real, editable text.
     */
    static void draw(Graphics2D g, String text, double x, double y) {
        if (Boolean.TRUE.equals(g.getRenderingHint(FigurePanels.KEY_RASTER_OUTPUT))) {
            g.fill(g.getFont().createGlyphVector(g.getFontRenderContext(), text).getOutline((float) x, (float) y));
        } else {
            g.drawString(text, (float) x, (float) y);
        }
    }

    /** Draws pre-wrapped lines with their first baseline at one ascent below {@code top}; returns the height used. */
    static double drawLines(Graphics2D g, Font font, List<String> lines, double left, double top) {
        g.setFont(font);
        double lineHeight = font.getSize2D() * LEADING;
        double baseline = top + ascent(font);
        for (String line : lines) {
            if (!line.isEmpty()) {
                draw(g, line, left, baseline);
            }
            baseline += lineHeight;
        }
        return lines.size() * lineHeight;
    }

    static double height(Font font, int lineCount) {
        return lineCount * font.getSize2D() * LEADING;
    }
}
