package org.learningsa.studio.export;

import org.learningsa.studio.apps.Morph;
import org.learningsa.studio.apps.MorphEasing;

/** The frames of an animation, drawn on demand so an export never holds them all. */
public interface FrameSource {

    int width();

    int height();

    int frameCount();

    /** Draws frame {@code index} into {@code argb} (opaque 0xAARRGGBB, row-major, width × height). */
    void render(int index, int[] argb);

    /** The frames of a morph: frame i at t = easing(i/(N − 1)), so the first is the source and the last the target. */
    static FrameSource of(Morph morph, int frames, MorphEasing easing) {
        if (frames < 2) {
            throw new IllegalArgumentException("a morph needs at least 2 frames, got " + frames);
        }
        return new FrameSource() {
            @Override
            public int width() {
                return morph.canvas().width();
            }

            @Override
            public int height() {
                return morph.canvas().height();
            }

            @Override
            public int frameCount() {
                return frames;
            }

            @Override
            public void render(int index, int[] argb) {
                morph.render(easing.frameTime(index, frames), argb);
            }
        };
    }
}
