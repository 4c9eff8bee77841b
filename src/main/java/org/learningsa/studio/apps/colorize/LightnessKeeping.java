package org.learningsa.studio.apps.colorize;

import org.learningsa.studio.apps.style.LabImage;
import org.learningsa.studio.image.RgbImage;

/**
 * Lab → 8-bit sRGB with the lightness kept: a colour outside the sRGB gamut is clipped per channel by
 * {@link LabImage#toRgb}, which changes its lightness (a saturated blue at high L comes back darker). Such
 * pixels have their chroma shrunk toward the neutral grey of the same L (always inside the gamut), keeping
 * their hue, until the round trip gives back L within {@link #TOLERANCE}.
 */
final class LightnessKeeping {

    /** L units the round trip may move lightness: below 8-bit rounding's own effect in mid-tones. */
    static final double TOLERANCE = 0.5;
    /** Chroma factor per step; 20 steps reach 0.01 of the chroma (then the pixel is grey). */
    private static final float SHRINK = 0.8f;
    private static final int MAX_STEPS = 20;

    private LightnessKeeping() {
    }

    static RgbImage toRgb(int width, int height, float[] lightness, float[] a, float[] b) {
        RgbImage rgb = new LabImage(width, height, lightness, a, b).toRgb();
        int[] offending = offending(rgb, lightness, null);
        byte[] out = rgb.rgb();
        float[] scaleA = a.clone();
        float[] scaleB = b.clone();
        for (int step = 0; step < MAX_STEPS && offending.length > 0; step++) {
            int m = offending.length;
            float[] l = new float[m];
            float[] pa = new float[m];
            float[] pb = new float[m];
            for (int k = 0; k < m; k++) {
                int i = offending[k];
                scaleA[i] *= SHRINK;
                scaleB[i] *= SHRINK;
                if (step == MAX_STEPS - 1) {
                    scaleA[i] = 0;
                    scaleB[i] = 0;
                }
                l[k] = lightness[i];
                pa[k] = scaleA[i];
                pb[k] = scaleB[i];
            }
            RgbImage part = new LabImage(m, 1, l, pa, pb).toRgb();
            for (int k = 0; k < m; k++) {
                System.arraycopy(part.rgb(), 3 * k, out, 3 * offending[k], 3);
            }
            offending = offending(part, l, offending);
        }
        return new RgbImage(width, height, out);
    }

    /** Indices (into the whole image, through {@code index} when a subset) whose L moved beyond the tolerance. */
    private static int[] offending(RgbImage rgb, float[] lightness, int[] index) {
        float[] back = LabImage.fromRgb(rgb).l();
        int count = 0;
        int[] found = new int[back.length];
        for (int k = 0; k < back.length; k++) {
            if (Math.abs(back[k] - lightness[k]) > TOLERANCE) {
                found[count++] = index == null ? k : index[k];
            }
        }
        return java.util.Arrays.copyOf(found, count);
    }
}
