package org.learningsa.studio.export.figure;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The user's choices for a match figure (the app remembers them; {@code lsa match} sets some).
 *
 * @param captionText the caption as edited, or null for the generated one
 * @param scales      add the five readouts as small multiples under the pair
 * @param heatmap     overlay the inspected point's heatmap (when there is one)
 * @param labels      draw the labelled user points (when there are any)
 * @param densePanels the dense-flow panels to add under the pair (when the content has a correspondence)
 */
public record MatchFigureOptions(FigureLayout layout, FigureSize size, FigureStyle style, Background background,
                                 boolean caption, String captionText, boolean scales, boolean heatmap, boolean labels,
                                 Set<DensePanel> densePanels) {

    public MatchFigureOptions {
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(size, "size");
        Objects.requireNonNull(style, "style");
        Objects.requireNonNull(background, "background");
        densePanels = densePanels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(densePanels));
    }

    /** Options without dense-flow panels. */
    public MatchFigureOptions(FigureLayout layout, FigureSize size, FigureStyle style, Background background,
                              boolean caption, String captionText, boolean scales, boolean heatmap, boolean labels) {
        this(layout, size, style, background, caption, captionText, scales, heatmap, labels, Set.of());
    }

    /** Side by side, two-column width at 300 dpi, white, with caption; no extras. */
    public static MatchFigureOptions defaults() {
        return new MatchFigureOptions(FigureLayout.SIDE, FigureSize.twoColumn(), FigureStyle.defaults(), Background.WHITE,
                true, null, false, false, false);
    }

    public MatchFigureOptions withLayout(FigureLayout value) {
        return new MatchFigureOptions(value, size, style, background, caption, captionText, scales, heatmap, labels,
                densePanels);
    }

    public MatchFigureOptions withSize(FigureSize value) {
        return new MatchFigureOptions(layout, value, style, background, caption, captionText, scales, heatmap, labels,
                densePanels);
    }

    public MatchFigureOptions withStyle(FigureStyle value) {
        return new MatchFigureOptions(layout, size, value, background, caption, captionText, scales, heatmap, labels,
                densePanels);
    }

    public MatchFigureOptions withBackground(Background value) {
        return new MatchFigureOptions(layout, size, style, value, caption, captionText, scales, heatmap, labels,
                densePanels);
    }

    public MatchFigureOptions withCaption(boolean show, String text) {
        return new MatchFigureOptions(layout, size, style, background, show, text, scales, heatmap, labels,
                densePanels);
    }

    public MatchFigureOptions withExtras(boolean showScales, boolean showHeatmap, boolean showLabels) {
        return new MatchFigureOptions(layout, size, style, background, caption, captionText, showScales, showHeatmap,
                showLabels, densePanels);
    }

    public MatchFigureOptions withDensePanels(Set<DensePanel> panels) {
        return new MatchFigureOptions(layout, size, style, background, caption, captionText, scales, heatmap, labels,
                panels);
    }
}
