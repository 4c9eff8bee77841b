package org.learningsa.studio.export.figure;

/**
 * A figure's printed width and its resolution for raster output. The height follows from the layout.
 * The defaults are the column widths of the two-column conference template most vision papers use
 * (CVPR/ICCV: column 3.25 in, text 6.875 in), rounded to whole millimetres; 300 dpi is the usual
 * minimum journals ask of photographs.
 *
 * @param widthMm printed width in millimetres
 * @param dpi     pixels per inch of a PNG (and of nothing else: SVG and PDF are resolution-independent)
 */
public record FigureSize(double widthMm, int dpi) {

    public static final double ONE_COLUMN_MM = 83;
    public static final double TWO_COLUMN_MM = 175;
    public static final int DEFAULT_DPI = 300;
    public static final double MM_PER_INCH = 25.4;
    public static final double POINTS_PER_INCH = 72;
    /** Bounds that keep a typo from asking for a gigapixel image. */
    public static final double MIN_WIDTH_MM = 20;
    public static final double MAX_WIDTH_MM = 1000;
    public static final int MIN_DPI = 36;
    public static final int MAX_DPI = 2400;

    public FigureSize {
        if (!(widthMm >= MIN_WIDTH_MM && widthMm <= MAX_WIDTH_MM)) {
            throw new IllegalArgumentException("figure width must be between " + (int) MIN_WIDTH_MM + " and "
                    + (int) MAX_WIDTH_MM + " mm: " + widthMm);
        }
        if (dpi < MIN_DPI || dpi > MAX_DPI) {
            throw new IllegalArgumentException("dpi must be between " + MIN_DPI + " and " + MAX_DPI + ": " + dpi);
        }
    }

    public static FigureSize oneColumn() {
        return new FigureSize(ONE_COLUMN_MM, DEFAULT_DPI);
    }

    public static FigureSize twoColumn() {
        return new FigureSize(TWO_COLUMN_MM, DEFAULT_DPI);
    }

    public static FigureSize inches(double widthInches, int dpi) {
        return new FigureSize(widthInches * MM_PER_INCH, dpi);
    }

    public double widthInches() {
        return widthMm / MM_PER_INCH;
    }

    public double widthPt() {
        return widthInches() * POINTS_PER_INCH;
    }

    public FigureSize withDpi(int newDpi) {
        return new FigureSize(widthMm, newDpi);
    }

    /** Pixels across {@code lengthPt} points at this size's dpi. */
    public int pixels(double lengthPt) {
        return pixels(lengthPt, dpi);
    }

    public static int pixels(double lengthPt, int dpi) {
        return Math.max(1, (int) Math.round(lengthPt / POINTS_PER_INCH * dpi));
    }
}
