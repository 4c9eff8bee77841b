package org.learningsa.studio.ui.figure;

import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Mapping;
import org.learningsa.studio.align.MatchService;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.export.figure.FigurePanels;
import org.learningsa.studio.export.figure.FigureStyle;
import org.learningsa.studio.export.figure.MatchFigureContent;
import org.learningsa.studio.image.RgbImage;
import org.learningsa.studio.ui.pair.Inspection;
import org.learningsa.studio.ui.view.ColorMap;

/**
 * The pair view as figure content: the matches the view shows (its readout, confidence kind and
 * filters), the images at full resolution, the inspected point, and the view's colour map. The app
 * reads matches with the exact mapping, like {@code lsa match}'s default.
 */
public final class ViewFigureContent {

    private ViewFigureContent() {
    }

    /**
     * @param visible    the matches the view shows
     * @param topN       the view's "top N", applied to each small multiple as well
     * @param inspection the inspected point, or null
     * @return null when there is nothing to draw yet (no alignment or images)
     */
    public static MatchFigureContent of(Alignment alignment, RgbImage source, RgbImage target, MatchSet visible,
                                        Readout readout, int topN, Inspection inspection) {
        if (alignment == null || source == null || target == null || visible == null) {
            return null;
        }
        MatchService.Result result = new MatchService.Result(alignment, visible, readout, Mapping.EXACT,
                visible.confidenceKind());
        MatchFigureContent content = MatchFigureContent.of(result, FigurePanels.toBuffered(source),
                FigurePanels.toBuffered(target), topN);
        if (inspection != null) {
            content = content.withInspected(new MatchFigureContent.InspectedPoint(inspection.direction(),
                    inspection.point(), inspection.match(), inspection.heatmap()));
        }
        return content;
    }

    /** The figure's style with the view's colour map. */
    public static FigureStyle style(ColorMap map) {
        return FigureStyle.defaults().withColourMap(map.label(), t -> map.argb(t, 1) & 0xFFFFFF);
    }
}
