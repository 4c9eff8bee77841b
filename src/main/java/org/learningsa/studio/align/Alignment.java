package org.learningsa.studio.align;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * The result of aligning two images: immutable plain Java arrays, both directions, the fused
 * readout and each backbone level, with confidences and the correlation rows for heatmaps. Every
 * front end (main window, morphing, style, editor, evaluation, CLI) reads this one object.
 *
 * <p>Coordinates are original pixels of the image they belong to: x to the right, y down, pixel
 * centres at integers ({@link #PIXEL_CONVENTION}). Grids are 20×20×2, [row][col][x, y], values in
 * the soft-argmax's normalised units (−1 … 1 over cell centres, spec §1.9): {@code grid_S2T} at a
 * source cell is the target position matched to it, {@code grid_T2S} the other way.
 */
public final class Alignment {

    /** Stated in the Javadoc and in every export. */
    public static final String PIXEL_CONVENTION = "original pixels, x right, y down, pixel centres at integers";

    /** Cells per side of the correspondence grid. */
    public static final int CELLS = ExactMapping.CELLS;
    static final int CELL_COUNT = CELLS * CELLS;
    static final int LEVELS = 4;

    /**
     * Forward–backward confidence scale: a round trip that ends {@code d} cells (16 canvas pixels,
     * 1/18 of the image side) from its start has confidence exp(−d²/2): 1 at 0, 0.61 at one cell,
     * 0.14 at two cells, 0.01 at three.
     */
    public static final double FORWARD_BACKWARD_SIGMA_CELLS = 1.0;
    /** A match is mutual when its round trip S→T→S ends within this many cells of its start. */
    public static final double MUTUAL_TOLERANCE_CELLS = 1.0;

    private final ImageRef source;
    private final ImageRef target;
    private final String modelName;
    private final boolean semantic;
    private final Map<Readout, ReadoutField> fields;
    /** corr1..corr4: raw ReLU'd cosine correlation, S2T layout [t][s] (400×400 each). */
    private final float[][] levelCorrelations;
    /** corr_fused: the confidence-weighted fusion, T2S layout [s][t]. */
    private final float[] fusedCorrelation;
    /** a_L(t): 4×400 level weights on the target cells (sum to 1 over L). */
    private final float[] levelWeights;

    /** The per-readout arrays. */
    record ReadoutField(float[] gridSourceToTarget, float[] gridTargetToSource,
                        float[] peakSourceToTarget, float[] peakTargetToSource) {
    }

    private Alignment(ImageRef source, ImageRef target, String modelName, boolean semantic,
                      Map<Readout, ReadoutField> fields, float[][] levelCorrelations,
                      float[] fusedCorrelation, float[] levelWeights) {
        this.source = source;
        this.target = target;
        this.modelName = modelName;
        this.semantic = semantic;
        this.fields = fields;
        this.levelCorrelations = levelCorrelations;
        this.fusedCorrelation = fusedCorrelation;
        this.levelWeights = levelWeights;
    }

    /**
     * Builds an alignment from the network's (or the matcher's) named outputs: {@code grid_S2T{sfx}},
     * {@code grid_T2S{sfx}}, {@code sam_pmax_S2T{sfx}}, {@code sam_pmax_T2S{sfx}} for sfx in "", _1 … _4,
     * {@code corr1} … {@code corr4}, {@code corr_fused} and {@code cams}, as engine.NetworkOutputs names them.
     * The arrays are copied.
     *
     * @param outputs name → values, e.g. {@code networkOutputs::get}; must return every name above
     */
    public static Alignment fromOutputs(ImageRef source, ImageRef target, String modelName, boolean semantic,
                                        Function<String, float[]> outputs) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        Map<Readout, ReadoutField> fields = new EnumMap<>(Readout.class);
        for (Readout readout : Readout.values()) {
            String sfx = readout.suffix();
            fields.put(readout, new ReadoutField(
                    required(outputs, "grid_S2T" + sfx, CELL_COUNT * 2),
                    required(outputs, "grid_T2S" + sfx, CELL_COUNT * 2),
                    required(outputs, "sam_pmax_S2T" + sfx, CELL_COUNT),
                    required(outputs, "sam_pmax_T2S" + sfx, CELL_COUNT)));
        }
        float[][] levelCorrelations = new float[LEVELS][];
        for (int level = 1; level <= LEVELS; level++) {
            levelCorrelations[level - 1] = required(outputs, "corr" + level, CELL_COUNT * CELL_COUNT);
        }
        return new Alignment(source, target, modelName, semantic, fields, levelCorrelations,
                required(outputs, "corr_fused", CELL_COUNT * CELL_COUNT),
                required(outputs, "cams", LEVELS * CELL_COUNT));
    }

    private static float[] required(Function<String, float[]> outputs, String name, int length) {
        float[] values = outputs.apply(name);
        if (values == null) {
            throw new IllegalArgumentException("the outputs lack '" + name + "'");
        }
        if (values.length != length) {
            throw new IllegalArgumentException("'" + name + "' has " + values.length + " values, expected " + length);
        }
        return values.clone();
    }

    public ImageRef source() {
        return source;
    }

    public ImageRef target() {
        return target;
    }

    /** The model that produced it, e.g. "LearningSA (best_checkpoint_pascal.pt)" or the default aligner's name. */
    public String modelName() {
        return modelName;
    }

    /** False for the weight-free default aligner: its matches follow appearance, not meaning. */
    public boolean semantic() {
        return semantic;
    }

    /** A copy of the 20×20×2 grid of a readout, layout of {@code grid_S2T}/{@code grid_T2S}. */
    public float[] grid(Readout readout, Direction direction) {
        return gridOf(readout, direction).clone();
    }

    /** A copy of the level weights a_L(t): 4×400, [level − 1][target cell], summing to 1 over levels. */
    public float[] levelWeights() {
        return levelWeights.clone();
    }

    /**
     * Maps a point of one image to the other.
     *
     * @param direction SOURCE_TO_TARGET: (x, y) lies in the source and the result in the target
     * @param mapping   EXACT (the geometric inverse of the preprocessing; a result in the padding ring is
     *                  clamped to the nearest image border) or PAPER (spec §3.1 unchanged; the point is
     *                  clamped into its image first so any position can be asked for)
     */
    public PixelPoint map(Direction direction, double x, double y, Readout readout, Mapping mapping) {
        ImageRef from = from(direction);
        ImageRef to = to(direction);
        float[] grid = gridOf(readout, direction);
        if (mapping == Mapping.PAPER) {
            double cx = Math.max(0, Math.min(from.width() - 1, x));
            double cy = Math.max(0, Math.min(from.height() - 1, y));
            return PaperKeypointTransfer.transfer(grid, cx, cy, from.width(), from.height(), to.width(), to.height());
        }
        double u = ExactMapping.cellFromOriginal(x, from.width());
        double v = ExactMapping.cellFromOriginal(y, from.height());
        double gx = GridSampling.bilinear(grid, 2, u, v, 0);
        double gy = GridSampling.bilinear(grid, 2, u, v, 1);
        // a match in the padding ring (|g| near 1) is reported at the nearest image border
        return new PixelPoint(clamp(ExactMapping.originalFromNormalised(gx, to.width()), to.width()),
                clamp(ExactMapping.originalFromNormalised(gy, to.height()), to.height()));
    }

    private static double clamp(double coordinate, int size) {
        return Math.max(0, Math.min(size - 1, coordinate));
    }

    /** Maps a point with {@link Mapping#EXACT}. */
    public PixelPoint map(Direction direction, PixelPoint point, Readout readout) {
        return map(direction, point.x(), point.y(), readout, Mapping.EXACT);
    }

    /**
     * The confidence of the correspondence at a point, in [0, 1].
     * <ul>
     *   <li>PEAK_PROBABILITY: the largest probability of the kernel soft-argmax distribution at the
     *       point's cell (bilinear between cells); 1 means all mass on one cell.</li>
     *   <li>FORWARD_BACKWARD: exp(−d²/2) with d the distance, in cells, between the point and its
     *       round trip there and back ({@link #FORWARD_BACKWARD_SIGMA_CELLS}).</li>
     *   <li>LEVEL_WEIGHT: a_L(t) at the target cell (the point itself for T2S, its match for S2T):
     *       the weight of level L for a level readout, of the dominant level for the fused one.</li>
     * </ul>
     */
    public double confidence(Direction direction, double x, double y, Readout readout, ConfidenceKind kind) {
        ImageRef from = from(direction);
        double u = ExactMapping.cellFromOriginal(x, from.width());
        double v = ExactMapping.cellFromOriginal(y, from.height());
        return switch (kind) {
            case PEAK_PROBABILITY -> clamp01(GridSampling.bilinear(peakOf(readout, direction), 1, u, v, 0));
            case FORWARD_BACKWARD -> Math.exp(-0.5 * square(roundTripCells(direction, x, y, readout)
                    / FORWARD_BACKWARD_SIGMA_CELLS));
            case LEVEL_WEIGHT -> levelWeightAt(direction, x, y, readout);
        };
    }

    /**
     * The raw correlation (ReLU'd cosine similarity; for the fused readout the level-weighted sum) of
     * the cell under the point with every cell of the other image: 400 values, row-major 20×20 over
     * the other image. Nothing is re-run.
     */
    public float[] heatmap(Direction direction, double x, double y, Readout readout) {
        ImageRef from = from(direction);
        int col = nearestCell(ExactMapping.cellFromOriginal(x, from.width()));
        int row = nearestCell(ExactMapping.cellFromOriginal(y, from.height()));
        int cell = row * CELLS + col;
        float[] heat = new float[CELL_COUNT];
        boolean fromSource = direction == Direction.SOURCE_TO_TARGET;
        if (readout == Readout.FUSED) {
            // T2S layout: [s][t]
            for (int other = 0; other < CELL_COUNT; other++) {
                heat[other] = fromSource ? fusedCorrelation[cell * CELL_COUNT + other]
                        : fusedCorrelation[other * CELL_COUNT + cell];
            }
        } else {
            // S2T layout: [t][s]
            float[] corr = levelCorrelations[readout.level() - 1];
            for (int other = 0; other < CELL_COUNT; other++) {
                heat[other] = fromSource ? corr[other * CELL_COUNT + cell] : corr[cell * CELL_COUNT + other];
            }
        }
        return heat;
    }

    /** {@link #matches(Readout, ConfidenceKind, Mapping)} with the exact mapping. */
    public MatchSet matches(Readout readout, ConfidenceKind kind) {
        return matches(readout, kind, Mapping.EXACT);
    }

    /**
     * Sparse matches from the centres of the interior 18×18 source cells (the border ring is padding),
     * mapped to the target, in grid order.
     */
    public MatchSet matches(Readout readout, ConfidenceKind kind, Mapping mapping) {
        return matches(readout, kind, mapping, 1);
    }

    /**
     * Like {@link #matches(Readout, ConfidenceKind, Mapping)} with {@code perCell}² evenly spaced points
     * per interior cell (1 = the cell centres), for a denser resampling of the field.
     */
    public MatchSet matches(Readout readout, ConfidenceKind kind, Mapping mapping, int perCell) {
        if (perCell < 1) {
            throw new IllegalArgumentException("perCell must be at least 1: " + perCell);
        }
        List<Match> matches = new ArrayList<>();
        int steps = (CELLS - 2) * perCell;
        for (int i = 0; i < steps; i++) {
            double v = 1 + (i + 0.5) / perCell - 0.5;
            double y = ExactMapping.originalFromCell(v, source.height());
            for (int j = 0; j < steps; j++) {
                double u = 1 + (j + 0.5) / perCell - 0.5;
                double x = ExactMapping.originalFromCell(u, source.width());
                PixelPoint to = map(Direction.SOURCE_TO_TARGET, x, y, readout, mapping);
                double confidence = confidence(Direction.SOURCE_TO_TARGET, x, y, readout, kind);
                boolean mutual = roundTripCells(Direction.SOURCE_TO_TARGET, x, y, readout) <= MUTUAL_TOLERANCE_CELLS;
                matches.add(new Match(new PixelPoint(x, y), to, confidence, mutual));
            }
        }
        return new MatchSet(matches, kind);
    }

    /** Distance in cells between a point and its exact-mapped round trip there and back. */
    double roundTripCells(Direction direction, double x, double y, Readout readout) {
        ImageRef from = from(direction);
        PixelPoint there = map(direction, x, y, readout, Mapping.EXACT);
        PixelPoint back = map(direction.reverse(), there.x(), there.y(), readout, Mapping.EXACT);
        double du = ExactMapping.cellFromOriginal(back.x(), from.width()) - ExactMapping.cellFromOriginal(x, from.width());
        double dv = ExactMapping.cellFromOriginal(back.y(), from.height()) - ExactMapping.cellFromOriginal(y, from.height());
        return Math.hypot(du, dv);
    }

    private double levelWeightAt(Direction direction, double x, double y, Readout readout) {
        PixelPoint inTarget = direction == Direction.TARGET_TO_SOURCE
                ? new PixelPoint(x, y) : map(direction, x, y, readout, Mapping.EXACT);
        double u = ExactMapping.cellFromOriginal(inTarget.x(), target.width());
        double v = ExactMapping.cellFromOriginal(inTarget.y(), target.height());
        if (readout != Readout.FUSED) {
            return clamp01(sampleLevelWeight(readout.level() - 1, u, v));
        }
        double best = 0;
        for (int level = 0; level < LEVELS; level++) {
            best = Math.max(best, sampleLevelWeight(level, u, v));
        }
        return clamp01(best);
    }

    private double sampleLevelWeight(int levelIndex, double u, double v) {
        return GridSampling.bilinear(levelWeights, levelIndex * CELL_COUNT, 1, u, v, 0);
    }

    private float[] gridOf(Readout readout, Direction direction) {
        ReadoutField field = fields.get(readout);
        return direction == Direction.SOURCE_TO_TARGET ? field.gridSourceToTarget() : field.gridTargetToSource();
    }

    private float[] peakOf(Readout readout, Direction direction) {
        ReadoutField field = fields.get(readout);
        return direction == Direction.SOURCE_TO_TARGET ? field.peakSourceToTarget() : field.peakTargetToSource();
    }

    private ImageRef from(Direction direction) {
        return direction == Direction.SOURCE_TO_TARGET ? source : target;
    }

    private ImageRef to(Direction direction) {
        return direction == Direction.SOURCE_TO_TARGET ? target : source;
    }

    private static int nearestCell(double cell) {
        return (int) Math.max(0, Math.min(CELLS - 1, Math.round(cell)));
    }

    private static double clamp01(double value) {
        return Math.max(0, Math.min(1, value));
    }

    private static double square(double value) {
        return value * value;
    }
}
