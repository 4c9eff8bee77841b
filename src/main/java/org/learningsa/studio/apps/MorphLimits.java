package org.learningsa.studio.apps;

import java.util.Locale;
import org.learningsa.studio.core.InputLimits;
import org.learningsa.studio.core.UserFacingException;

/**
 * The ranges a morph export's options must lie in ({@link InputLimits}, {@code MORPH_*}), checked before any
 * work so a careless value ({@code --fps 0.001}, {@code --frames 100000}, two images of extreme aspect) ends
 * in one line naming the option, never in a codec's exception after minutes of rendering or in gigabytes of
 * canvas. A natural-size canvas that is too large is scaled down to the largest that fits instead: the
 * user asked for no particular size.
 */
public final class MorphLimits {

    private MorphLimits() {
    }

    /** @throws UserFacingException naming {@code option} when the frame rate is outside [0.1, 100] */
    public static void checkFps(double fps, String option) {
        if (!(fps >= InputLimits.MORPH_MIN_FPS && fps <= InputLimits.MORPH_MAX_FPS)) {
            throw new UserFacingException(String.format(Locale.ROOT, "%s must be between %s and %s frames per "
                    + "second, got %s", option, trim(InputLimits.MORPH_MIN_FPS), trim(InputLimits.MORPH_MAX_FPS), fps));
        }
    }

    /** @throws UserFacingException naming {@code option} when the count is outside [2, 1000] */
    public static void checkFrames(int frames, String option) {
        if (frames < 2 || frames > InputLimits.MORPH_MAX_FRAMES) {
            throw new UserFacingException(String.format(Locale.ROOT, "%s must be between 2 and %,d, got %,d", option,
                    InputLimits.MORPH_MAX_FRAMES, frames));
        }
    }

    /** The most canvas pixels an export of {@code frames} frames may have. */
    public static long maxCanvasPixels(int frames) {
        return Math.min(InputLimits.MORPH_MAX_CANVAS_PIXELS, InputLimits.MORPH_MAX_EXPORT_PIXELS / Math.max(1, frames));
    }

    /**
     * The canvas of {@code longSide} (when given) or of the images' own size; a natural canvas larger than
     * {@link #maxCanvasPixels} is scaled down to the largest of its shape that fits.
     *
     * @throws UserFacingException naming {@code option} when an asked-for long side makes too large a canvas,
     *                             with the largest long side that fits
     */
    public static MorphCanvas canvas(int sourceWidth, int sourceHeight, int targetWidth, int targetHeight,
                                     Integer longSide, int frames, String option) {
        long max = maxCanvasPixels(frames);
        if (longSide != null) {
            MorphCanvas asked = MorphCanvas.withLongSide(sourceWidth, sourceHeight, targetWidth, targetHeight, longSide);
            if (pixels(asked) > max) {
                throw new UserFacingException(String.format(Locale.ROOT, "%s %d makes a %dx%d canvas (%,d pixels); "
                                + "%s at most %,d pixels: use %s %d or less", option, longSide, asked.width(),
                        asked.height(), pixels(asked), reason(frames), max, option,
                        largestLongSide(sourceWidth, sourceHeight, targetWidth, targetHeight, max)));
            }
            return asked;
        }
        MorphCanvas natural = MorphCanvas.natural(sourceWidth, sourceHeight, targetWidth, targetHeight);
        if (pixels(natural) <= max) {
            return natural;
        }
        return MorphCanvas.withLongSide(sourceWidth, sourceHeight, targetWidth, targetHeight,
                largestLongSide(sourceWidth, sourceHeight, targetWidth, targetHeight, max));
    }

    /** Why a canvas is capped: by itself, or by the frames that multiply it. */
    public static String reason(int frames) {
        return maxCanvasPixels(frames) < InputLimits.MORPH_MAX_CANVAS_PIXELS
                ? String.format(Locale.ROOT, "%,d frames may have", frames) : "a frame may have";
    }

    public static long pixels(MorphCanvas canvas) {
        return (long) canvas.width() * canvas.height();
    }

    /** The longest side whose canvas has at most {@code maxPixels} pixels (at least 2). */
    private static int largestLongSide(int sw, int sh, int tw, int th, long maxPixels) {
        int low = 2;
        int high = 1 << 16;
        while (low < high) {
            int middle = (int) (((long) low + high + 1) / 2);
            if (pixels(MorphCanvas.withLongSide(sw, sh, tw, th, middle)) <= maxPixels) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
