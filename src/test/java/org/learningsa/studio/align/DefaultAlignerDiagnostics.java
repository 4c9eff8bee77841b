package org.learningsa.studio.align;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

@Tag("diagnostic")
class DefaultAlignerDiagnostics {

    @Test
    void errorMaps() {
        for (String name : System.getProperty("diag.images", "apple.jpg,dog.jpg").split(",")) {
            RgbImage image = ImageDecoder.decode(Path.of("assets/samples", name));
            AffineWarp warp = new AffineWarp(Double.parseDouble(System.getProperty("diag.rot", "0")),
                    Double.parseDouble(System.getProperty("diag.scale", "1")),
                    Double.parseDouble(System.getProperty("diag.sx", "0")) * image.width(), 0, image.width(), image.height());
            RgbImage target = warp.warp(image, AffineWarp.Fill.valueOf(System.getProperty("diag.fill", "MIRROR")));
            Alignment a = new DefaultAligner().align(DecodedImage.of(image), DecodedImage.of(target),
                    ProgressListener.NONE, CancelToken.NEVER);
            for (Readout readout : Readout.values()) {
                StringBuilder map = new StringBuilder();
                double cellW = image.width() / 18.0;
                double cellH = image.height() / 18.0;
                double sumErr = 0;
                int n = 0;
                int ok = 0;
                double sx = 0, sy = 0;
                for (Match m : a.matches(readout, ConfidenceKind.PEAK_PROBABILITY).matches()) {
                    PixelPoint truth = warp.apply(m.source().x(), m.source().y());
                    if (!warp.inside(truth)) {
                        map.append(' ');
                    } else {
                        double ex = (m.target().x() - truth.x()) / cellW;
                        double ey = (m.target().y() - truth.y()) / cellH;
                        double e = Math.hypot(ex, ey);
                        sx += ex;
                        sy += ey;
                        sumErr += e;
                        n++;
                        boolean good = m.target().distance(truth) <= 0.05 * Math.max(image.width(), image.height());
                        if (good) {
                            ok++;
                        }
                        map.append(e < 0.25 ? '.' : e < 0.5 ? ':' : e < 1 ? 'o' : e < 2 ? 'O' : '#');
                    }
                    if (map.length() % 19 == 18) {
                        map.append('\n');
                    }
                }
                System.out.printf(Locale.ROOT, "%s %s: mean err %.2f cells, bias (%.2f, %.2f), PCK@0.05 %.3f%n",
                        name, readout, sumErr / n, sx / n, sy / n, (double) ok / n);
                if (readout == Readout.FUSED) {
                    System.out.println(map);
                }
            }
        }
    }
}
