package org.learningsa.studio.image;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.learningsa.studio.core.CancelToken;

/**
 * PatchMatch (Barnes et al. 2009): improves a nearest-neighbour field by propagating good matches from
 * the neighbours (a neighbour's match shifted by one pixel) and by random search in shrinking windows
 * around the current match, plus one optional hint per pixel (a position the caller believes in, searched
 * around in the same shrinking windows). What a match costs is the caller's {@link Cost}; this class only
 * searches.
 *
 * <p>The rows are cut into a fixed number of bands that depends only on the field's height; each band is
 * searched by its own random stream (seeded from the seed, the call's pass and the band) and propagates only
 * within itself. So the bands can run in parallel and the result is the same for a seed on any machine,
 * whatever its number of cores.
 */
public final class PatchMatch {

    /** Rows per band at least; fewer rows would cut propagation too often. */
    private static final int MIN_BAND_ROWS = 24;
    private static final int MAX_BANDS = 16;

    /** What a match costs; must be thread-safe for reads (bands run in parallel). */
    @FunctionalInterface
    public interface Cost {
        /**
         * The cost of taking the source patch centred at (sx, sy) for the target pixel (x, y). It may stop
         * early and return any value ≥ {@code bound} once it knows the cost is at least {@code bound}.
         */
        float cost(int x, int y, int sx, int sy, float bound);
    }

    /** The box of valid source patch centres, inclusive. */
    public record Bounds(int minX, int minY, int maxX, int maxY) {
        public Bounds {
            if (maxX < minX || maxY < minY) {
                throw new IllegalArgumentException("empty source bounds " + minX + ".." + maxX + " x " + minY + ".." + maxY);
            }
        }

        int clampX(int x) {
            return Math.max(minX, Math.min(maxX, x));
        }

        int clampY(int y) {
            return Math.max(minY, Math.min(maxY, y));
        }
    }

    /**
     * Hints: per target pixel a source position to search around (row-major, source pixels), and the
     * largest radius searched around it; {@code null} arrays for none.
     */
    public record Hints(float[] x, float[] y, int radius) {
    }

    private PatchMatch() {
    }

    /** Sets every pixel's cost for its current match (after the caller initialised or changed the field). */
    public static void evaluate(NearestNeighbourField field, Cost cost, CancelToken cancel) {
        int width = field.width();
        IntStream.range(0, field.height()).parallel().forEach(y -> {
            cancel.throwIfCancelled();
            for (int x = 0; x < width; x++) {
                int i = y * width + x;
                field.cost()[i] = cost.cost(x, y, field.sourceX()[i], field.sourceY()[i], Float.POSITIVE_INFINITY);
            }
        });
    }

    /**
     * One pass of propagation and random search over the whole field (scanning forward on even passes,
     * backward on odd ones). The field's costs must be current ({@link #evaluate}).
     *
     * @param pass  the pass number: chooses the scan direction and, with the seed, the random streams
     * @param hints positions to search around, or {@code null}
     */
    public static void pass(NearestNeighbourField field, Bounds bounds, Cost cost, Hints hints, long seed, int pass,
                            CancelToken cancel) {
        int height = field.height();
        int bands = Math.max(1, Math.min(MAX_BANDS, height / MIN_BAND_ROWS));
        IntStream.range(0, bands).parallel().forEach(band -> {
            int from = (int) ((long) height * band / bands);
            int to = (int) ((long) height * (band + 1) / bands);
            SplittableRandom random = new SplittableRandom(mix(seed, pass, band));
            searchBand(field, bounds, cost, hints, random, from, to, (pass & 1) == 0, cancel);
        });
    }

    private static void searchBand(NearestNeighbourField field, Bounds bounds, Cost cost, Hints hints,
                                   SplittableRandom random, int fromRow, int toRow, boolean forward,
                                   CancelToken cancel) {
        int width = field.width();
        int[] sx = field.sourceX();
        int[] sy = field.sourceY();
        int step = forward ? 1 : -1;
        int searchRadius = Math.max(bounds.maxX() - bounds.minX(), bounds.maxY() - bounds.minY());
        for (int row = 0; row < toRow - fromRow; row++) {
            cancel.throwIfCancelled();
            int y = forward ? fromRow + row : toRow - 1 - row;
            for (int col = 0; col < width; col++) {
                int x = forward ? col : width - 1 - col;
                int i = y * width + x;
                // propagation: the horizontal and the vertical neighbour already visited in this scan
                int nx = x - step;
                if (nx >= 0 && nx < width) {
                    int n = i - step;
                    tryMatch(field, cost, i, x, y, bounds.clampX(sx[n] + step), bounds.clampY(sy[n]));
                }
                int ny = y - step;
                if (ny >= fromRow && ny < toRow) {
                    int n = i - step * width;
                    tryMatch(field, cost, i, x, y, bounds.clampX(sx[n]), bounds.clampY(sy[n] + step));
                }
                // random search around the current best, in windows halving down to one pixel
                for (int r = searchRadius; r >= 1; r /= 2) {
                    int cx = bounds.clampX(sx[i] + random.nextInt(-r, r + 1));
                    int cy = bounds.clampY(sy[i] + random.nextInt(-r, r + 1));
                    tryMatch(field, cost, i, x, y, cx, cy);
                }
                if (hints != null) {
                    int hx = Math.round(hints.x()[i]);
                    int hy = Math.round(hints.y()[i]);
                    tryMatch(field, cost, i, x, y, bounds.clampX(hx), bounds.clampY(hy));
                    for (int r = hints.radius(); r >= 1; r /= 2) {
                        tryMatch(field, cost, i, x, y, bounds.clampX(hx + random.nextInt(-r, r + 1)),
                                bounds.clampY(hy + random.nextInt(-r, r + 1)));
                    }
                }
            }
        }
    }

    private static void tryMatch(NearestNeighbourField field, Cost cost, int i, int x, int y, int cx, int cy) {
        if (cx == field.sourceX()[i] && cy == field.sourceY()[i]) {
            return;
        }
        float current = field.cost()[i];
        float candidate = cost.cost(x, y, cx, cy, current);
        if (candidate < current) {
            field.cost()[i] = candidate;
            field.sourceX()[i] = cx;
            field.sourceY()[i] = cy;
        }
    }

    /** A well-spread 64-bit seed from three numbers (SplitMix64's finaliser). */
    static long mix(long seed, int pass, int band) {
        long z = seed * 0x9E3779B97F4A7C15L + pass * 0xBF58476D1CE4E5B9L + band * 0x94D049BB133111EBL;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
