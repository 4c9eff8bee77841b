package org.learningsa.studio.editing;

import java.util.ArrayList;
import java.util.List;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.Match;
import org.learningsa.studio.align.MatchSet;
import org.learningsa.studio.align.PixelPoint;

/**
 * The network's match list read through a corrected correspondence: each match keeps its source point
 * and gets the corrected target, so match lists, JSON and figures follow the user's points.
 */
public final class CorrectedMatches {

    /** A round trip within one grid cell (1/18 of the longer side) counts as mutual, as for the network. */
    private static final double CELLS_PER_SIDE = 18;

    private CorrectedMatches() {
    }

    /**
     * The matches with corrected targets. Near user points the confidence is raised towards 1 (the
     * user placed them); elsewhere it stays the network's, of the kind the list was built with; when the
     * points are trusted it is the splines' forward–backward consistency. Unchanged when {@code corrected} is not a {@link CorrectedCorrespondence}.
     */
    public static MatchSet apply(MatchSet networkMatches, Correspondence corrected) {
        if (!(corrected instanceof CorrectedCorrespondence correction)) {
            return networkMatches;
        }
        double cell = Math.max(corrected.source().width(), corrected.source().height()) / CELLS_PER_SIDE;
        List<Match> out = new ArrayList<>(networkMatches.size());
        for (Match match : networkMatches.matches()) {
            PixelPoint s = match.source();
            PixelPoint t = corrected.map(Direction.SOURCE_TO_TARGET, s.x(), s.y());
            PixelPoint back = corrected.map(Direction.TARGET_TO_SOURCE, t.x(), t.y());
            boolean moved = correction.trustPoints() || t.distance(match.target()) > 1e-9;
            double support = correction.userSupport(Direction.SOURCE_TO_TARGET, s.x(), s.y());
            double confidence = correction.trustPoints() ? support
                    : moved ? Math.max(match.confidence(), support) : match.confidence();
            boolean mutual = back.distance(s) <= cell;
            out.add(new Match(s, t, confidence, mutual, !moved && match.inPadding()));
        }
        return new MatchSet(out, networkMatches.confidenceKind());
    }
}
