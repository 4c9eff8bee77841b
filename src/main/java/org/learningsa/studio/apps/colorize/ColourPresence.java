package org.learningsa.studio.apps.colorize;

import org.learningsa.studio.apps.style.LabImage;

/**
 * Whether an image carries colour: a grey photo saved as RGB (or a JPEG's chroma noise) has a few pixels
 * of small chroma, a colour photo a real share of clearly chromatic ones.
 */
final class ColourPresence {

    /** Chroma √(a² + b²) below which a pixel reads as grey: JPEG noise on grey stays under 3. */
    static final double CHROMATIC = 6.0;
    /** Share of chromatic pixels from which the image counts as being in colour. */
    static final double SHARE = 0.01;

    private ColourPresence() {
    }

    static boolean hasColour(LabImage image) {
        float[] a = image.a();
        float[] b = image.b();
        int chromatic = 0;
        for (int i = 0; i < a.length; i++) {
            if (a[i] * a[i] + b[i] * b[i] > CHROMATIC * CHROMATIC) {
                chromatic++;
            }
        }
        return chromatic > SHARE * a.length;
    }
}
