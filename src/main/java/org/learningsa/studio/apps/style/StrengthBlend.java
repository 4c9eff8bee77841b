package org.learningsa.studio.apps.style;

import org.learningsa.studio.image.RgbImage;

/** The strength control of both methods: a linear blend from the input (0) to the full result (1). */
final class StrengthBlend {

    private StrengthBlend() {
    }

    /** strength 0 is a copy of the input, 1 is {@code full} itself. */
    static RgbImage blend(RgbImage input, RgbImage full, double strength) {
        if (strength == 0) {
            return new RgbImage(input.width(), input.height(), input.rgb().clone());
        }
        if (strength == 1) {
            return full;
        }
        byte[] in = input.rgb();
        byte[] out = full.rgb();
        byte[] blended = new byte[in.length];
        float s = (float) strength;
        for (int i = 0; i < in.length; i++) {
            int a = in[i] & 0xFF;
            blended[i] = (byte) Math.round(a + s * ((out[i] & 0xFF) - a));
        }
        return new RgbImage(input.width(), input.height(), blended);
    }
}
