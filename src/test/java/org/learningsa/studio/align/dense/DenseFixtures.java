package org.learningsa.studio.align.dense;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.learningsa.studio.align.Alignment;
import org.learningsa.studio.align.Correspondence;
import org.learningsa.studio.align.DefaultAligner;
import org.learningsa.studio.align.Direction;
import org.learningsa.studio.align.NetworkCorrespondence;
import org.learningsa.studio.align.PixelPoint;
import org.learningsa.studio.align.Readout;
import org.learningsa.studio.core.CancelToken;
import org.learningsa.studio.core.ProgressListener;
import org.learningsa.studio.image.DecodedImage;
import org.learningsa.studio.image.ImageDecoder;
import org.learningsa.studio.image.RgbImage;

/** The known-truth pairs of ../shared/fixtures/dense and the metrics of their README (EPE over a mask). */
final class DenseFixtures {

    static final Path FOLDER = Path.of("..", "shared", "fixtures", "dense");

    private DenseFixtures() {
    }

    static boolean present() {
        return Files.isRegularFile(FOLDER.resolve("truth.json"));
    }

    /** One pair: images, true source→target flow (H, W, 2) and the masks. */
    record Pair(String name, RgbImage source, RgbImage target, float[] trueFlow, boolean[] valid, boolean[] band) {

        static Pair load(String name) {
            RgbImage source = ImageDecoder.decode(FOLDER.resolve(name + "_A.png"));
            RgbImage target = ImageDecoder.decode(FOLDER.resolve(name + "_B.png"));
            return new Pair(name, source, target, readFloatNpy(FOLDER.resolve(name + "_flow_AB.npy")),
                    mask(FOLDER.resolve(name + "_valid_AB.png")), mask(FOLDER.resolve(name + "_band_AB.png")));
        }

        /** The default aligner's correspondence, fused readout, as {@code lsa match} builds it. */
        Correspondence defaultCoarse() {
            Alignment alignment = new DefaultAligner().align(DecodedImage.of(source), DecodedImage.of(target),
                    ProgressListener.NONE, CancelToken.NEVER);
            return new NetworkCorrespondence(alignment, Readout.FUSED);
        }

        /** Mean end-point error of a source→target map over a mask. */
        double epe(Correspondence correspondence, boolean[] mask) {
            int w = source.width();
            double sum = 0;
            int count = 0;
            for (int i = 0; i < mask.length; i++) {
                if (!mask[i]) {
                    continue;
                }
                int x = i % w;
                int y = i / w;
                PixelPoint p = correspondence.map(Direction.SOURCE_TO_TARGET, x, y);
                sum += Math.hypot(p.x() - x - trueFlow[2 * i], p.y() - y - trueFlow[2 * i + 1]);
                count++;
            }
            return sum / count;
        }
    }

    static boolean[] mask(Path png) {
        RgbImage image = ImageDecoder.decode(png);
        boolean[] mask = new boolean[image.width() * image.height()];
        for (int i = 0; i < mask.length; i++) {
            mask[i] = (image.rgb()[3 * i] & 0xFF) > 127;
        }
        return mask;
    }

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");

    /** A little-endian float32 .npy in C order (the fixtures' truth), flattened. */
    static float[] readFloatNpy(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            int major = bytes[6];
            int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
            int start = (major == 1 ? 10 : 12) + headerLength;
            String header = new String(bytes, 0, start, StandardCharsets.ISO_8859_1);
            Matcher descr = DESCR.matcher(header);
            if (!descr.find() || !descr.group(1).equals("<f4") || header.contains("'fortran_order': True")) {
                throw new IllegalStateException(file + ": expected a C-order float32 array: " + header);
            }
            float[] values = new float[(bytes.length - start) / 4];
            buffer.position(start);
            buffer.asFloatBuffer().get(values);
            return values;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
