package org.learningsa.studio.align.dense;

/**
 * Where a pixel's flow fails the round trip (it lands somewhere whose own flow does not come back), the flow is
 * replaced by that of nearby pixels that pass it and look like it (colour and distance weights, a joint bilateral
 * fill as in left–right-consistency stereo and EpicFlow's edge-aware interpolation). This removes the "halo" a
 * coarse-to-fine search leaves where a foreground's flow bled onto the background next to it, and gives occluded
 * pixels their neighbours' motion instead of a guess.
 */
final class ConsistencyFill {

    /** A round trip longer than this (pixels) marks a pixel's flow as unconfirmed. */
    static final float INCONSISTENT_PIXELS = 1.5f;
    private static final int RADIUS = 7;
    private static final float COLOUR_SIGMA = 12f;
    private static final float DISTANCE_SIGMA = RADIUS / 2f;

    private ConsistencyFill() {
    }

    /** Which pixels of {@code forward} come back through {@code backward} within {@link #INCONSISTENT_PIXELS}. */
    static boolean[] consistent(FlowField forward, FlowField backward) {
        return consistent(forward, backward, INCONSISTENT_PIXELS);
    }

    /** Which pixels of {@code forward} come back through {@code backward} within {@code limit} pixels. */
    static boolean[] consistent(FlowField forward, FlowField backward, float limit) {
        boolean[] ok = new boolean[forward.width * forward.height];
        float limit2 = limit * limit;
        for (int y = 0; y < forward.height; y++) {
            for (int x = 0; x < forward.width; x++) {
                int i = y * forward.width + x;
                float landX = x + forward.dx[i];
                float landY = y + forward.dy[i];
                float backX = landX + backward.sampleX(landX, landY) - x;
                float backY = landY + backward.sampleY(landX, landY) - y;
                ok[i] = backX * backX + backY * backY <= limit2;
            }
        }
        return ok;
    }

    /** {@code flow} with its unconfirmed pixels filled from confirmed neighbours of similar colour. */
    static FlowField fill(FlowField flow, boolean[] consistent, Plane[] colour) {
        int w = flow.width;
        int h = flow.height;
        float[] dx = flow.dx.clone();
        float[] dy = flow.dy.clone();
        float[] r = colour[0].values;
        float[] g = colour[1].values;
        float[] b = colour[2].values;
        float[] spatial = new float[(2 * RADIUS + 1) * (2 * RADIUS + 1)];
        for (int j = -RADIUS, k = 0; j <= RADIUS; j++) {
            for (int i = -RADIUS; i <= RADIUS; i++, k++) {
                spatial[k] = (float) Math.exp(-(i * i + j * j) / (2.0 * DISTANCE_SIGMA * DISTANCE_SIGMA));
            }
        }
        float colourScale = 1f / (2 * COLOUR_SIGMA * COLOUR_SIGMA);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int c = y * w + x;
                if (consistent[c]) {
                    continue;
                }
                float sumDx = 0;
                float sumDy = 0;
                float sumW = 0;
                for (int j = -RADIUS, k = 0; j <= RADIUS; j++) {
                    int yy = y + j;
                    if (yy < 0 || yy >= h) {
                        k += 2 * RADIUS + 1;
                        continue;
                    }
                    for (int i = -RADIUS; i <= RADIUS; i++, k++) {
                        int xx = x + i;
                        if (xx < 0 || xx >= w) {
                            continue;
                        }
                        int n = yy * w + xx;
                        if (!consistent[n]) {
                            continue;
                        }
                        float dr = r[n] - r[c];
                        float dg = g[n] - g[c];
                        float db = b[n] - b[c];
                        float weight = spatial[k] * (float) Math.exp(-(dr * dr + dg * dg + db * db) * colourScale);
                        sumDx += weight * flow.dx[n];
                        sumDy += weight * flow.dy[n];
                        sumW += weight;
                    }
                }
                if (sumW > 1e-4f) {
                    dx[c] = sumDx / sumW;
                    dy[c] = sumDy / sumW;
                }
            }
        }
        return new FlowField(w, h, dx, dy);
    }
}
