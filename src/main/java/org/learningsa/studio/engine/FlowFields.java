package org.learningsa.studio.engine;

import org.learningsa.studio.image.PaperGeometry;

/**
 * The 20×20 quantities derived from a pair of grids (spec §1.9–1.10), in plain Java: flows, smoothness
 * (x and y differences summed over both flow channels before the abs) and warped flows
 * ({@code -grid_sample(flow, grid)}, bilinear, zeros padding, align_corners=False, as the reference).
 * Grids are {@code 20×20×2} (x, y) in [-1, 1]; flows and the rest are {@code 2×20×20}.
 */
public final class FlowFields {

    private static final int N = PaperGeometry.CELLS;
    private static final int CELLS = PaperGeometry.CELL_COUNT;
    private static final float[] NORMAL = MultiScaleMatcher.linspaceNormal();

    private FlowFields() {
    }

    /** Adds grid, flow, smoothness and warped flow for both directions under the reference names + {@code sfx}. */
    static void addOutputs(NetworkOutputs.Builder builder, String sfx, float[] gridS2T, float[] gridT2S) {
        float[] flowS2T = flow(gridS2T);
        float[] flowT2S = flow(gridT2S);
        long[] gridShape = {1, N, N, 2};
        long[] fieldShape = {1, 2, N, N};
        builder.put("grid_S2T" + sfx, gridShape, gridS2T);
        builder.put("grid_T2S" + sfx, gridShape, gridT2S);
        builder.put("flow_S2T" + sfx, fieldShape, flowS2T);
        builder.put("flow_T2S" + sfx, fieldShape, flowT2S);
        builder.put("smoothness_S2T" + sfx, fieldShape, smoothness(flowS2T));
        builder.put("smoothness_T2S" + sfx, fieldShape, smoothness(flowT2S));
        builder.put("warped_flow_S2T" + sfx, fieldShape, warpedFlow(flowT2S, gridS2T));
        builder.put("warped_flow_T2S" + sfx, fieldShape, warpedFlow(flowS2T, gridT2S));
    }

    /** flow = grid (channels first) minus the regular grid of linspace(−1, 1, 20). */
    public static float[] flow(float[] grid) {
        float[] flow = new float[2 * CELLS];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                int cell = i * N + j;
                flow[cell] = grid[2 * cell] - NORMAL[j];
                flow[CELLS + cell] = grid[2 * cell + 1] - NORMAL[i];
            }
        }
        return flow;
    }

    /** channel 0: |Σ_c f_c[i, j+1] − f_c[i, j−1]| / 2, channel 1 the same along i; zero outside. */
    public static float[] smoothness(float[] flow) {
        float[] out = new float[2 * CELLS];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                float dx = 0f;
                float dy = 0f;
                for (int c = 0; c < 2; c++) {
                    dx += at(flow, c, i, j + 1) - at(flow, c, i, j - 1);
                    dy += at(flow, c, i + 1, j) - at(flow, c, i - 1, j);
                }
                out[i * N + j] = Math.abs(dx) / 2f;
                out[CELLS + i * N + j] = Math.abs(dy) / 2f;
            }
        }
        return out;
    }

    private static float at(float[] field, int channel, int i, int j) {
        return i < 0 || j < 0 || i >= N || j >= N ? 0f : field[channel * CELLS + i * N + j];
    }

    /** −grid_sample(flow, grid) with bilinear taps, zeros padding and align_corners=False. */
    public static float[] warpedFlow(float[] flow, float[] grid) {
        float[] out = new float[2 * CELLS];
        for (int cell = 0; cell < CELLS; cell++) {
            float ix = ((grid[2 * cell] + 1f) * N - 1f) / 2f;
            float iy = ((grid[2 * cell + 1] + 1f) * N - 1f) / 2f;
            int x0 = (int) Math.floor(ix);
            int y0 = (int) Math.floor(iy);
            int x1 = x0 + 1;
            int y1 = y0 + 1;
            float nw = (x1 - ix) * (y1 - iy);
            float ne = (ix - x0) * (y1 - iy);
            float sw = (x1 - ix) * (iy - y0);
            float se = (ix - x0) * (iy - y0);
            for (int c = 0; c < 2; c++) {
                float v = at(flow, c, y0, x0) * nw + at(flow, c, y0, x1) * ne
                        + at(flow, c, y1, x0) * sw + at(flow, c, y1, x1) * se;
                out[c * CELLS + cell] = -v;
            }
        }
        return out;
    }
}
