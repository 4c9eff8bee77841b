package org.learningsa.studio.align.dense;

import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.ImageRef;
import org.learningsa.studio.align.PixelPoint;

/**
 * One direction of a {@link DenseCorrespondence} as planes, for consumers that read every pixel (warps, exports,
 * views) without a call per pixel: pixel (x, y) of the image the direction starts from, at index y·width + x,
 * lands at (x + dx, y + dy) in the other image's pixels, trusted as much as {@code confidence} (in [0, 1]).
 * The arrays are shared, not copied: read them, never write them.
 */
public record DenseFlow(int width, int height, float[] dx, float[] dy, float[] confidence) {

    public DenseFlow {
        int n = width * height;
        if (dx.length != n || dy.length != n || confidence.length != n) {
            throw new IllegalArgumentException("planes of " + width + "x" + height + " expected");
        }
    }

    /**
     * One direction of any correspondence as planes at the original size of the image the direction starts from:
     * a refined one's own planes when they are at that size, otherwise read pixel by pixel (the grid map, a
     * corrected map, a refined map of a downscaled image).
     */
    public static DenseFlow of(Correspondence correspondence, Direction direction) {
        ImageRef from = direction == Direction.SOURCE_TO_TARGET ? correspondence.source() : correspondence.target();
        if (correspondence instanceof DenseCorrespondence dense) {
            DenseFlow own = dense.flow(direction);
            if (own.width() == from.width() && own.height() == from.height()) {
                return own;
            }
        }
        int w = from.width();
        int h = from.height();
        float[] dx = new float[w * h];
        float[] dy = new float[w * h];
        float[] confidence = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int i = y * w + x;
                PixelPoint there = correspondence.map(direction, x, y);
                dx[i] = (float) (there.x() - x);
                dy[i] = (float) (there.y() - y);
                confidence[i] = (float) correspondence.confidence(direction, x, y);
            }
        }
        return new DenseFlow(w, h, dx, dy, confidence);
    }
}
