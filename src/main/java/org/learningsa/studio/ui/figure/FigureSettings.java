package org.learningsa.studio.ui.figure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.learningsa.studio.export.figure.Background;
import org.learningsa.studio.export.figure.DensePanel;
import org.learningsa.studio.export.figure.FigureFormat;
import org.learningsa.studio.export.figure.FigureLayout;
import org.learningsa.studio.export.figure.FigureSize;
import org.learningsa.studio.export.figure.FigureStyle;
import org.learningsa.studio.export.figure.MatchFigureOptions;
import org.learningsa.studio.ui.StudioPreferences;

/**
 * The export dialog's settings as the user left them, kept in the app's preferences so the next
 * figure starts from the last one's choices (a paper's figures share a width and a style).
 *
 * @param width       in {@code unit}
 * @param captionText the edited caption, or null for the generated one (never remembered across pairs:
 *                    it names the pair)
 * @param densePanels the dense-flow panels ticked (drawn when the view has a correspondence)
 */
public record FigureSettings(FigureLayout layout, double width, LengthUnit unit, int dpi, Background background,
                             double lineWidthPt, double pointSizePt, boolean caption, String captionText, boolean scales,
                             boolean heatmap, boolean labels, FigureFormat format, Set<DensePanel> densePanels) {

    private static final String PREFIX = "figure.";

    public FigureSettings {
        densePanels = densePanels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(densePanels));
    }

    /** Settings without dense-flow panels. */
    public FigureSettings(FigureLayout layout, double width, LengthUnit unit, int dpi, Background background,
                          double lineWidthPt, double pointSizePt, boolean caption, String captionText, boolean scales,
                          boolean heatmap, boolean labels, FigureFormat format) {
        this(layout, width, unit, dpi, background, lineWidthPt, pointSizePt, caption, captionText, scales, heatmap,
                labels, format, Set.of());
    }

    public static FigureSettings defaults() {
        return new FigureSettings(FigureLayout.SIDE, FigureSize.TWO_COLUMN_MM, LengthUnit.MM, FigureSize.DEFAULT_DPI,
                Background.WHITE, FigureStyle.DEFAULT_LINE_WIDTH_PT, FigureStyle.DEFAULT_POINT_SIZE_PT, true, null, false,
                true, true, FigureFormat.PDF);
    }

    public double widthMm() {
        return unit.toMm(width);
    }

    /** The narrowest per-scale panel that still shows its matches readably (18 mm at one column did not). */
    static final double MIN_SCALE_PANEL_MM = 30;

    /** The renderer's options; throws IllegalArgumentException naming a value out of range. */
    public MatchFigureOptions options(FigureStyle base) {
        int panels = org.learningsa.studio.align.Readout.values().length;
        if (scales && widthMm() / panels < MIN_SCALE_PANEL_MM) {
            throw new IllegalArgumentException(String.format(Locale.ROOT, "the %d per-scale panels would be %.0f mm wide "
                    + "each, too small to read: widen the figure to %.0f mm or more (Two columns), or untick Per-scale "
                    + "panels", panels, widthMm() / panels, panels * MIN_SCALE_PANEL_MM));
        }
        FigureStyle style = base.withLineWidth(lineWidthPt).withPointSize(pointSizePt);
        return new MatchFigureOptions(layout, new FigureSize(widthMm(), dpi), style, background, caption, captionText,
                scales, heatmap, labels, densePanels);
    }

    public FigureSettings withCaptionText(String text) {
        return new FigureSettings(layout, width, unit, dpi, background, lineWidthPt, pointSizePt, caption, text, scales,
                heatmap, labels, format, densePanels);
    }

    public static FigureSettings load(StudioPreferences preferences) {
        FigureSettings d = defaults();
        return new FigureSettings(
                parse(FigureLayout.class, preferences.get(PREFIX + "layout", d.layout.name()), d.layout),
                preferences.getDouble(PREFIX + "width", d.width),
                parse(LengthUnit.class, preferences.get(PREFIX + "unit", d.unit.name()), d.unit),
                preferences.getInt(PREFIX + "dpi", d.dpi),
                parse(Background.class, preferences.get(PREFIX + "background", d.background.name()), d.background),
                preferences.getDouble(PREFIX + "lineWidth", d.lineWidthPt),
                preferences.getDouble(PREFIX + "pointSize", d.pointSizePt),
                preferences.getBoolean(PREFIX + "caption", d.caption),
                null,
                preferences.getBoolean(PREFIX + "scales", d.scales),
                preferences.getBoolean(PREFIX + "heatmap", d.heatmap),
                preferences.getBoolean(PREFIX + "labels", d.labels),
                parse(FigureFormat.class, preferences.get(PREFIX + "format", d.format.name()), d.format),
                denseFrom(preferences.get(PREFIX + "dense", "")));
    }

    public void save(StudioPreferences preferences) {
        preferences.put(PREFIX + "layout", layout.name());
        preferences.putDouble(PREFIX + "width", width);
        preferences.put(PREFIX + "unit", unit.name());
        preferences.putInt(PREFIX + "dpi", dpi);
        preferences.put(PREFIX + "background", background.name());
        preferences.putDouble(PREFIX + "lineWidth", lineWidthPt);
        preferences.putDouble(PREFIX + "pointSize", pointSizePt);
        preferences.putBoolean(PREFIX + "caption", caption);
        preferences.putBoolean(PREFIX + "scales", scales);
        preferences.putBoolean(PREFIX + "heatmap", heatmap);
        preferences.putBoolean(PREFIX + "labels", labels);
        preferences.put(PREFIX + "format", format.name());
        preferences.put(PREFIX + "dense", densePanels.stream().map(DensePanel::key).collect(Collectors.joining(",")));
    }

    /** The remembered dense panels; none when the stored list does not parse (an older or edited file). */
    private static Set<DensePanel> denseFrom(String stored) {
        try {
            return DensePanel.parse(stored);
        } catch (IllegalArgumentException e) {
            return Set.of();
        }
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name, E fallback) {
        try {
            return Enum.valueOf(type, name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }
}
