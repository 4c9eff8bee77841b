package org.learningsa.studio.eval;

/**
 * What the evaluation needs from the alignment of one pair: the fused target→source grid and the
 * image sizes, plus the geometrically exact mapping for {@code --mapping exact}.
 */
public interface PairCorrespondence {

    int sourceWidth();

    int sourceHeight();

    int targetWidth();

    int targetHeight();

    /**
     * The fused {@code grid_T2S}: 20×20×2 floats, [row][column][x, y], normalised to [-1, 1] over the
     * padded 320×320 source (the network output as it is).
     */
    float[] gridTargetToSource();

    /** The exact mapping of a target point (original pixels) to the source (original pixels): {x, y}. */
    double[] mapTargetToSourceExact(double x, double y);
}
