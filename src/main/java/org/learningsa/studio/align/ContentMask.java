package org.learningsa.studio.align;

import java.util.ArrayDeque;
import org.learningsa.studio.image.PaperGeometry;
import org.learningsa.studio.image.RgbImage;

/**
 * Which pixels of the 320×320 canvas show image content, for the default aligner's descriptors: not the
 * 16-pixel padding ring, and not a <em>fill</em> — a region of one constant colour that touches the image
 * border, such as the black wedges a rotated or shifted photo gets, or letterbox bars. A fill's straight
 * edge is no part of the scene: it would dominate every gradient histogram near it and move with the
 * frame, not with the content. Fill pixels are found on the 288×288 resized image: pixels whose 3×3
 * neighbourhood has one colour, connected to the border, within {@link #CONSTANT_TOLERANCE} of the colour
 * where the region touches the border (so a smooth sky, whose colour drifts, stays content), that colour
 * black or white ({@link #FILL_LEVEL}; a plain grey or coloured background is scene), covering at least
 * {@link #MIN_FILL_FRACTION} of the image. It then grows over JPEG ringing ({@link #GROW_DISTANCE}). The resize blends the fill into the content along a band
 * of about one pixel, so the fill is widened by {@link #FILL_MARGIN}.
 *
 * <p>The mask is the same kind of information for every image and needs nothing about the pair; a photo
 * without such regions keeps all of its 288×288 pixels.
 */
final class ContentMask {

    /** A fill is black or white: every channel at most this far from 0, or from 255 (8-bit levels). */
    static final int FILL_LEVEL = 16;
    /** Neighbouring RGB values that differ by at most this much count as one constant colour (8-bit levels). */
    static final int CONSTANT_TOLERANCE = 1;
    /** A border-connected constant region is a fill only from this fraction of the image area on (0.5 %). */
    static final double MIN_FILL_FRACTION = 0.005;
    /** Pixels by which a fill is widened to cover the band where the resize blended it into the content. */
    static final int FILL_MARGIN = 2;
    /** How far (pixels) a fill grows into nearly fill-coloured pixels: JPEG ringing along its edge. */
    static final int GROW_DISTANCE = 4;
    /** Nearly fill-coloured: every RGB channel within this many 8-bit levels of the fill's colour. */
    static final int GROW_TOLERANCE = 24;

    private static final int CANVAS = PaperGeometry.INPUT_SIZE;
    private static final int PAD = PaperGeometry.PAD;

    private ContentMask() {
    }

    /**
     * @param resized the image squashed to 288×288
     * @return 320×320 values, 1 where the canvas shows content, 0 in the padding ring and on fills
     */
    static float[] of(RgbImage resized) {
        int size = resized.width();
        boolean[] fill = fill(resized);
        float[] mask = new float[CANVAS * CANVAS];
        for (int y = 0; y < size; y++) {
            for (int x = 0; x < size; x++) {
                if (!fill[y * size + x]) {
                    mask[(y + PAD) * CANVAS + x + PAD] = 1f;
                }
            }
        }
        return mask;
    }

    /** The fill pixels of a (square) resized image, widened by {@link #FILL_MARGIN}. */
    static boolean[] fill(RgbImage image) {
        int w = image.width();
        int h = image.height();
        boolean[] constant = new boolean[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                constant[y * w + x] = constantNeighbourhood(image, x, y);
            }
        }
        boolean[] fill = new boolean[w * h];
        boolean[] seen = new boolean[w * h];
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        int[] component = new int[w * h];
        double minimum = MIN_FILL_FRACTION * w * h;
        for (int start = 0; start < w * h; start++) {
            int sx = start % w;
            int sy = start / w;
            boolean onBorder = sx == 0 || sy == 0 || sx == w - 1 || sy == h - 1;
            if (!onBorder || !constant[start] || seen[start] || !fillColour(image, sx, sy)) {
                continue;
            }
            // flood fill over constant pixels of the seed's colour (not chained from neighbour to neighbour,
            // which would follow the slow drift of a smooth sky)
            int count = 0;
            seen[start] = true;
            queue.add(start);
            while (!queue.isEmpty()) {
                int p = queue.poll();
                component[count++] = p;
                int px = p % w;
                int py = p / w;
                for (int[] d : NEIGHBOURS) {
                    int nx = px + d[0];
                    int ny = py + d[1];
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                        continue;
                    }
                    int n = ny * w + nx;
                    if (!seen[n] && constant[n] && sameColour(image, sx, sy, nx, ny)) {
                        seen[n] = true;
                        queue.add(n);
                    }
                }
            }
            if (count >= minimum) {
                for (int i = 0; i < count; i++) {
                    fill[component[i]] = true;
                }
                grow(image, fill, component, count, sx, sy);
            }
        }
        return dilate(fill, w, h, FILL_MARGIN);
    }

    /**
     * Extends a fill by up to {@link #GROW_DISTANCE} pixels into pixels close to its colour: the band where
     * JPEG compression rang around the fill's edge (noisy, so not constant, but still nearly fill-coloured).
     */
    private static void grow(RgbImage image, boolean[] fill, int[] component, int count, int seedX, int seedY) {
        int w = image.width();
        int h = image.height();
        int[] front = java.util.Arrays.copyOf(component, count);
        int frontSize = count;
        for (int step = 0; step < GROW_DISTANCE && frontSize > 0; step++) {
            int[] next = new int[Math.max(16, frontSize * 2)];
            int nextSize = 0;
            for (int i = 0; i < frontSize; i++) {
                int px = front[i] % w;
                int py = front[i] / w;
                for (int[] d : NEIGHBOURS) {
                    int nx = px + d[0];
                    int ny = py + d[1];
                    if (nx < 0 || ny < 0 || nx >= w || ny >= h) {
                        continue;
                    }
                    int n = ny * w + nx;
                    if (!fill[n] && colourDistance(image, seedX, seedY, nx, ny) <= GROW_TOLERANCE) {
                        fill[n] = true;
                        if (nextSize == next.length) {
                            next = java.util.Arrays.copyOf(next, next.length * 2);
                        }
                        next[nextSize++] = n;
                    }
                }
            }
            front = next;
            frontSize = nextSize;
        }
    }

    private static int colourDistance(RgbImage image, int x, int y, int nx, int ny) {
        int distance = 0;
        for (int c = 0; c < 3; c++) {
            distance = Math.max(distance, Math.abs(image.get(x, y, c) - image.get(nx, ny, c)));
        }
        return distance;
    }

    /** Black or white: what editors put where a rotated or shifted photo leaves the frame, and letterbox bars. */
    private static boolean fillColour(RgbImage image, int x, int y) {
        boolean dark = true;
        boolean light = true;
        for (int c = 0; c < 3; c++) {
            int v = image.get(x, y, c);
            dark &= v <= FILL_LEVEL;
            light &= v >= 255 - FILL_LEVEL;
        }
        return dark || light;
    }

    private static final int[][] NEIGHBOURS = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}};

    private static boolean constantNeighbourhood(RgbImage image, int x, int y) {
        for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
                int nx = x + dx;
                int ny = y + dy;
                if (nx < 0 || ny < 0 || nx >= image.width() || ny >= image.height()) {
                    continue;
                }
                if (!sameColour(image, x, y, nx, ny)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean sameColour(RgbImage image, int x, int y, int nx, int ny) {
        for (int c = 0; c < 3; c++) {
            if (Math.abs(image.get(x, y, c) - image.get(nx, ny, c)) > CONSTANT_TOLERANCE) {
                return false;
            }
        }
        return true;
    }

    private static boolean[] dilate(boolean[] mask, int w, int h, int radius) {
        boolean[] out = mask.clone();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!mask[y * w + x]) {
                    continue;
                }
                for (int dy = -radius; dy <= radius; dy++) {
                    for (int dx = -radius; dx <= radius; dx++) {
                        int nx = x + dx;
                        int ny = y + dy;
                        if (nx >= 0 && ny >= 0 && nx < w && ny < h) {
                            out[ny * w + nx] = true;
                        }
                    }
                }
            }
        }
        return out;
    }
}
