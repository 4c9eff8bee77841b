package org.learningsa.studio.apps.colorize;

import java.util.List;
import org.learningsa.studio.apps.style.LabImage;
import org.learningsa.studio.apps.style.Planes;
import org.learningsa.studio.image.ColorMaps;
import org.learningsa.studio.image.RgbImage;

/**
 * A colorization whose chroma has been solved: renders it at any strength (a blend of chroma only, the
 * lightness always the input's), and shows where the chroma was read rather than propagated. Immutable,
 * so the view may render on a worker thread while the user moves the slider.
 */
public final class ColorizePreview {

    private final RgbImage input;
    private final RgbImage exemplar;
    private final LabImage inputLab;
    private final float[][] chroma;
    private final float[] weight;
    private final int gridWidth;
    private final int gridHeight;
    private final String description;
    private final List<String> notices;
    private final boolean greyExemplar;
    private final boolean colourInput;

    ColorizePreview(RgbImage input, RgbImage exemplar, LabImage inputLab, float[][] chroma, float[] weight,
                    int gridWidth, int gridHeight, String description, List<String> notices,
                    boolean greyExemplar, boolean colourInput) {
        this.input = input;
        this.exemplar = exemplar;
        this.inputLab = inputLab;
        this.chroma = chroma;
        this.weight = weight;
        this.gridWidth = gridWidth;
        this.gridHeight = gridHeight;
        this.description = description;
        this.notices = notices;
        this.greyExemplar = greyExemplar;
        this.colourInput = colourInput;
    }

    public RgbImage input() {
        return input;
    }

    public RgbImage exemplar() {
        return exemplar;
    }

    /** The correspondence's own description (model, readout, user points). */
    public String description() {
        return description;
    }

    /** One line each, for the user: a grey exemplar, a colour input. */
    public List<String> notices() {
        return notices;
    }

    public boolean greyExemplar() {
        return greyExemplar;
    }

    public boolean colourInput() {
        return colourInput;
    }

    /**
     * The result at the input's size: lightness the input's, chroma (1 − strength)·the input's own +
     * strength·the exemplar's; strength 0 returns the input's pixels unchanged.
     */
    public RgbImage render(double strength) {
        if (!(strength >= 0 && strength <= 1)) {
            throw new IllegalArgumentException("strength must be in [0, 1], got " + strength);
        }
        if (strength == 0) {
            return new RgbImage(input.width(), input.height(), input.rgb().clone());
        }
        int n = input.width() * input.height();
        float[] a = new float[n];
        float[] b = new float[n];
        float s = (float) strength;
        float[] ownA = inputLab.a();
        float[] ownB = inputLab.b();
        for (int i = 0; i < n; i++) {
            a[i] = ownA[i] + s * (chroma[0][i] - ownA[i]);
            b[i] = ownB[i] + s * (chroma[1][i] - ownB[i]);
        }
        return LightnessKeeping.toRgb(input.width(), input.height(), inputLab.l(), a, b);
    }

    /** Mean trust in the read-through chroma over the input, 0..1. */
    public double meanConfidence() {
        double sum = 0;
        for (float w : weight) {
            sum += w;
        }
        return sum / weight.length;
    }

    /**
     * Where the chroma was read through the correspondence (yellow: trusted) and where it was propagated
     * from neighbours (dark blue), at the input's size, viridis-coloured.
     */
    public RgbImage confidenceMask() {
        float[] full = Planes.resize(weight, gridWidth, gridHeight, input.width(), input.height());
        return ColorMaps.viridisImage(full, input.width(), input.height());
    }
}
