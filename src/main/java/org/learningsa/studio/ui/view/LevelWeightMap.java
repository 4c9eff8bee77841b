package org.learningsa.studio.ui.view;

import javafx.scene.paint.Color;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.ExactMapping;

/**
 * The learned level weights a_L as a map over the target: each interior cell in its dominant
 * level's colour, as opaque as that level dominates. One definition for the per-scale strip and
 * the main view, so both show the same map.
 */
public final class LevelWeightMap {

    /** Categorical colours of levels 1–4. */
    public static final Color[] LEVEL_COLOURS = {
        Color.web("#e41a1c"), Color.web("#ff7f00"), Color.web("#4daf4a"), Color.web("#377eb8")};

    /** Receives one target cell: its edges in original target pixels and its fill. */
    @FunctionalInterface
    public interface CellPainter {
        void paint(double left, double top, double right, double bottom, Color fill);
    }

    private LevelWeightMap() {
    }

    /** Calls {@code painter} for each interior cell of {@code alignment}'s target. */
    public static void paint(Alignment alignment, CellPainter painter) {
        float[] weights = alignment.levelWeights();
        int cells = ExactMapping.CELLS;
        int width = alignment.target().width();
        int height = alignment.target().height();
        for (int row = 1; row < cells - 1; row++) {
            for (int col = 1; col < cells - 1; col++) {
                int cell = row * cells + col;
                int best = 0;
                for (int level = 1; level < 4; level++) {
                    if (weights[level * cells * cells + cell] > weights[best * cells * cells + cell]) {
                        best = level;
                    }
                }
                double weight = weights[best * cells * cells + cell];
                // equal weights (1/4 each) leave the image clear; a cell owned by one level is opaque
                double dominance = Math.max(0, Math.min(1, (weight - 0.25) / 0.75));
                painter.paint(MatchOverlay.edge(col, width), MatchOverlay.edge(row, height),
                        MatchOverlay.edge(col + 1, width), MatchOverlay.edge(row + 1, height),
                        LEVEL_COLOURS[best].deriveColor(0, 1, 1, 0.15 + 0.75 * dominance));
            }
        }
    }

    /** The key: a swatch and "L1" … "L4" per level, left to right from (x, baseline y). */
    public static void drawKey(javafx.scene.canvas.GraphicsContext g, double x, double y) {
        g.setFont(javafx.scene.text.Font.font(10));
        for (int level = 0; level < 4; level++) {
            g.setFill(LEVEL_COLOURS[level]);
            g.fillRect(x + level * 22, y - 8, 8, 8);
            g.setFill(Color.WHITE);
            g.fillText("L" + (level + 1), x + 9 + level * 22, y);
        }
    }
}
