package org.learningsa.studio.align.dense;

/**
 * The coarse map is the prior; the refined flow replaces it only where mutually consistent evidence is dense
 * around a pixel. The share of round-trip-consistent pixels in a window ({@value #RADIUS} px radius) gives the
 * support s = min(1, share / {@value #FULL_SUPPORT_SHARE}), and the result is prior + s·(refined − prior): on a
 * pair of one scene nearly every neighbourhood is consistent and the refined flow stands; on two different
 * objects or a photo and a painting almost nothing comes back and the map stays the coarse (semantic) one
 * instead of degrading into a photometric flow.
 */
final class EvidenceSupport {

    /** A round trip within this many pixels counts as evidence (after the fill). */
    static final float ROUND_TRIP_PIXELS = 3f;
    /** The share of consistent pixels over the whole image from which the refined flow stands everywhere. */
    static final float GLOBAL_FULL_SUPPORT_SHARE = 0.5f;
    static final int RADIUS = 15;
    static final float FULL_SUPPORT_SHARE = 0.4f;

    private EvidenceSupport() {
    }

    static FlowField towardsPrior(FlowField refined, boolean[] consistent, FlowField prior) {
        int w = refined.width;
        int h = refined.height;
        // integral image of the consistent mask
        int[] integral = new int[(w + 1) * (h + 1)];
        for (int y = 0; y < h; y++) {
            int rowSum = 0;
            for (int x = 0; x < w; x++) {
                rowSum += consistent[y * w + x] ? 1 : 0;
                integral[(y + 1) * (w + 1) + x + 1] = integral[y * (w + 1) + x + 1] + rowSum;
            }
        }
        // a pair of one scene shows itself by how much of the whole image comes back; then the refined flow
        // stands everywhere, also where a single neighbourhood (an edge of the view, a flat sky) is unconfirmed
        float globalSupport = Math.min(1f, integral[h * (w + 1) + w] / (float) (w * h) / GLOBAL_FULL_SUPPORT_SHARE);
        FlowField out = new FlowField(w, h);
        for (int y = 0; y < h; y++) {
            int y0 = Math.max(0, y - RADIUS);
            int y1 = Math.min(h, y + RADIUS + 1);
            for (int x = 0; x < w; x++) {
                int x0 = Math.max(0, x - RADIUS);
                int x1 = Math.min(w, x + RADIUS + 1);
                int count = integral[y1 * (w + 1) + x1] - integral[y0 * (w + 1) + x1] - integral[y1 * (w + 1) + x0]
                        + integral[y0 * (w + 1) + x0];
                float share = count / (float) ((y1 - y0) * (x1 - x0));
                float support = Math.max(globalSupport, Math.min(1f, share / FULL_SUPPORT_SHARE));
                int i = y * w + x;
                out.dx[i] = prior.dx[i] + support * (refined.dx[i] - prior.dx[i]);
                out.dy[i] = prior.dy[i] + support * (refined.dy[i] - prior.dy[i]);
            }
        }
        return out;
    }
}
