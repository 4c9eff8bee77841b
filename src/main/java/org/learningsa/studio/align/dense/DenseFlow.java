package org.learningsa.studio.align.dense;

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
}
