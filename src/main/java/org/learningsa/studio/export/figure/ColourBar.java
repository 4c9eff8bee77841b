package org.learningsa.studio.export.figure;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * A vertical colour bar for confidences in [0, 1] (1 at the top) with ticks and a rotated label (on two
 * lines when the bar is short). The gradient is piecewise linear two-colour gradients, which SVG and PDF
 * both keep as vector shadings. Ticks are filled rectangles, not lines, so an SVG's {@code <line>}
 * elements are exactly the matches.
 */
final class ColourBar {

    private static final int SEGMENTS = 16;
    private static final double[] TICKS = {0, 0.25, 0.5, 0.75, 1};

    private ColourBar() {
    }

    /** Width the bar, its tick labels and a label of {@code labelLines} lines need beside a panel. */
    static double blockWidth(FigureStyle style, int labelLines) {
        return labelLeft(style) + FigureText.height(labelFont(style), labelLines);
    }

    /** 1 when {@code label} fits along a bar of {@code height} points, else 2. */
    static int labelLines(FigureStyle style, String label, double height) {
        return FigureText.width(labelFont(style), label) <= height ? 1 : 2;
    }

    private static double barWidth(FigureStyle style) {
        return style.fontSizePt() * 0.9;
    }

    private static double tickLength(FigureStyle style) {
        return style.fontSizePt() * 0.35;
    }

    private static Font tickFont(FigureStyle style) {
        return FigureText.font(style.fontSizePt() * 0.85, false);
    }

    private static Font labelFont(FigureStyle style) {
        return FigureText.font(style.fontSizePt(), false);
    }

    /** From the bar's left edge to where the label's first line starts. */
    private static double labelLeft(FigureStyle style) {
        return barWidth(style) + tickLength(style) + style.fontSizePt() * 0.3 + FigureText.width(tickFont(style), "0.00")
                + style.fontSizePt() * 0.4;
    }

    static void paint(Graphics2D g, FigureStyle style, double left, double top, double height, String label,
                      int labelLines) {
        double bar = barWidth(style);
        for (int i = 0; i < SEGMENTS; i++) {
            double high = 1 - (double) i / SEGMENTS;
            double low = 1 - (double) (i + 1) / SEGMENTS;
            double y0 = top + height * i / SEGMENTS;
            double y1 = top + height * (i + 1) / SEGMENTS;
            g.setPaint(new GradientPaint((float) left, (float) y0, style.colour(high),
                    (float) left, (float) y1, style.colour(low)));
            // overlap by a hair so no seam shows between segments when rasterised
            g.fill(new Rectangle2D.Double(left, y0, bar, y1 - y0 + (i < SEGMENTS - 1 ? height / SEGMENTS * 0.05 : 0)));
        }
        g.setColor(Color.DARK_GRAY);
        float thin = (float) Math.max(0.25, style.fontSizePt() / 28);
        g.setStroke(new BasicStroke(thin));
        g.draw(new Rectangle2D.Double(left, top, bar, height));
        Font tickFont = tickFont(style);
        g.setFont(tickFont);
        double tick = tickLength(style);
        double ascent = FigureText.ascent(tickFont);
        for (double value : TICKS) {
            double y = top + (1 - value) * height;
            g.fill(new Rectangle2D.Double(left + bar, y - thin / 2, tick, thin));
            FigureText.draw(g, String.format(Locale.ROOT, "%.2f", value), (float) (left + bar + tick + style.fontSizePt() * 0.3),
                    (float) (y + ascent * 0.4));
        }
        Font font = labelFont(style);
        List<String> lines = labelLines == 1 ? List.of(label) : FigureText.wrap(font, label, height);
        if (lines.size() > labelLines) {
            lines = List.of(String.join(" ", lines));
        }
        Graphics2D rotated = (Graphics2D) g.create();
        try {
            rotated.setFont(font);
            double lineLeft = left + labelLeft(style);
            for (String line : lines) {
                String shown = shorten(font, line, height);
                double width = FigureText.width(font, shown);
                Graphics2D one = (Graphics2D) rotated.create();
                one.translate(lineLeft + FigureText.ascent(font), top + height / 2 + width / 2);
                one.rotate(-Math.PI / 2);
                FigureText.draw(one, shown, 0, 0);
                one.dispose();
                lineLeft += font.getSize2D() * FigureText.LEADING;
            }
        } finally {
            rotated.dispose();
        }
    }

    private static String shorten(Font font, String text, double maxWidth) {
        if (FigureText.width(font, text) <= maxWidth) {
            return text;
        }
        String shortened = text;
        while (shortened.length() > 1 && FigureText.width(font, shortened + "…") > maxWidth) {
            shortened = shortened.substring(0, shortened.length() - 1);
        }
        return shortened + "…";
    }
}
