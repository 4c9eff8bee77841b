package org.learningsa.studio.apps.colorize;

import java.util.stream.IntStream;

/**
 * Low-resolution chroma brought to the full-resolution input, guided by the input's full-resolution
 * lightness (Kopf et al. 2007, "Joint bilateral upsampling"): each output pixel averages the 4×4 nearest
 * grid pixels, weighted by distance and by how close their lightness is to its own, so a colour edge lands
 * on the input's sharp edge instead of the grid's blurred one.
 */
final class JointBilateralUpsampling {

    /** σ of the lightness difference, in L units: about the noise of an area-averaged grid pixel. */
    static final double RANGE_SIGMA = 6.0;
    /** σ of the spatial weight, in grid pixels. */
    static final double SPATIAL_SIGMA = 1.0;
    private static final int RANGE_STEPS_PER_UNIT = 4;
    private static final float[] RANGE = new float[100 * RANGE_STEPS_PER_UNIT + 2];

    static {
        for (int i = 0; i < RANGE.length; i++) {
            double d = (double) i / RANGE_STEPS_PER_UNIT;
            RANGE[i] = (float) Math.exp(-d * d / (2 * RANGE_SIGMA * RANGE_SIGMA));
        }
    }

    private JointBilateralUpsampling() {
    }

    /**
     * @param planes    grid planes (gridWidth × gridHeight) to upsample
     * @param gridLight the grid's lightness (the same area the full image covers)
     * @param fullLight the full-resolution lightness (width × height)
     */
    static float[][] upsample(float[][] planes, float[] gridLight, int gridWidth, int gridHeight,
                              float[] fullLight, int width, int height) {
        float[][] out = new float[planes.length][width * height];
        double inverseSpatial = 1 / (2 * SPATIAL_SIGMA * SPATIAL_SIGMA);
        // rows are independent: spread over the cores
        IntStream.range(0, height).parallel().forEach(y -> {
            double[] spatialX = new double[4];
            double[] spatialY = new double[4];
            double[] sums = new double[planes.length];
            double gy = (y + 0.5) * gridHeight / height - 0.5;
            int y0 = (int) Math.floor(gy) - 1;
            for (int k = 0; k < 4; k++) {
                double d = gy - (y0 + k);
                spatialY[k] = Math.exp(-d * d * inverseSpatial);
            }
            for (int x = 0; x < width; x++) {
                double gx = (x + 0.5) * gridWidth / width - 0.5;
                int x0 = (int) Math.floor(gx) - 1;
                for (int k = 0; k < 4; k++) {
                    double d = gx - (x0 + k);
                    spatialX[k] = Math.exp(-d * d * inverseSpatial);
                }
                float light = fullLight[y * width + x];
                double total = 0;
                java.util.Arrays.fill(sums, 0);
                for (int j = 0; j < 4; j++) {
                    int yy = y0 + j;
                    if (yy < 0 || yy >= gridHeight) {
                        continue;
                    }
                    for (int i = 0; i < 4; i++) {
                        int xx = x0 + i;
                        if (xx < 0 || xx >= gridWidth) {
                            continue;
                        }
                        int g = yy * gridWidth + xx;
                        int step = (int) (Math.abs(light - gridLight[g]) * RANGE_STEPS_PER_UNIT);
                        double weight = spatialX[i] * spatialY[j] * RANGE[Math.min(RANGE.length - 1, step)];
                        total += weight;
                        for (int c = 0; c < planes.length; c++) {
                            sums[c] += weight * planes[c][g];
                        }
                    }
                }
                if (total < 1e-12) {
                    // no grid neighbour of similar lightness: fall back to the nearest grid pixel
                    int g = Math.max(0, Math.min(gridHeight - 1, (int) Math.round(gy))) * gridWidth
                            + Math.max(0, Math.min(gridWidth - 1, (int) Math.round(gx)));
                    for (int c = 0; c < planes.length; c++) {
                        out[c][y * width + x] = planes[c][g];
                    }
                    continue;
                }
                for (int c = 0; c < planes.length; c++) {
                    out[c][y * width + x] = (float) (sums[c] / total);
                }
            }
        });
        return out;
    }
}
