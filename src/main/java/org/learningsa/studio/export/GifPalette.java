package org.learningsa.studio.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One 256-colour palette for a whole animation (median cut over a 5-bit-per-channel histogram of sample frames),
 * and Floyd–Steinberg dithering onto it through a 32³ nearest-colour table. Our own palette because the JDK's
 * GIF writer quantises each frame on its own and bands badly; one palette for all frames also keeps colours from
 * flickering between frames.
 */
final class GifPalette {

    static final int COLOURS = 256;
    private static final int BINS = 1 << 15;

    /** 0xRRGGBB per entry. */
    final int[] colours;
    /** 5-bit RGB (r << 10 | g << 5 | b) → nearest palette index. */
    private final byte[] nearest = new byte[BINS];

    private GifPalette(int[] colours) {
        this.colours = colours;
        for (int bin = 0; bin < BINS; bin++) {
            int r = (bin >> 10 << 3) + 4;
            int g = ((bin >> 5 & 31) << 3) + 4;
            int b = ((bin & 31) << 3) + 4;
            int best = 0;
            int bestDistance = Integer.MAX_VALUE;
            for (int i = 0; i < colours.length; i++) {
                int dr = r - (colours[i] >> 16 & 0xFF);
                int dg = g - (colours[i] >> 8 & 0xFF);
                int db = b - (colours[i] & 0xFF);
                int distance = 2 * dr * dr + 4 * dg * dg + db * db;
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = i;
                }
            }
            nearest[bin] = (byte) best;
        }
    }

    /** The histogram of frames a palette is cut from; add frames, then {@link #palette()}. */
    static final class Histogram {
        private final long[] count = new long[BINS];
        private final long[] sum = new long[BINS * 3];

        void add(int[] argb, int pixels) {
            for (int i = 0; i < pixels; i++) {
                int p = argb[i];
                int r = p >> 16 & 0xFF;
                int g = p >> 8 & 0xFF;
                int b = p & 0xFF;
                int bin = (r >> 3) << 10 | (g >> 3) << 5 | b >> 3;
                count[bin]++;
                sum[3 * bin] += r;
                sum[3 * bin + 1] += g;
                sum[3 * bin + 2] += b;
            }
        }

        GifPalette palette() {
            List<int[]> boxes = new ArrayList<>();
            int[] used = java.util.stream.IntStream.range(0, BINS).filter(bin -> count[bin] > 0).toArray();
            if (used.length == 0) {
                used = new int[] {0};
            }
            boxes.add(used);
            while (boxes.size() < COLOURS) {
                int widest = -1;
                int widestRange = 0;
                for (int i = 0; i < boxes.size(); i++) {
                    int range = boxes.get(i).length < 2 ? 0 : longestRange(boxes.get(i))[1];
                    if (range > widestRange) {
                        widestRange = range;
                        widest = i;
                    }
                }
                if (widest < 0) {
                    break;
                }
                int[] box = boxes.remove(widest);
                int[][] halves = split(box);
                boxes.add(halves[0]);
                boxes.add(halves[1]);
            }
            int[] colours = new int[COLOURS];
            for (int i = 0; i < boxes.size(); i++) {
                long n = 0;
                long r = 0;
                long g = 0;
                long b = 0;
                for (int bin : boxes.get(i)) {
                    n += count[bin];
                    r += sum[3 * bin];
                    g += sum[3 * bin + 1];
                    b += sum[3 * bin + 2];
                }
                colours[i] = n == 0 ? 0 : (int) (r / n) << 16 | (int) (g / n) << 8 | (int) (b / n);
            }
            // unused entries repeat the first colour; they are never chosen as nearest before it
            Arrays.fill(colours, boxes.size(), COLOURS, colours[0]);
            return new GifPalette(colours);
        }

        /** [channel (0 = r), its range in 5-bit units] of the box. */
        private static int[] longestRange(int[] box) {
            int[] min = {31, 31, 31};
            int[] max = {0, 0, 0};
            for (int bin : box) {
                for (int c = 0; c < 3; c++) {
                    int v = channel(bin, c);
                    min[c] = Math.min(min[c], v);
                    max[c] = Math.max(max[c], v);
                }
            }
            int best = 0;
            for (int c = 1; c < 3; c++) {
                if (max[c] - min[c] > max[best] - min[best]) {
                    best = c;
                }
            }
            return new int[] {best, max[best] - min[best]};
        }

        /** Splits at the pixel-weighted median of the longest channel. */
        private int[][] split(int[] box) {
            int c = longestRange(box)[0];
            Integer[] sorted = Arrays.stream(box).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, (x, y) -> Integer.compare(channel(x, c), channel(y, c)));
            long total = 0;
            for (int bin : box) {
                total += count[bin];
            }
            long running = 0;
            int cut = 1;
            for (int i = 0; i < sorted.length - 1; i++) {
                running += count[sorted[i]];
                cut = i + 1;
                if (running * 2 >= total) {
                    break;
                }
            }
            int[] low = new int[cut];
            int[] high = new int[sorted.length - cut];
            for (int i = 0; i < sorted.length; i++) {
                if (i < cut) {
                    low[i] = sorted[i];
                } else {
                    high[i - cut] = sorted[i];
                }
            }
            return new int[][] {low, high};
        }

        private static int channel(int bin, int c) {
            return c == 0 ? bin >> 10 : c == 1 ? bin >> 5 & 31 : bin & 31;
        }
    }

    /** Floyd–Steinberg: each pixel takes the palette colour nearest to it plus the error its neighbours passed on. */
    byte[] dither(int[] argb, int width, int height) {
        byte[] indices = new byte[width * height];
        int[] errorThis = new int[(width + 2) * 3];
        int[] errorNext = new int[(width + 2) * 3];
        for (int y = 0; y < height; y++) {
            Arrays.fill(errorNext, 0);
            for (int x = 0; x < width; x++) {
                int p = argb[y * width + x];
                int e = (x + 1) * 3;
                int r = clamp((p >> 16 & 0xFF) + errorThis[e] / 16);
                int g = clamp((p >> 8 & 0xFF) + errorThis[e + 1] / 16);
                int b = clamp((p & 0xFF) + errorThis[e + 2] / 16);
                int index = nearest[(r >> 3) << 10 | (g >> 3) << 5 | b >> 3] & 0xFF;
                indices[y * width + x] = (byte) index;
                int q = colours[index];
                int[] error = {r - (q >> 16 & 0xFF), g - (q >> 8 & 0xFF), b - (q & 0xFF)};
                for (int c = 0; c < 3; c++) {
                    errorThis[e + 3 + c] += error[c] * 7;
                    errorNext[e - 3 + c] += error[c] * 3;
                    errorNext[e + c] += error[c] * 5;
                    errorNext[e + 3 + c] += error[c];
                }
            }
            int[] swap = errorThis;
            errorThis = errorNext;
            errorNext = swap;
        }
        return indices;
    }

    private static int clamp(int v) {
        return v < 0 ? 0 : Math.min(v, 255);
    }
}
