package org.learningsa.studio.apps.colorize;

import java.nio.file.Path;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.apps.AffinePair;
import org.learningsa.studio.apps.style.LabImage;
import org.learningsa.studio.image.AreaResize;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/**
 * A colorization case with a known answer: the input is the grey version of a sample photo (its CIELAB
 * lightness, a = b = 0), the exemplar is the colour photo moved by a known affine map, so the ideal output
 * is the colour photo itself.
 */
public record KnownTruthCase(RgbImage truth, RgbImage grey, RgbImage exemplar, Correspondence exact) {

    /** The sample at {@code width} pixels wide, moved by rotation, scaling about the centre and a shift. */
    public static KnownTruthCase of(Path photo, int width, double degrees, double scale, double shiftX, double shiftY) {
        RgbImage full = ImageDecoder.decode(photo);
        int height = Math.round((float) width * full.height() / full.width());
        RgbImage truth = AreaResize.resize(full, width, height);
        AffinePair pair = AffinePair.of(truth, degrees, scale, shiftX, shiftY);
        return new KnownTruthCase(truth, grey(truth), pair.target(), pair.correspondence());
    }

    /** The image's lightness alone, as grey sRGB. */
    public static RgbImage grey(RgbImage image) {
        LabImage lab = LabImage.fromRgb(image);
        int n = image.width() * image.height();
        return new LabImage(image.width(), image.height(), lab.l(), new float[n], new float[n]).toRgb();
    }

    /** Mean chroma error √(Δa² + Δb²) of {@code result} against the truth. */
    public double meanDeltaEab(RgbImage result) {
        LabImage got = LabImage.fromRgb(result);
        LabImage want = LabImage.fromRgb(truth);
        double sum = 0;
        for (int i = 0; i < got.a().length; i++) {
            double da = got.a()[i] - want.a()[i];
            double db = got.b()[i] - want.b()[i];
            sum += Math.sqrt(da * da + db * db);
        }
        return sum / got.a().length;
    }

    /** PSNR of {@code result} against the truth over the three 8-bit channels. */
    public double psnr(RgbImage result) {
        double sum = 0;
        byte[] got = result.rgb();
        byte[] want = truth.rgb();
        for (int i = 0; i < got.length; i++) {
            double d = (got[i] & 0xFF) - (want[i] & 0xFF);
            sum += d * d;
        }
        return 10 * Math.log10(255.0 * 255.0 / (sum / got.length));
    }

    /** Mean and largest |ΔL| of {@code result} against {@code reference} (the input whose lightness it keeps). */
    public static double[] lightnessError(RgbImage result, RgbImage reference) {
        float[] got = LabImage.fromRgb(result).l();
        float[] want = LabImage.fromRgb(reference).l();
        double sum = 0;
        double worst = 0;
        for (int i = 0; i < got.length; i++) {
            double d = Math.abs(got[i] - want[i]);
            sum += d;
            worst = Math.max(worst, d);
        }
        return new double[] {sum / got.length, worst};
    }
}
