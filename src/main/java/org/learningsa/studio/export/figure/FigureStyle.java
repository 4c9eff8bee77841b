package org.learningsa.studio.export.figure;

import java.util.function.DoubleToIntFunction;
import org.learningsa.studio.image.ColorMaps;

/**
 * How marks are drawn, in points: line width of a match, diameter of its end points, text size; and the
 * colour map of confidences (value in [0, 1] → RGB) with its name for captions.
 */
public record FigureStyle(double lineWidthPt, double pointSizePt, double fontSizePt, String colourMapName,
                          DoubleToIntFunction colourMap) {

    public static final double DEFAULT_LINE_WIDTH_PT = 0.5;
    public static final double DEFAULT_POINT_SIZE_PT = 1.5;
    /** Matches a paper's 8–9 pt caption after the usual slight reduction. */
    public static final double DEFAULT_FONT_SIZE_PT = 7;

    public FigureStyle {
        if (!(lineWidthPt > 0 && lineWidthPt <= 20)) {
            throw new IllegalArgumentException("line width must be in (0, 20] pt: " + lineWidthPt);
        }
        if (!(pointSizePt >= 0 && pointSizePt <= 40)) {
            throw new IllegalArgumentException("point size must be in [0, 40] pt: " + pointSizePt);
        }
        if (!(fontSizePt >= 3 && fontSizePt <= 40)) {
            throw new IllegalArgumentException("font size must be in [3, 40] pt: " + fontSizePt);
        }
    }

    public static FigureStyle defaults() {
        return new FigureStyle(DEFAULT_LINE_WIDTH_PT, DEFAULT_POINT_SIZE_PT, DEFAULT_FONT_SIZE_PT, "viridis",
                ColorMaps::viridis);
    }

    public FigureStyle withLineWidth(double pt) {
        return new FigureStyle(pt, pointSizePt, fontSizePt, colourMapName, colourMap);
    }

    public FigureStyle withPointSize(double pt) {
        return new FigureStyle(lineWidthPt, pt, fontSizePt, colourMapName, colourMap);
    }

    public FigureStyle withFontSize(double pt) {
        return new FigureStyle(lineWidthPt, pointSizePt, pt, colourMapName, colourMap);
    }

    public FigureStyle withColourMap(String name, DoubleToIntFunction map) {
        return new FigureStyle(lineWidthPt, pointSizePt, fontSizePt, name, map);
    }

    /** The colour of a confidence, clamped into [0, 1] (NaN as 0). */
    public java.awt.Color colour(double value) {
        double t = Double.isNaN(value) ? 0 : Math.max(0, Math.min(1, value));
        return new java.awt.Color(colourMap.applyAsInt(t) & 0xFFFFFF);
    }
}
